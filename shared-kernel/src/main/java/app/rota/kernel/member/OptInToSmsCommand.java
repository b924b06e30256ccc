package app.rota.kernel.member;

import app.rota.kernel.common.GroupScoped;
import app.rota.kernel.group.GroupId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The member's number gets SMS again: they texted {@code keyword} (START, UNSTOP, YES). Opting in twice changes nothing. */
public record OptInToSmsCommand(@TargetAggregateIdentifier MemberId memberId, GroupId groupId, String keyword)
        implements GroupScoped {
}
