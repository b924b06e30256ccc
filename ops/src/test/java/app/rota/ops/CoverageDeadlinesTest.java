package app.rota.ops;

import app.rota.ops.support.Api;
import app.rota.ops.support.RotaIntegrationTest;
import app.rota.ops.support.ScheduleFixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The deadlines of coverage requests on the real stack (JobRunr polls every 5 s): a request still open
 * after the group's escalation timeout (here one minute) is escalated; an open shift still open when
 * the shift starts is UNFILLED, and its slot shows as a gap.
 */
class CoverageDeadlinesTest extends RotaIntegrationTest {

    @Test
    void aRequestStillOpenAfterAOneMinuteTimeoutIsEscalatedAndStaysOpen() {
        String admin = adminToken();
        ScheduleFixtures fixtures = new ScheduleFixtures(api, admin);
        String group = fixtures.group("UTC");
        assertThat(api.put("/api/v1/groups/" + group + "/settings", admin, "{\"escalationTimeoutMinutes\":1}").status()).isEqualTo(200);
        String primary = fixtures.shiftType(group, "Primary", "08:00", 24);
        String ann = fixtures.member(group, "Ann");
        fixtures.member(group, "Bob");
        assertThat(fixtures.assign(group, primary, "2038-07-05", ann).status()).isEqualTo(200);
        Instant asked = Instant.now();

        Api.Response request = api.post("/api/v1/groups/" + group + "/coverage-requests", admin,
                "{\"slot\":{\"shiftTypeId\":\"" + primary + "\",\"date\":\"2038-07-05\"}}");
        assertThat(request.status()).as(request.body()).isEqualTo(201);
        String path = "/api/v1/groups/" + group + "/coverage-requests/" + request.text("id");

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonNode read = api.get(path, admin).json();
            assertThat(read.get("escalatedAt").isNull()).isFalse();
        });
        JsonNode read = api.get(path, admin).json();
        assertThat(read.get("status").asString()).isEqualTo("OPEN");
        Instant escalatesAt = Instant.parse(read.get("escalatesAt").asString());
        assertThat(escalatesAt).isBetween(asked.plusSeconds(59), asked.plusSeconds(75));
        assertThat(Instant.parse(read.get("escalatedAt").asString())).isAfterOrEqualTo(escalatesAt);
    }

    @Test
    void anOpenShiftStillOpenWhenItStartsIsUnfilledAndItsSlotIsAGap() {
        String admin = adminToken();
        ScheduleFixtures fixtures = new ScheduleFixtures(api, admin);
        String group = fixtures.group("UTC");
        fixtures.member(group, "Ann");
        ZonedDateTime start = ZonedDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).plusMinutes(2);
        String soon = fixtures.shiftType(group, "Soon", start.toLocalTime().toString(), 1);
        String date = start.toLocalDate().toString();

        Api.Response posted = api.post("/api/v1/groups/" + group + "/coverage-requests", admin,
                "{\"slot\":{\"shiftTypeId\":\"" + soon + "\",\"date\":\"" + date + "\"}}");
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        String path = "/api/v1/groups/" + group + "/coverage-requests/" + posted.text("id");

        await().atMost(Duration.ofSeconds(200)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(api.get(path, admin).json().get("status").asString()).isEqualTo("UNFILLED"));
        JsonNode read = api.get(path, admin).json();
        assertThat(Instant.parse(read.get("closedAt").asString())).isAfterOrEqualTo(start.toInstant());
        assertThat(read.get("escalatedAt").isNull()).as("escalated at the latest when it starts").isFalse();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(api.get("/api/v1/groups/" + group
                + "/calendar?from=" + date + "&to=" + date, admin).json().at("/slots/0/status").asString()).isEqualTo("GAP"));
    }
}
