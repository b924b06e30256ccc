package app.rota.kernel.coverage;

import app.rota.kernel.common.GroupScoped;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.member.MemberId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A member takes the slot; {@code memberId} null means the actor themselves (an admin names whom they claim for). */
public record ClaimCoverageCommand(@TargetAggregateIdentifier CoverageRequestId requestId, GroupId groupId, MemberId memberId)
        implements GroupScoped {
}
