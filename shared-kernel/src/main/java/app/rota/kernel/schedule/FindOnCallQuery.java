package app.rota.kernel.schedule;

import app.rota.kernel.common.GroupScoped;
import app.rota.kernel.group.GroupId;

import java.time.Instant;

/** Who is on call at {@code at}; with {@code asOf}, as the schedule was recorded at that instant (null: now). */
public record FindOnCallQuery(GroupId groupId, Instant at, Instant asOf) implements GroupScoped {

    public FindOnCallQuery(GroupId groupId, Instant at) {
        this(groupId, at, null);
    }
}
