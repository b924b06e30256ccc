package app.rota.ops;

import app.rota.ops.support.RotaIntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A projection whose handler fails is never skipped: the processor retries with back-off, the
 * failure is counted, readiness goes DOWN, and once the cause is gone the event is applied.
 */
class ProcessorFailureTest extends RotaIntegrationTest {

    private static final Pattern GROUP_FAILURES =
            Pattern.compile("rota_event_handler_failures_total\\{[^}]*processor=\"groups\"[^}]*} ([0-9.]+)");

    @Test
    void aProjectionWhoseTableIsGoneRetriesUntilItSucceedsAndIsVisibleMeanwhile() {
        String admin = adminToken();
        double failuresBefore = groupFailures();
        jdbc.execute("alter table group_view rename to group_view_away");
        String id = null;
        try {
            id = api.post("/api/v1/groups", admin, "{\"name\":\"Resilient\",\"timeZone\":\"UTC\"}").text("id");

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(groupFailures()).isGreaterThan(failuresBefore);
                assertThat(api.get("/actuator/health/readiness", null).status()).isEqualTo(503);
            });
        } finally {
            jdbc.execute("alter table group_view_away rename to group_view");
            String created = id;
            // Recovery is awaited even when an assertion above failed, so no other test meets a processor in back-off.
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                assertThat(created).isNotNull();
                assertThat(api.get("/api/v1/groups/" + created, admin).status()).isEqualTo(200);
            });
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(api.get("/actuator/health/readiness", null).status()).isEqualTo(200));
        assertThat(jdbc.queryForObject("select count(*) from dead_letter_entry where processing_group = 'groups'", Long.class))
                .as("a missing table is the database's failure, retried, not the event's").isZero();
    }

    private double groupFailures() {
        Matcher matcher = GROUP_FAILURES.matcher(api.get("/actuator/prometheus", null).body());
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
