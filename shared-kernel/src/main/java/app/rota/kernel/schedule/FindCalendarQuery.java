package app.rota.kernel.schedule;

import app.rota.kernel.common.GroupScoped;
import app.rota.kernel.group.GroupId;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Group-local dates, inclusive, selecting slots by their date. With {@code asOf}, the calendar exactly as it was
 * recorded at that instant (null: as recorded now).
 */
public record FindCalendarQuery(GroupId groupId, LocalDate from, LocalDate to, Instant asOf) implements GroupScoped {

    public FindCalendarQuery(GroupId groupId, LocalDate from, LocalDate to) {
        this(groupId, from, to, null);
    }
}
