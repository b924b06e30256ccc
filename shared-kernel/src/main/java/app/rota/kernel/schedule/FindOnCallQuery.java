package app.rota.kernel.schedule;

import app.rota.kernel.common.GroupScoped;
import app.rota.kernel.group.GroupId;

import java.time.Instant;

public record FindOnCallQuery(GroupId groupId, Instant at) implements GroupScoped {
}
