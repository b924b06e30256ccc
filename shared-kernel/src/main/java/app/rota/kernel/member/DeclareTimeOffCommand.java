package app.rota.kernel.member;

import app.rota.kernel.common.GroupScoped;
import app.rota.kernel.group.GroupId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Group-local dates, inclusive. {@code timeOffId} names the declaration, so that it can be withdrawn. */
public record DeclareTimeOffCommand(@TargetAggregateIdentifier MemberId memberId, GroupId groupId, TimeOffId timeOffId,
                                    LocalDate from, LocalDate to, String reason) implements GroupScoped {
}
