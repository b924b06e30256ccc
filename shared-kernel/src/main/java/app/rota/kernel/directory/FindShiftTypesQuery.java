package app.rota.kernel.directory;

import app.rota.kernel.common.GroupScoped;
import app.rota.kernel.group.GroupId;

/** Every shift type of the group, retired ones included (flagged). */
public record FindShiftTypesQuery(GroupId groupId) implements GroupScoped {
}
