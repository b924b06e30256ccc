package app.rota.ops;

import app.rota.ops.support.Api;
import app.rota.ops.support.RotaIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

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
}
