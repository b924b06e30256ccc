package app.rota.kernel.schedule;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A slot as other resources name it: shift type and date, with its real start and end in the group's zone. */
public record SlotRef(ShiftTypeId shiftTypeId, LocalDate date, OffsetDateTime start, OffsetDateTime end) {
}
