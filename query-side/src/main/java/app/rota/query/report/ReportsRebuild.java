package app.rota.query.report;

import app.rota.query.replay.RebuildableProjection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/** The reports can be rebuilt while serving: these are all their tables. */
@Component
class ReportsRebuild implements RebuildableProjection {

    @Override
    public String name() {
        return FairnessReportProjection.PROCESSING_GROUP;
    }

    @Override
    public List<String> tables() {
        return List.of("report_group", "report_holiday", "report_shift_type", "report_member", "report_slot",
                "report_swap_move", "report_coverage");
    }

    @Override
    public Object handlersWritingTo(JdbcTemplate jdbc) {
        return new FairnessReportProjection(new ReportStore(jdbc));
    }
}
