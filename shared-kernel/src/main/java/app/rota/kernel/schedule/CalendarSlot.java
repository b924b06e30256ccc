package app.rota.kernel.schedule;

import app.rota.kernel.coverage.CoverageRequestId;
import app.rota.kernel.swap.SwapId;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One slot in a calendar: {@code version} is what a client sends back as {@code expectedVersion};
 * {@code swapId} names the pending swap it is in, {@code coverageRequestId} the open coverage request.
 */
public record CalendarSlot(ShiftTypeId shiftTypeId, String shiftTypeName, LocalDate date, OffsetDateTime start,
                           OffsetDateTime end, double realHours, SlotStatus status, Assignee assignee, long version,
                           SwapId swapId, CoverageRequestId coverageRequestId) {
}
