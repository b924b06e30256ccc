package app.rota.kernel.feed;

import app.rota.kernel.common.GroupScoped;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.member.MemberId;

/**
 * Issues the iCalendar feed of a member ({@code memberId} set: the member themself or an admin) or of the
 * whole group ({@code memberId} null: an admin), replacing (revoking) the one issued before. It carries only
 * the SHA-256 hash of the new token, hex: the token itself is a credential and travels in no message.
 */
public record IssueFeedCommand(GroupId groupId, MemberId memberId, String tokenHash) implements GroupScoped {
}
