package app.rota.kernel.group;

import app.rota.kernel.common.GroupScoped;

public record FindGroupQuery(GroupId groupId) implements GroupScoped {
}
