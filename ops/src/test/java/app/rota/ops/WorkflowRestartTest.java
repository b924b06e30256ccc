package app.rota.ops;

import app.rota.ops.support.Api;
import app.rota.ops.support.RotaIntegrationTest;
import app.rota.ops.support.RotaNode;
import app.rota.ops.support.ScheduleFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Rota stops while a swap is pending and starts again: the swap's expiry deadline still fires. */
class WorkflowRestartTest {

    private static final String PASSWORD = "workflow-admin-password";

    @Test
    void aSwapPendingAcrossARestartStillExpiresAtItsDeadline() {
        Path dataDir = RotaIntegrationTest.newDataDir("rota-workflow-");
        String token;
        String swaps;
        String swap;
        Instant expiresAt;

        try (ConfigurableApplicationContext first = RotaNode.start(dataDir, PASSWORD)) {
            Api api = new Api(RotaNode.port(first));
            token = api.login("admin", PASSWORD);
            ScheduleFixtures fixtures = new ScheduleFixtures(api, token);
            String group = fixtures.group("UTC");
            String primary = fixtures.shiftType(group, "Primary", "08:00", 24);
            String ann = fixtures.member(group, "Ann");
            String bob = fixtures.member(group, "Bob");
            assertThat(fixtures.assign(group, primary, "2038-08-02", ann).status()).isEqualTo(200);
            swaps = "/api/v1/groups/" + group + "/swaps";
            expiresAt = Instant.now().plusSeconds(25);
            Api.Response proposed = api.post(swaps, token, "{\"fromSlot\":{\"shiftTypeId\":\"" + primary + "\",\"date\":\"2038-08-02\"},"
                    + "\"counterpartId\":\"" + bob + "\",\"proposerId\":\"" + ann + "\",\"expiresAt\":\"" + expiresAt + "\"}");
            assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
            swap = proposed.text("id");
            await().atMost(Duration.ofSeconds(15)).until(() -> first.getBean(org.springframework.jdbc.core.JdbcTemplate.class)
                    .queryForObject("select count(*) from jobrunr_jobs where state = 'SCHEDULED'", Long.class) > 0);
        }
        assertThat(Instant.now()).as("stopped before the deadline").isBefore(expiresAt);

        try (ConfigurableApplicationContext second = RotaNode.start(dataDir, PASSWORD)) {
            Api api = new Api(RotaNode.port(second));
            String path = swaps + "/" + swap;

            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                    assertThat(api.get(path, token).json().get("status").asString()).isEqualTo("EXPIRED"));
            assertThat(Instant.parse(api.get(path, token).json().get("closedAt").asString())).isAfterOrEqualTo(expiresAt);
        }
    }
}
