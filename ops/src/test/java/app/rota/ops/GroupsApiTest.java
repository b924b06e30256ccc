package app.rota.ops;

import app.rota.ops.support.Api;
import app.rota.ops.support.RotaIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class GroupsApiTest extends RotaIntegrationTest {

    private String admin;

    @BeforeEach
    void logIn() {
        admin = adminToken();
    }

    @Test
    void superAdminCreatesAGroupAndReadsItBack() {
        Api.Response created = api.post("/api/v1/groups", admin,
                "{\"name\":\"Cardiology\",\"timeZone\":\"America/Chicago\",\"settings\":{\"swapApprovalRequired\":true,"
                        + "\"holidays\":[\"2026-12-25\",\"2026-07-04\"]}}");

        assertThat(created.status()).isEqualTo(201);
        String id = created.text("id");
        assertThat(created.location()).endsWith("/api/v1/groups/" + id);

        JsonNode group = awaitGroup(id);
        assertThat(group.get("id").asString()).isEqualTo(id);
        assertThat(group.get("name").asString()).isEqualTo("Cardiology");
        assertThat(group.get("timeZone").asString()).isEqualTo("America/Chicago");
        assertThat(group.at("/settings/swapApprovalRequired").asBoolean()).isTrue();
        assertThat(group.at("/settings/dailyReminderTime").asString()).startsWith("08:00");
        assertThat(group.at("/settings/holidays").toString()).isEqualTo("[\"2026-07-04\",\"2026-12-25\"]");
        assertThat(group.get("version").asLong()).isEqualTo(1);
    }

    @Test
    void changedSettingsAreVisibleAndBumpTheVersion() {
        String id = createGroup("Night desk", "Europe/Paris");
        awaitGroup(id);

        Api.Response changed = api.put("/api/v1/groups/" + id + "/settings", admin,
                "{\"reminderLeadMinutes\":30,\"escalationTimeoutMinutes\":90,\"quietHoursStart\":\"23:00\"}");

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("reminderLeadMinutes").asInt()).isEqualTo(30);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode group = api.get("/api/v1/groups/" + id, admin).json();
            assertThat(group.get("version").asLong()).isEqualTo(2);
            assertThat(group.at("/settings/escalationTimeoutMinutes").asInt()).isEqualTo(90);
            assertThat(group.at("/settings/quietHoursStart").asString()).startsWith("23:00");
        });
    }

    @ParameterizedTest(name = "{0} is refused with {2} on {3}")
    @CsvSource(delimiter = '|', value = {
            "blank name          | {\"name\":\"  \",\"timeZone\":\"UTC\"}                                         | NAME_BLANK        | name",
            "missing name        | {\"timeZone\":\"UTC\"}                                                        | NAME_BLANK        | name",
            "over-long name      | {\"name\":\"%s\",\"timeZone\":\"UTC\"}                                         | NAME_TOO_LONG     | name",
            "unknown zone        | {\"name\":\"A\",\"timeZone\":\"America/Atlantis\"}                            | TIME_ZONE_UNKNOWN | timeZone",
            "offset as zone      | {\"name\":\"A\",\"timeZone\":\"+05:00\"}                                      | TIME_ZONE_UNKNOWN | timeZone",
            "missing zone        | {\"name\":\"A\"}                                                              | FIELD_REQUIRED    | timeZone",
            "negative lead time  | {\"name\":\"A\",\"timeZone\":\"UTC\",\"settings\":{\"reminderLeadMinutes\":-5}} | SETTING_INVALID   | settings.reminderLeadMinutes",
            "too short timeout   | {\"name\":\"A\",\"timeZone\":\"UTC\",\"settings\":{\"escalationTimeoutMinutes\":0}} | SETTING_INVALID | settings.escalationTimeoutMinutes",
            "impossible time     | {\"name\":\"A\",\"timeZone\":\"UTC\",\"settings\":{\"dailyReminderTime\":\"25:00\"}} | MALFORMED_REQUEST | settings.dailyReminderTime",
            "impossible holiday  | {\"name\":\"A\",\"timeZone\":\"UTC\",\"settings\":{\"holidays\":[\"2026-02-30\"]}} | MALFORMED_REQUEST | settings.holidays[0]",
            "wrong type          | {\"name\":\"A\",\"timeZone\":\"UTC\",\"settings\":{\"swapApprovalRequired\":\"maybe\"}} | MALFORMED_REQUEST | settings.swapApprovalRequired",
            "unknown field       | {\"name\":\"A\",\"timeZone\":\"UTC\",\"colour\":\"red\"}                       | UNKNOWN_FIELD     | colour",
    })
    void badGroupInputIsRefusedWithAProblemDetailAndStoresNothing(String description, String body, String code, String field) {
        long eventsBefore = eventCount();
        long groupsBefore = jdbc.queryForObject("select count(*) from group_view", Long.class);

        Api.Response response = api.post("/api/v1/groups", admin, body.formatted("n".repeat(101)));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("code").asString()).isEqualTo(code);
        assertThat(problem.get("field").asString()).isEqualTo(field);
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).isNotBlank();
        assertThat(problem.get("type").asString()).isEqualTo("urn:rota:problem:" + code);
        assertThat(eventCount()).isEqualTo(eventsBefore);
        assertThat(jdbc.queryForObject("select count(*) from group_view", Long.class)).isEqualTo(groupsBefore);
    }

    @Test
    void aBodyThatIsNotJsonIsAMalformedRequest() {
        Api.Response response = api.post("/api/v1/groups", admin, "{\"name\": ");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("MALFORMED_REQUEST");
    }

    @Test
    void invalidSettingsChangeLeaveTheGroupAsItWas() {
        String id = createGroup("Stable", "UTC");
        awaitGroup(id);
        long eventsBefore = eventCount();

        Api.Response response = api.put("/api/v1/groups/" + id + "/settings", admin, "{\"reminderLeadMinutes\":999999}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("field").asString()).isEqualTo("settings.reminderLeadMinutes");
        assertThat(eventCount()).isEqualTo(eventsBefore);
        assertThat(api.get("/api/v1/groups/" + id, admin).json().get("version").asLong()).isEqualTo(1);
    }

    @Test
    void anUnknownGroupIsNotFoundForReadsAndSettings() {
        String unknown = "/api/v1/groups/3f2b9c1e-0000-4000-8000-00000000beef";

        Api.Response read = api.get(unknown, admin);
        Api.Response settings = api.put(unknown + "/settings", admin, "{}");

        assertThat(read.status()).isEqualTo(404);
        assertThat(read.json().get("code").asString()).isEqualTo("GROUP_NOT_FOUND");
        assertThat(settings.status()).isEqualTo(404);
        assertThat(settings.json().get("code").asString()).isEqualTo("GROUP_NOT_FOUND");
    }

    @Test
    void aMalformedGroupIdIsABadRequest() {
        Api.Response response = api.get("/api/v1/groups/not-a-uuid", admin);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("MALFORMED_REQUEST");
        assertThat(response.json().get("field").asString()).isEqualTo("groupId");
    }

    private String createGroup(String name, String zone) {
        Api.Response created = api.post("/api/v1/groups", admin,
                "{\"name\":\"" + name + "\",\"timeZone\":\"" + zone + "\"}");
        assertThat(created.status()).isEqualTo(201);
        return created.text("id");
    }

    private JsonNode awaitGroup(String id) {
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/v1/groups/" + id, admin).status() == 200);
        return api.get("/api/v1/groups/" + id, admin).json();
    }
}
