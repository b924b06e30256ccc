package app.rota.ops;

import app.rota.ops.support.Api;
import app.rota.ops.support.RotaIntegrationTest;
import app.rota.ops.support.ScheduleFixtures;
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

    @Test
    void changingThePasswordRevokesEveryTokenIssuedBefore() {
        String group = api.post("/api/v1/groups", adminToken(), "{\"name\":\"Pw\",\"timeZone\":\"UTC\"}").text("id");
        String username = "pw-" + group.substring(0, 8);
        new ScheduleFixtures(api, adminToken()).memberWithLogin(group, "Pia", "MEMBER", username, "first-password-1");
        String before = api.login(username, "first-password-1");

        Api.Response changed = api.post("/api/v1/me/password", before,
                "{\"currentPassword\":\"first-password-1\",\"newPassword\":\"second-password-2\"}");

        assertThat(changed.status()).isEqualTo(204);
        Api.Response old = api.get("/api/v1/groups/" + group, before);
        assertThat(old.status()).isEqualTo(401);
        assertThat(old.json().get("code").asString()).isEqualTo("TOKEN_REVOKED");
        assertThat(api.get("/api/v1/groups/" + group, api.login(username, "second-password-2")).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/auth/login", null,
                "{\"username\":\"" + username + "\",\"password\":\"first-password-1\"}").status()).isEqualTo(401);
    }

    @Test
    void aPasswordChangeNeedsTheCurrentPasswordAndAUsableNewOne() {
        String token = api.login(PLAIN_USER, PLAIN_PASSWORD);

        Api.Response wrong = api.post("/api/v1/me/password", token,
                "{\"currentPassword\":\"not-it-at-all\",\"newPassword\":\"second-password-2\"}");
        Api.Response tooShort = api.post("/api/v1/me/password", token,
                "{\"currentPassword\":\"" + PLAIN_PASSWORD + "\",\"newPassword\":\"short\"}");

        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.json().get("code").asString()).isEqualTo("WRONG_PASSWORD");
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.json().get("code").asString()).isEqualTo("PASSWORD_TOO_SHORT");
        assertThat(api.login(PLAIN_USER, PLAIN_PASSWORD)).isNotBlank();
    }

    @Test
    void repeatedFailedLoginsForOneUsernameAreThrottledWithRetryAfter() {
        String body = "{\"username\":\"throttled-user\",\"password\":\"wrong-password\"}";
        for (int i = 0; i < 10; i++) {
            assertThat(api.post("/api/v1/auth/login", null, body).status()).isEqualTo(401);
        }

        Api.Response throttled = api.post("/api/v1/auth/login", null, body);

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.json().get("code").asString()).isEqualTo("TOO_MANY_ATTEMPTS");
        assertThat(throttled.retryAfter()).isNotNull();
        assertThat(Long.parseLong(throttled.retryAfter())).isBetween(1L, 600L);
        assertThat(api.login(PLAIN_USER, PLAIN_PASSWORD)).as("another username is not held up").isNotBlank();
    }

    @Test
    void aPasswordLongerThanBcryptReadsIsAPlainFailedLogin() {
        Api.Response response = api.post("/api/v1/auth/login", null,
                "{\"username\":\"" + PLAIN_USER + "\",\"password\":\"" + "p".repeat(200) + "\"}");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("code").asString()).isEqualTo("INVALID_CREDENTIALS");
    }
}
