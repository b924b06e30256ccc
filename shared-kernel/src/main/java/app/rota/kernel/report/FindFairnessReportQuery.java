package app.rota.kernel.report;

import app.rota.kernel.common.GroupScoped;
import app.rota.kernel.group.GroupId;

import java.time.LocalDate;

/** How evenly the group's call was shared over group-local dates {@code from}..{@code to} (inclusive), slots selected by their date. */
public record FindFairnessReportQuery(GroupId groupId, LocalDate from, LocalDate to) implements GroupScoped {
}
