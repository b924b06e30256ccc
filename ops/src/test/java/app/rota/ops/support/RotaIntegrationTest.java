package app.rota.ops.support;

import app.rota.RotaApplication;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the integration tests: the whole application on a random port, on a real PostgreSQL —
 * the embedded one in a fresh data directory, or the server named by {@code SPRING_DATASOURCE_URL}.
 * The context is shared by every subclass.
 */
@SpringBootTest(classes = RotaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class RotaIntegrationTest {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "it-admin-password-1";
    private static final Path DATA_DIR = newDataDir("rota-it-");

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    protected Api api;

    @DynamicPropertySource
    static void rotaProperties(DynamicPropertyRegistry registry) {
        registry.add("rota.data-dir", DATA_DIR::toString);
        registry.add("rota.admin.username", () -> ADMIN);
        registry.add("rota.admin.password", () -> ADMIN_PASSWORD);
        registry.add("rota.stream.heartbeat", () -> "PT1S");
        // a stream ends after 10 s here (30 min in production), so a plain GET of it (the tenant walk) returns
        registry.add("rota.stream.max-duration", () -> "PT10S");
        twilioProperties(registry);
    }

    /** Twilio is the shared fake; retries are quick so tests of a Twilio outage take seconds. */
    public static void twilioProperties(DynamicPropertyRegistry registry) {
        FakeTwilio twilio = FakeTwilio.shared();
        registry.add("rota.twilio.account-sid", () -> FakeTwilio.ACCOUNT_SID);
        registry.add("rota.twilio.auth-token", () -> FakeTwilio.AUTH_TOKEN);
        registry.add("rota.twilio.from-number", () -> FakeTwilio.FROM);
        registry.add("rota.twilio.api-base-url", twilio::baseUrl);
        registry.add("rota.public-base-url", () -> FakeTwilio.PUBLIC_BASE_URL);
        registry.add("rota.sms.first-retry", () -> "PT1S");
        registry.add("rota.sms.max-retry-delay", () -> "PT2S");
        registry.add("rota.sms.max-attempts", () -> "5");
        registry.add("rota.sms.max-per-second", () -> "200");
    }

    @BeforeEach
    void connectClient() {
        api = new Api(port);
    }

    protected String adminToken() {
        return api.login(ADMIN, ADMIN_PASSWORD);
    }

    /**
     * The refusal contract: the given status as a problem detail with the code, the field (when one is
     * named) and a sentence, and no event stored.
     */
    protected void assertRefused(Supplier<Api.Response> call, int status, String code, String field) {
        long before = eventCount();
        Api.Response response = call.get();
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("code").asString()).as(response.body()).isEqualTo(code);
        if (field != null && !field.isBlank()) {
            assertThat(response.json().get("field").asString()).as(response.body()).isEqualTo(field);
        }
        assertThat(response.json().get("detail").asString()).isNotBlank();
        assertThat(eventCount()).as("nothing stored").isEqualTo(before);
    }

    protected long eventCount() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    /** The stored rotation summaries (RotationPublishedEvent payloads) of a group, oldest first. */
    protected List<JsonNode> rotationSummaries(String group) {
        return jdbc.queryForList("""
                select convert_from(payload, 'UTF8') from domain_event_entry
                where payload_type = 'app.rota.kernel.rotation.RotationPublishedEvent'
                  and convert_from(payload, 'UTF8')::jsonb ->> 'groupId' = ?
                order by global_index""", String.class, group)
                .stream().map(Api.JSON::readTree).toList();
    }

    public static Path newDataDir(String prefix) {
        try {
            Path target = Path.of("target");
            Files.createDirectories(target);
            return Files.createTempDirectory(target.toAbsolutePath(), prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
