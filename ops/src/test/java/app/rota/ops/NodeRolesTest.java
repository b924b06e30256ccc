package app.rota.ops;

import app.rota.ops.support.Api;
import app.rota.ops.support.RotaIntegrationTest;
import app.rota.ops.support.RotaNode;
import app.rota.ops.support.ScheduleFixtures;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A node runs the parts its roles name: a command-only node writes, a query-only node on the same database reads. */
class NodeRolesTest {

    private static final String PASSWORD = "roles-admin-password";

    @Test
    void aCommandOnlyNodeWritesAndAQueryOnlyNodeReadsWhatItWrote() {
        Path dataDir = RotaIntegrationTest.newDataDir("rota-roles-");
        String groupId;

        try (ConfigurableApplicationContext writer = RotaNode.start(dataDir, PASSWORD, "--rota.roles.query-side=false", "--rota.roles.notifier=false")) {
            Api api = new Api(RotaNode.port(writer));
            String token = api.login("admin", PASSWORD);

            groupId = api.post("/api/v1/groups", token, "{\"name\":\"Writers\",\"timeZone\":\"Europe/Rome\"}").text("id");

            assertThat(groupId).isNotBlank();
            ScheduleFixtures fixtures = new ScheduleFixtures(api, token);
            String primary = api.post("/api/v1/groups/" + groupId + "/shift-types", token, "{\"name\":\"P\",\"startTime\":\"08:00\","
                    + "\"durationHours\":24,\"daysOfWeek\":[\"MONDAY\",\"TUESDAY\",\"WEDNESDAY\",\"THURSDAY\",\"FRIDAY\",\"SATURDAY\",\"SUNDAY\"]}")
                    .text("id");
            String ann = fixtures.member(groupId, "Ann");
            String bob = fixtures.member(groupId, "Bob");
            assertThat(fixtures.assign(groupId, primary, "2038-09-06", ann).status()).isEqualTo(200);
            String swap = api.post("/api/v1/groups/" + groupId + "/swaps", token, "{\"fromSlot\":{\"shiftTypeId\":\"" + primary
                    + "\",\"date\":\"2038-09-06\"},\"counterpartId\":\"" + bob + "\",\"proposerId\":\"" + ann + "\"}").text("id");
            Api.Response accepted = api.post("/api/v1/groups/" + groupId + "/swaps/" + swap + "/accept", token, "");
            assertThat(accepted.status()).as("a command-only node answers the command's own result").isEqualTo(200);
            assertThat(accepted.json().get("status").asString()).isEqualTo("COMPLETED");
            assertThat(api.get("/api/v1/groups/" + groupId, token).status()).as("no read side here").isEqualTo(404);
            EventProcessingConfiguration processing = writer.getBean(EventProcessingConfiguration.class);
            assertThat(processing.eventProcessors()).containsOnlyKeys("command-tables", "swap-metrics", "coverage-metrics", "SwapSagaProcessor", "CoverageSagaProcessor");
            assertThat(api.get("/actuator/health/readiness", token).json().get("status").asString()).isEqualTo("UP");
        }

        try (ConfigurableApplicationContext reader = RotaNode.start(dataDir, PASSWORD, "--rota.roles.command-side=false")) {
            Api api = new Api(RotaNode.port(reader));
            String token = api.login("admin", PASSWORD);

            await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/v1/groups/" + groupId, token).status() == 200);
            assertThat(api.get("/api/v1/groups/" + groupId, token).text("timeZone")).isEqualTo("Europe/Rome");
            assertThat(api.get("/api/v1/groups/" + groupId + "/calendar?from=2038-01-01&to=2038-01-07", token).status())
                    .isEqualTo(200);
            await("a processor new to this database reads it from the first event").atMost(Duration.ofSeconds(20))
                    .until(() -> api.get("/api/v1/groups/" + groupId + "/members", token).json().path("members").size() == 2);
            assertThat(api.get("/api/v1/groups/" + groupId + "/shift-types", token).json().at("/shiftTypes/0/name").asString())
                    .isEqualTo("P");
            assertThat(api.post("/api/v1/groups", token, "{\"name\":\"Nope\",\"timeZone\":\"UTC\"}").status())
                    .as("no command side here").isIn(404, 405);
            EventProcessingConfiguration processing = reader.getBean(EventProcessingConfiguration.class);
            assertThat(processing.eventProcessors()).as("the query side's projections and the notifier's processor")
                    .containsOnlyKeys("groups", "calendar", "swaps", "coverage", "feeds", "reports", "audit", "directory", "notifier");
        }
    }
}
