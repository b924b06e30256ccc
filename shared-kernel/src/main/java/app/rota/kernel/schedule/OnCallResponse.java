package app.rota.kernel.schedule;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Every slot whose interval contains {@code at}, one per shift type; an open one has no assignee. {@code asOf} is
 * the instant the schedule was read as of (null: as recorded now).
 */
public record OnCallResponse(OffsetDateTime at, OffsetDateTime asOf, List<CalendarSlot> onCall) {

    public OnCallResponse(OffsetDateTime at, List<CalendarSlot> onCall) {
        this(at, null, onCall);
    }
}
