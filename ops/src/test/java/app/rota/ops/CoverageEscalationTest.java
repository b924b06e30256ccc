package app.rota.ops;

import app.rota.ops.support.Api;
import app.rota.ops.support.RotaIntegrationTest;
import app.rota.ops.support.ScheduleFixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A coverage request still open after the group's escalation timeout (here one minute) is escalated by its deadline. */
class CoverageEscalationTest extends RotaIntegrationTest {

    @Test
    void aRequestStillOpenAfterAOneMinuteTimeoutIsEscalatedAndStaysOpen() {
        String admin = adminToken();
        ScheduleFixtures fixtures = new ScheduleFixtures(api, admin);
        String group = fixtures.group("UTC");
        assertThat(api.put("/api/v1/groups/" + group + "/settings", admin, "{\"escalationTimeoutMinutes\":1}").status()).isEqualTo(200);
        String primary = fixtures.shiftType(group, "Primary", "08:00", 24);
        String ann = fixtures.member(group, "Ann");
        fixtures.member(group, "Bob");
        assertThat(fixtures.assign(group, primary, "2027-07-05", ann).status()).isEqualTo(200);
        Instant asked = Instant.now();

        Api.Response request = api.post("/api/v1/groups/" + group + "/coverage-requests", admin,
                "{\"slot\":{\"shiftTypeId\":\"" + primary + "\",\"date\":\"2027-07-05\"}}");
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
}
