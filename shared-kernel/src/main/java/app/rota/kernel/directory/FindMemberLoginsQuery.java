package app.rota.kernel.directory;

import app.rota.kernel.common.GroupScoped;
import app.rota.kernel.group.GroupId;

/** The usernames of the group's members who have a login (answered from the accounts, not from events). */
public record FindMemberLoginsQuery(GroupId groupId) implements GroupScoped {
}
