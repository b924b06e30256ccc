package app.rota.kernel.directory;

import app.rota.kernel.common.GroupScoped;
import app.rota.kernel.group.GroupId;

/** The group's members (the active ones, or all with {@code includeInactive}), by name. */
public record FindMembersQuery(GroupId groupId, boolean includeInactive) implements GroupScoped {
}
