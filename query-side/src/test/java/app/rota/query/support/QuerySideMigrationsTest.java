package app.rota.query.support;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** The query side's migrations live with the projections that own their tables and need nothing else. */
class QuerySideMigrationsTest {

    @Test
    void theQuerySideMigrationsApplyOnAnEmptyDatabaseWithoutTheEventStore() {
        DataSource database = ProjectionDatabase.fresh();
        Flyway flyway = Flyway.configure().dataSource(database).locations("classpath:db/migration").load();

        flyway.migrate();

        assertThat(Arrays.stream(flyway.info().applied()).map(MigrationInfo::getScript))
                .containsExactly("V3__group_view.sql", "V5__calendar_views.sql", "V8__calendar_group.sql",
                        "V12__swap_views.sql", "V13__coverage_views.sql", "V15__calendar_member_sms.sql",
                        "V16__audit_log.sql", "V17__fairness_report.sql", "V18__feeds.sql", "V19__calendar_history.sql", "V21__directory.sql");
        assertThat(new JdbcTemplate(database).queryForList(
                "select table_name from information_schema.tables where table_schema = 'public' and table_name <> 'flyway_schema_history'",
                String.class))
                .containsExactlyInAnyOrder("group_view", "group_view_holiday", "shift_type_view", "member_view", "slot_view",
                        "calendar_group", "swap_group", "swap_member", "swap_view", "swap_history",
                        "coverage_group", "coverage_member", "coverage_request_view", "coverage_offered", "coverage_history",
                        "audit_group", "audit_member", "audit_shift_type", "audit_swap", "audit_coverage", "audit_entry",
                        "audit_entry_member", "feed_token", "feed_member", "report_group", "report_holiday", "report_shift_type", "report_member", "report_slot",
                        "report_swap_move", "report_coverage", "calendar_slot_change", "calendar_member_change", "calendar_shift_type_change",
                        "directory_group", "directory_member", "directory_shift_type", "directory_time_off");
    }
}
