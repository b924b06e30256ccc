package app.rota.kernel.report;

import java.time.LocalDate;
import java.util.List;

/**
 * The answer to {@link FindFairnessReportQuery}: one line per member (sorted by name) and, in {@code spread}, how
 * far apart the members who take call ended up.
 */
public record FairnessReport(LocalDate from, LocalDate to, List<MemberFairness> members, FairnessSpread spread) {

    public FairnessReport {
        members = List.copyOf(members);
    }
}
