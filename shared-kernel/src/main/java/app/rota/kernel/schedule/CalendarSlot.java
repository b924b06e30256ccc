package app.rota.kernel.schedule;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One slot in a calendar: {@code version} is what a client sends back as {@code expectedVersion}. */
public record CalendarSlot(ShiftTypeId shiftTypeId, String shiftTypeName, LocalDate date, OffsetDateTime start,
                           OffsetDateTime end, double realHours, SlotStatus status, Assignee assignee, long version) {
}
