package app.rota.kernel.group;

import java.time.Instant;

/** A group as the read side knows it; {@code version} counts the group's own events. */
public record GroupResponse(GroupId id, String name, String timeZone, GroupSettings settings,
                            Instant createdAt, long version) {
}
