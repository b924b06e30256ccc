package app.rota.kernel.schedule;

import app.rota.kernel.common.GroupScoped;
import app.rota.kernel.group.GroupId;

import java.time.LocalDate;

/** Group-local dates, inclusive, selecting slots by their date. */
public record FindCalendarQuery(GroupId groupId, LocalDate from, LocalDate to) implements GroupScoped {
}
