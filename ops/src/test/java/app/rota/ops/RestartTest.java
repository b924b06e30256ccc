package app.rota.ops;

import app.rota.ops.support.Api;
import app.rota.ops.support.RotaIntegrationTest;
import app.rota.ops.support.RotaNode;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Stop Rota and start it again on the same data directory: data, tokens and the admin survive. */
class RestartTest {

    private static final String PASSWORD = "restart-admin-password";

    @Test
    void groupsTokensAndTheAdminSurviveARestart() {
        Path dataDir = RotaIntegrationTest.newDataDir("rota-restart-");
        String token;
        String groupId;

        try (ConfigurableApplicationContext first = RotaNode.start(dataDir, PASSWORD)) {
            Api api = new Api(RotaNode.port(first));
            token = api.login("admin", PASSWORD);
            groupId = api.post("/api/v1/groups", token, "{\"name\":\"Survivor\",\"timeZone\":\"Australia/Sydney\"}").text("id");
            await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/v1/groups/" + groupId, token).status() == 200);
        }

        // A different password on the second start must not create or reset the existing super admin.
        try (ConfigurableApplicationContext second = RotaNode.start(dataDir, "another-password-entirely")) {
            Api api = new Api(RotaNode.port(second));

            Api.Response group = api.get("/api/v1/groups/" + groupId, token);

            assertThat(group.status()).isEqualTo(200);
            assertThat(group.text("name")).isEqualTo("Survivor");
            assertThat(group.text("timeZone")).isEqualTo("Australia/Sydney");
            assertThat(api.login("admin", PASSWORD)).isNotBlank();
            assertThat(api.post("/api/v1/groups", api.login("admin", PASSWORD), "{\"name\":\"After\",\"timeZone\":\"UTC\"}")
                    .status()).isEqualTo(201);
        }
        if (System.getenv("SPRING_DATASOURCE_URL") == null) {
            assertThat(Files.exists(dataDir.resolve("postgres").resolve("PG_VERSION"))).isTrue();
        }
        assertThat(Files.exists(dataDir.resolve("jwt-secret"))).isTrue();
    }
}
