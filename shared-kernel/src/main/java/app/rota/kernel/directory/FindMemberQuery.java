package app.rota.kernel.directory;

import app.rota.kernel.common.GroupScoped;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.member.MemberId;

/** One member of the group, with their time off that has not ended. */
public record FindMemberQuery(GroupId groupId, MemberId memberId) implements GroupScoped {
}
