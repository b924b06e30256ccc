package app.rota.query.report;

import app.rota.kernel.group.GroupId;
import app.rota.kernel.report.FairnessReport;
import app.rota.kernel.report.FindFairnessReportQuery;
import app.rota.kernel.report.MemberFairness;
import app.rota.query.csv.Csv;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The fairness report, as JSON or (with {@code Accept: text/csv}) as one CSV row per member. Any role of the group
 * may read it: it shows what the calendar already shows to all of them, added up.
 */
@RestController
@Tag(name = "Reports")
class ReportController {

    private static final String FAIRNESS = "/api/v1/groups/{groupId}/reports/fairness";

    private final QueryGateway queries;

    ReportController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping(FAIRNESS)
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'GROUP_ADMIN', 'GROUP_MEMBER', 'GROUP_AUDITOR')")
    FairnessReport fairness(@PathVariable UUID groupId,
                            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return queries.query(new FindFairnessReportQuery(new GroupId(groupId), from, to),
                ResponseTypes.instanceOf(FairnessReport.class)).join();
    }

    @GetMapping(value = FAIRNESS, produces = Csv.MEDIA_TYPE)
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'GROUP_ADMIN', 'GROUP_MEMBER', 'GROUP_AUDITOR')")
    ResponseEntity<String> fairnessCsv(@PathVariable UUID groupId,
                                       @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                       @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        FairnessReport report = fairness(groupId, from, to);
        Csv csv = Csv.withHeader("memberId", "name", "slots", "realHours", "weekendSlots", "holidaySlots", "nightSlots",
                "swapsGiven", "swapsTaken", "coverageGiven", "coverageTaken");
        for (MemberFairness line : report.members()) {
            csv.row(line.memberId(), line.name(), line.slots(), line.realHours(), line.weekendSlots(), line.holidaySlots(),
                    line.nightSlots(), line.swapsGiven(), line.swapsTaken(), line.coverageGiven(), line.coverageTaken());
        }
        return csv.response("fairness-" + report.from() + "-to-" + report.to() + ".csv");
    }
}
