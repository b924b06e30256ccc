package app.rota.kernel.swap;

import app.rota.kernel.common.GroupScoped;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.member.MemberId;

/** The group's swaps, newest first; {@code status} and {@code memberId} (proposer or counterpart) filter when given. */
public record FindSwapsQuery(GroupId groupId, SwapStatus status, MemberId memberId, int page, int size) implements GroupScoped {
}
