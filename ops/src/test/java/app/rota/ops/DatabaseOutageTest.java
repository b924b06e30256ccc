package app.rota.ops;

import app.rota.ops.support.Api;
import app.rota.ops.support.CuttableProxy;
import app.rota.ops.support.RotaIntegrationTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The database out of reach (every connection dropped, new ones refused) and back: commands and reads
 * answer 503 {@code DATABASE_UNAVAILABLE} with {@code Retry-After} within seconds, readiness answers
 * DOWN promptly, and everything works again once the database is back, by itself.
 */
@DirtiesContext
class DatabaseOutageTest extends RotaIntegrationTest {

    private static final EmbeddedPostgres POSTGRES = start();
    private static final CuttableProxy PROXY = new CuttableProxy(POSTGRES.getPort());

    private static EmbeddedPostgres start() {
        try {
            return EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void throughTheProxy(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:postgresql://127.0.0.1:" + PROXY.port() + "/postgres");
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    @Test
    void anUnreachableDatabaseAnswers503PromptlyAndRotaRecoversByItself() {
        String admin = adminToken();
        assertThat(api.post("/api/v1/groups", admin, "{\"name\":\"Before\",\"timeZone\":\"UTC\"}").status()).isEqualTo(201);

        PROXY.cut();
        try {
            long started = System.nanoTime();
            Api.Response command = api.post("/api/v1/groups", admin, "{\"name\":\"During\",\"timeZone\":\"UTC\"}");
            Api.Response readiness = api.get("/actuator/health/readiness", null);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(command.status()).as(command.body()).isEqualTo(503);
            assertThat(command.contentType()).startsWith("application/problem+json");
            assertThat(command.json().get("code").asString()).isEqualTo("DATABASE_UNAVAILABLE");
            assertThat(command.retryAfter()).isEqualTo("5");
            assertThat(readiness.status()).isEqualTo(503);
            assertThat(took).as("both answers, not a hang").isLessThan(Duration.ofSeconds(15));
        } finally {
            PROXY.restore();
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(api.get("/actuator/health/readiness", null).status()).isEqualTo(200));
        assertThat(api.post("/api/v1/groups", adminToken(), "{\"name\":\"After\",\"timeZone\":\"UTC\"}").status()).isEqualTo(201);
        assertThat(jdbc.queryForObject("select count(*) from group_view where name = 'During'", Long.class)).isZero();
    }
}
