package app.rota.ops;

import app.rota.ops.support.Api;
import app.rota.ops.support.RotaIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Instant;
import java.sql.Timestamp;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityApiTest extends RotaIntegrationTest {

    private static final String PLAIN_USER = "plain-user";
    private static final String PLAIN_PASSWORD = "plain-user-password";

    @Autowired
    private PasswordEncoder passwords;

    @BeforeEach
    void aUserWhoIsNotASuperAdmin() {
        jdbc.update("""
                insert into accounts (id, username, password_hash, super_admin, enabled, created_at, updated_at)
                values (?, ?, ?, false, true, ?, ?) on conflict do nothing""",
                UUID.randomUUID(), PLAIN_USER, passwords.encode(PLAIN_PASSWORD),
                Timestamp.from(Instant.now()), Timestamp.from(Instant.now()));
    }

    @Test
    void loginAnswersASignedTokenAndItsExpiry() {
        Api.Response response = api.post("/api/v1/auth/login", null,
                "{\"username\":\"" + ADMIN + "\",\"password\":\"" + ADMIN_PASSWORD + "\"}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text("token")).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
        assertThat(Instant.parse(response.text("expiresAt"))).isAfter(Instant.now().plusSeconds(3600));
    }

    @Test
    void aWrongPasswordOrAnUnknownUserIsRefusedAlike() {
        Api.Response wrongPassword = api.post("/api/v1/auth/login", null,
                "{\"username\":\"" + ADMIN + "\",\"password\":\"nope\"}");
        Api.Response unknownUser = api.post("/api/v1/auth/login", null,
                "{\"username\":\"nobody\",\"password\":\"nope\"}");

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownUser.status()).isEqualTo(401);
        assertThat(wrongPassword.json().get("code").asString()).isEqualTo("INVALID_CREDENTIALS");
        assertThat(unknownUser.body()).isEqualTo(wrongPassword.body());
    }

    @Test
    void loginWithoutAPasswordNamesTheMissingField() {
        Api.Response response = api.post("/api/v1/auth/login", null, "{\"username\":\"admin\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("field").asString()).isEqualTo("password");
    }

    @Test
    void passwordsAreStoredAsDelegatingEncoderHashes() {
        String hash = jdbc.queryForObject("select password_hash from accounts where username = ?", String.class, ADMIN);

        assertThat(hash).startsWith("{bcrypt}").doesNotContain(ADMIN_PASSWORD);
    }

    @Test
    void requestsWithoutATokenAreUnauthorizedWithAProblemDetail() {
        Api.Response response = api.post("/api/v1/groups", null, "{\"name\":\"A\",\"timeZone\":\"UTC\"}");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("code").asString()).isEqualTo("AUTHENTICATION_REQUIRED");
    }

    @Test
    void aTamperedTokenIsUnauthorized() {
        String token = adminToken();
        String tampered = token.substring(0, token.length() - 3) + (token.endsWith("AAA") ? "BBB" : "AAA");

        assertThat(api.get("/api/v1/groups/3f2b9c1e-0000-4000-8000-00000000beef", tampered).status()).isEqualTo(401);
    }

    @Test
    void aUserWhoIsNotASuperAdminCannotCreateGroups() {
        long eventsBefore = eventCount();

        Api.Response response = api.post("/api/v1/groups", api.login(PLAIN_USER, PLAIN_PASSWORD),
                "{\"name\":\"A\",\"timeZone\":\"UTC\"}");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("code").asString()).isEqualTo("ACCESS_DENIED");
        assertThat(eventCount()).isEqualTo(eventsBefore);
    }

    @Test
    void aUserOutsideAGroupCannotTellItExists() {
        String id = api.post("/api/v1/groups", adminToken(), "{\"name\":\"Private\",\"timeZone\":\"UTC\"}").text("id");
        String outsider = api.login(PLAIN_USER, PLAIN_PASSWORD);

        Api.Response existing = api.get("/api/v1/groups/" + id, outsider);
        Api.Response missing = api.get("/api/v1/groups/3f2b9c1e-0000-4000-8000-00000000beef", outsider);
        Api.Response settings = api.put("/api/v1/groups/" + id + "/settings", outsider, "{}");

        assertThat(existing.status()).isEqualTo(404);
        assertThat(settings.status()).isEqualTo(404);
        assertThat(existing.json().get("code").asString()).isEqualTo(missing.json().get("code").asString());
    }
}
