package app.rota.ops;

import app.rota.ops.support.Api;
import app.rota.ops.support.RotaIntegrationTest;
import app.rota.ops.support.ScheduleFixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class OperationsTest extends RotaIntegrationTest {

    @Test
    void healthIsUpAndReadinessCoversTheDatabaseEventProcessorsAndDeadLetters() {
        Api.Response readiness = api.get("/actuator/health/readiness", adminToken());

        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().get("status").asString()).isEqualTo("UP");
        assertThat(readiness.json().at("/components/deadLetters/status").asString()).isEqualTo("UP");
        assertThat(readiness.json().at("/components/db/status").asString()).isEqualTo("UP");
        assertThat(readiness.json().at("/components/eventProcessors/status").asString()).isEqualTo("UP");
        assertThat(readiness.json().at("/components/eventProcessors/details/groups/running").asBoolean()).isTrue();
        assertThat(api.get("/actuator/health/liveness", null).status()).isEqualTo(200);
    }

    @Test
    void prometheusShowsAxonCommandAndProcessorMetricsWithDimensionalTags() {
        api.post("/api/v1/groups", adminToken(), "{\"name\":\"Metrics\",\"timeZone\":\"UTC\"}");

        String metrics = api.get("/actuator/prometheus", null).body();

        assertThat(metrics)
                .contains("commandBus_successCounter_total{application=\"rota\",payloadType=\"CreateGroupCommand\"}")
                .contains("eventProcessor_latency{application=\"rota\",processorName=\"groups\"}")
                .contains("jobrunr_")
                .contains("http_server_requests_seconds_count")
                .contains("jvm_memory_used_bytes");
    }

    @Test
    void healthDetailsAndMetricsAreForTheSuperAdminOnlyWhilePrometheusStaysScrapeable() {
        Api.Response anonymousReadiness = api.get("/actuator/health/readiness", null);

        assertThat(anonymousReadiness.status()).isEqualTo(200);
        assertThat(anonymousReadiness.json().get("status").asString()).isEqualTo("UP");
        assertThat(anonymousReadiness.json().has("components")).isFalse();
        assertThat(api.get("/actuator/metrics", null).status()).isEqualTo(401);
        assertThat(api.get("/actuator/metrics", adminToken()).status()).isEqualTo(200);
        assertThat(api.get("/actuator/prometheus", null).status()).isEqualTo(200);
    }

    @Test
    void theOpenApiDocumentListsTheContractPaths() {
        Api.Response docs = api.get("/v3/api-docs", null);

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").propertyNames())
                .contains("/api/v1/auth/login", "/api/v1/groups", "/api/v1/groups/{groupId}", "/api/v1/groups/{groupId}/settings");
        assertThat(api.get("/swagger-ui/index.html", null).status()).isEqualTo(200);
    }

    @Test
    void everyResponseCarriesACorrelationId() {
        Api.Response response = api.get("/actuator/health", null);

        assertThat(response.correlationId()).matches("[0-9a-f-]{36}");
    }

    @Test
    void theSuperAdminSeesTheEventStoreAndWhereEachProjectionIsAndNobodyElseDoes() {
        String admin = adminToken();
        ScheduleFixtures fixtures = new ScheduleFixtures(api, admin);
        String group = fixtures.group("UTC");
        fixtures.memberWithLogin(group, "Ada", "ADMIN", "ada-" + group.substring(0, 8), "ops-password-1");
        long stored = eventCount();

        JsonNode store = api.get("/api/v1/admin/event-store", admin).json();
        assertThat(store.get("events").asLong()).isGreaterThanOrEqualTo(stored);
        assertThat(Instant.parse(store.get("firstAt").asString())).isBeforeOrEqualTo(Instant.parse(store.get("lastAt").asString()));
        assertThat(store.get("sizeBytes").asLong()).isPositive();

        List<String> projections = List.of("audit", "calendar", "coverage", "directory", "feeds", "groups", "notifier", "reports", "swaps");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<JsonNode> listed = new ArrayList<>();
            api.get("/api/v1/admin/projections", admin).json().get("projections").forEach(listed::add);
            assertThat(listed).extracting(p -> p.get("name").asString()).containsAll(projections);
            listed.stream().filter(p -> projections.contains(p.get("name").asString())).forEach(p -> {
                assertThat(p.get("status").asString()).isEqualTo("RUNNING");
                assertThat(p.get("replaying").asBoolean()).isFalse();
                assertThat(p.get("lag").asLong()).as(p.toString()).isZero();
                assertThat(p.get("position").asLong()).isEqualTo(p.get("head").asLong());
            });
        });

        String groupAdmin = api.login("ada-" + group.substring(0, 8), "ops-password-1");
        assertThat(api.get("/api/v1/admin/event-store", groupAdmin).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/admin/projections", groupAdmin).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/admin/projections", null).status()).isEqualTo(401);
    }
}
