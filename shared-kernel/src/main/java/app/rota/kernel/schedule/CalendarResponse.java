package app.rota.kernel.schedule;

import app.rota.kernel.group.GroupId;

import java.time.OffsetDateTime;
import java.util.List;

/** A group's calendar; {@code asOf} is the instant it was read as of, in the group's zone (null: as recorded now). */
public record CalendarResponse(GroupId groupId, String timeZone, OffsetDateTime asOf, List<CalendarSlot> slots) {

    public CalendarResponse(GroupId groupId, String timeZone, List<CalendarSlot> slots) {
        this(groupId, timeZone, null, slots);
    }
}
