package app.rota.kernel.coverage;

import app.rota.kernel.common.GroupScoped;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.member.MemberId;
import app.rota.kernel.schedule.SlotKey;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks for the slot to be covered: by its holder (or an admin for them, naming {@code requesterId}), or,
 * for an unassigned slot, by an admin as an open shift.
 */
public record RequestCoverageCommand(@TargetAggregateIdentifier CoverageRequestId requestId, GroupId groupId, SlotKey slot,
                                     MemberId requesterId, String reason) implements GroupScoped {
}
