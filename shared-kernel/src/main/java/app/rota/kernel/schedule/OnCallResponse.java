package app.rota.kernel.schedule;

import java.time.OffsetDateTime;
import java.util.List;

/** Every slot whose interval contains {@code at}, one per shift type; an open one has no assignee. */
public record OnCallResponse(OffsetDateTime at, List<CalendarSlot> onCall) {
}
