package app.rota.ops;

import app.rota.ops.support.Api;
import app.rota.ops.support.RotaIntegrationTest;
import app.rota.ops.support.ScheduleFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;


import static app.rota.ops.support.ScheduleFixtures.slot;
import static org.assertj.core.api.Assertions.assertThat;

/** Every bad input answers a 4xx problem detail with a code (and field), and stores nothing. */
class ScheduleRefusalsTest extends RotaIntegrationTest {

    private static final String UNKNOWN = "0b7d6f10-0000-4000-8000-00000000dead";

    private String admin;
    private ScheduleFixtures fixtures;
    private String group;
    private String primary;
    private String weekdays;
    private String member;
    private String inactive;

    @BeforeEach
    void aGroupWithAShiftTypeAndMembers() {
        admin = adminToken();
        fixtures = new ScheduleFixtures(api, admin);
        group = fixtures.group("America/Chicago");
        primary = fixtures.shiftType(group, "Primary", "08:00", 24);
        weekdays = fixtures.shiftType(group, "Clinic", "09:00", 8, "[\"MONDAY\",\"FRIDAY\"]");
        member = fixtures.member(group, "Eve");
        inactive = fixtures.member(group, "Gone");
        api.post("/api/v1/groups/" + group + "/members/" + inactive + "/deactivate", admin, "");
    }

    @ParameterizedTest(name = "member: {0} -> {2} {3} on {4}")
    @CsvSource(delimiter = '|', value = {
            "invalid phone       | {\"name\":\"A\",\"phone\":\"+1555\"}                       | 400 | PHONE_INVALID     | phone",
            "local phone         | {\"name\":\"A\",\"phone\":\"312-555-0199\"}                | 400 | PHONE_INVALID     | phone",
            "missing phone       | {\"name\":\"A\"}                                           | 400 | PHONE_INVALID     | phone",
            "blank name          | {\"name\":\" \",\"phone\":\"+13125550198\"}                | 400 | NAME_BLANK        | name",
            "over-long name      | {\"name\":\"%s\",\"phone\":\"+13125550198\"}               | 400 | NAME_TOO_LONG     | name",
            "unknown role        | {\"name\":\"A\",\"phone\":\"+13125550198\",\"role\":\"BOSS\"} | 400 | MALFORMED_REQUEST | role",
            "unknown field       | {\"name\":\"A\",\"phone\":\"+13125550198\",\"age\":3}       | 400 | UNKNOWN_FIELD     | age",
            "short password      | {\"name\":\"A\",\"phone\":\"+13125550198\",\"username\":\"abc\",\"password\":\"short\"} | 400 | PASSWORD_TOO_SHORT | password",
            "bad username        | {\"name\":\"A\",\"phone\":\"+13125550198\",\"username\":\"a b\",\"password\":\"long-enough-pw\"} | 400 | USERNAME_INVALID | username",
            "taken username      | {\"name\":\"A\",\"phone\":\"+13125550198\",\"username\":\"admin\",\"password\":\"long-enough-pw\"} | 409 | USERNAME_TAKEN | username",
    })
    void badMembersAreRefused(String description, String body, int status, String code, String field) {
        assertRefused(() -> api.post("/api/v1/groups/" + group + "/members", admin, body.formatted("n".repeat(101))), status, code, field);
    }

    @Test
    void aDuplicatePhoneInAnotherFormatIsTaken() {
        String phone = ScheduleFixtures.nextPhone();
        api.post("/api/v1/groups/" + group + "/members", admin, "{\"name\":\"One\",\"phone\":\"" + phone + "\"}");
        String spaced = "+1 (" + phone.substring(2, 5) + ") " + phone.substring(5, 8) + "-" + phone.substring(8);

        assertRefused(() -> api.post("/api/v1/groups/" + group + "/members", admin, "{\"name\":\"Two\",\"phone\":\"" + spaced + "\"}"),
                409, "PHONE_TAKEN", "phone");
    }

    @ParameterizedTest(name = "shift type: {0} -> {1} on {2}")
    @CsvSource(delimiter = '|', value = {
            "zero duration     | DURATION_INVALID     | durationHours | {\"name\":\"S\",\"startTime\":\"08:00\",\"durationHours\":0,\"daysOfWeek\":[\"MONDAY\"]}",
            "169 hours         | DURATION_INVALID     | durationHours | {\"name\":\"S\",\"startTime\":\"08:00\",\"durationHours\":169,\"daysOfWeek\":[\"MONDAY\"]}",
            "malformed start   | MALFORMED_REQUEST    | startTime     | {\"name\":\"S\",\"startTime\":\"8 o'clock\",\"durationHours\":8,\"daysOfWeek\":[\"MONDAY\"]}",
            "missing start     | START_TIME_INVALID   | startTime     | {\"name\":\"S\",\"durationHours\":8,\"daysOfWeek\":[\"MONDAY\"]}",
            "empty days        | DAYS_OF_WEEK_INVALID | daysOfWeek    | {\"name\":\"S\",\"startTime\":\"08:00\",\"durationHours\":8,\"daysOfWeek\":[]}",
            "unknown day       | MALFORMED_REQUEST    | daysOfWeek[0] | {\"name\":\"S\",\"startTime\":\"08:00\",\"durationHours\":8,\"daysOfWeek\":[\"FUNDAY\"]}",
            "blank name        | NAME_BLANK           | name          | {\"name\":\"\",\"startTime\":\"08:00\",\"durationHours\":8,\"daysOfWeek\":[\"MONDAY\"]}",
            "wrong type        | MALFORMED_REQUEST    | durationHours | {\"name\":\"S\",\"startTime\":\"08:00\",\"durationHours\":\"long\",\"daysOfWeek\":[\"MONDAY\"]}",
    })
    void badShiftTypesAreRefused(String description, String code, String field, String body) {
        assertRefused(() -> api.post("/api/v1/groups/" + group + "/shift-types", admin, body), 400, code, field);
    }

    @Test
    void badAssignmentsAreRefused() {
        assertRefused(() -> api.put(slot(group, primary, "2038-02-01"), admin, "{\"memberId\":\"" + UNKNOWN + "\"}"),
                404, "MEMBER_NOT_FOUND", "memberId");
        assertRefused(() -> api.put(slot(group, UNKNOWN, "2038-02-01"), admin, "{\"memberId\":\"" + member + "\"}"),
                404, "SHIFT_TYPE_NOT_FOUND", "shiftTypeId");
        assertRefused(() -> api.put(slot(group, weekdays, "2038-02-02"), admin, "{\"memberId\":\"" + member + "\"}"),
                404, "SLOT_NOT_FOUND", "date");
        assertRefused(() -> api.put(slot(group, primary, "2038-02-30"), admin, "{\"memberId\":\"" + member + "\"}"),
                400, "MALFORMED_REQUEST", "date");
        assertRefused(() -> api.put(slot(group, primary, "2038-02-01"), admin, "{\"memberId\":\"" + inactive + "\"}"),
                422, "MEMBER_INACTIVE", "memberId");
        assertRefused(() -> api.put(slot(group, primary, "2038-02-01"), admin, "{}"), 400, "FIELD_REQUIRED", "memberId");
        assertRefused(() -> api.put(slot(group, primary, "2038-02-01"), admin, "{\"memberId\":\"not-a-uuid\"}"),
                400, "MALFORMED_REQUEST", "memberId");
    }

    @Test
    void badReadRangesAreRefused() {
        String calendar = "/api/v1/groups/" + group + "/calendar";
        assertRefused(() -> api.get(calendar + "?from=2038-03-10&to=2038-03-01", admin), 400, "DATE_RANGE_INVALID", "to");
        assertRefused(() -> api.get(calendar + "?from=2038-01-01&to=2039-01-02", admin), 400, "DATE_RANGE_TOO_LARGE", "to");
        assertRefused(() -> api.get(calendar + "?from=2038-13-01&to=2038-12-31", admin), 400, "MALFORMED_REQUEST", "from");
        assertRefused(() -> api.get(calendar + "?from=2038-01-01", admin), 400, "FIELD_REQUIRED", "to");
        assertRefused(() -> api.get("/api/v1/groups/" + group + "/on-call?at=yesterday", admin), 400, "MALFORMED_REQUEST", "at");
        assertRefused(() -> api.post("/api/v1/groups/" + group + "/rotations", admin, "{\"from\":\"2038-02-01\",\"to\":\"2038-01-01\"}"),
                400, "DATE_RANGE_INVALID", "to");
        assertRefused(() -> api.post("/api/v1/groups/" + group + "/members/" + member + "/time-off", admin,
                "{\"from\":\"2038-02-01\",\"to\":\"2038-01-01\"}"), 400, "DATE_RANGE_INVALID", "to");
    }

    @Test
    void aMemberReadsAndDeclaresTheirOwnTimeOffButEditsNothingElse() {
        String self = fixtures.memberWithLogin(group, "Mo", "MEMBER", "mo-" + group.substring(0, 8), "mo-password-1");
        String token = api.login("mo-" + group.substring(0, 8), "mo-password-1");

        assertThat(api.get("/api/v1/groups/" + group + "/calendar?from=2038-01-01&to=2038-01-07", token).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/groups/" + group + "/members/" + self + "/time-off", token,
                "{\"from\":\"2038-04-01\",\"to\":\"2038-04-02\"}").status()).isEqualTo(201);
        assertRefused(() -> api.post("/api/v1/groups/" + group + "/members/" + member + "/time-off", token,
                "{\"from\":\"2038-04-01\",\"to\":\"2038-04-02\"}"), 403, "ACCESS_DENIED", null);
        assertRefused(() -> api.put(slot(group, primary, "2038-02-01"), token, "{\"memberId\":\"" + self + "\"}"), 403, "ACCESS_DENIED", null);
        assertRefused(() -> api.post("/api/v1/groups/" + group + "/shift-types", token, "{}"), 403, "ACCESS_DENIED", null);
        assertRefused(() -> api.post("/api/v1/groups/" + group + "/members", token, "{}"), 403, "ACCESS_DENIED", null);
    }

    @Test
    void anAuditorReadsButCannotEdit() {
        fixtures.memberWithLogin(group, "Audrey", "AUDITOR", "aud-" + group.substring(0, 8), "aud-password-1");
        String token = api.login("aud-" + group.substring(0, 8), "aud-password-1");

        assertThat(api.get("/api/v1/groups/" + group + "/on-call", token).status()).isEqualTo(200);
        assertRefused(() -> api.put(slot(group, primary, "2038-02-01"), token, "{\"memberId\":\"" + member + "\"}"), 403, "ACCESS_DENIED", null);
        assertRefused(() -> api.post("/api/v1/groups/" + group + "/rotations", token, "{\"from\":\"2038-02-01\",\"to\":\"2038-02-02\"}"),
                403, "ACCESS_DENIED", null);
    }

    @Test
    void aGroupAdminEditsTheirGroupAndCannotTellAnotherExists() {
        fixtures.memberWithLogin(group, "Boss", "ADMIN", "boss-" + group.substring(0, 8), "boss-password-1");
        String token = api.login("boss-" + group.substring(0, 8), "boss-password-1");
        String other = fixtures.group("UTC");
        String otherShift = fixtures.shiftType(other, "Primary", "08:00", 24);
        String otherMember = fixtures.member(other, "Stranger");

        assertThat(api.put(slot(group, primary, "2038-02-01"), token, "{\"memberId\":\"" + member + "\"}").status()).isEqualTo(200);
        assertRefused(() -> api.get("/api/v1/groups/" + other + "/calendar?from=2038-01-01&to=2038-01-02", token), 404, "GROUP_NOT_FOUND", null);
        assertRefused(() -> api.put(slot(other, otherShift, "2038-02-01"), token, "{\"memberId\":\"" + otherMember + "\"}"),
                404, "GROUP_NOT_FOUND", null);
        assertRefused(() -> api.put(slot(group, otherShift, "2038-02-01"), token, "{\"memberId\":\"" + member + "\"}"),
                404, "SHIFT_TYPE_NOT_FOUND", "shiftTypeId");
        assertRefused(() -> api.put(slot(group, primary, "2038-02-03"), token, "{\"memberId\":\"" + otherMember + "\"}"),
                404, "MEMBER_NOT_FOUND", "memberId");
        assertRefused(() -> api.patch("/api/v1/groups/" + group + "/members/" + otherMember, token, "{\"name\":\"X\"}"),
                404, "MEMBER_NOT_FOUND", null);
        assertRefused(() -> api.post("/api/v1/groups", token, "{\"name\":\"Mine\",\"timeZone\":\"UTC\"}"), 403, "ACCESS_DENIED", null);
    }

    @Test
    void memberEditsAreValidatedAndARoleChangeTakesEffectAtOnce() {
        String username = "pat-" + group.substring(0, 8);
        String pat = fixtures.memberWithLogin(group, "Pat", "MEMBER", username, "pat-password-1");
        String token = api.login(username, "pat-password-1");
        String taken = ScheduleFixtures.nextPhone();
        fixtures.member(group, "Holder");
        api.patch("/api/v1/groups/" + group + "/members/" + member, admin, "{\"phone\":\"" + taken + "\"}");
        String path = "/api/v1/groups/" + group + "/members/" + pat;

        assertRefused(() -> api.patch(path, admin, "{\"phone\":\"" + taken + "\"}"), 409, "PHONE_TAKEN", "phone");
        assertRefused(() -> api.patch(path, admin, "{\"phone\":\"call me\"}"), 400, "PHONE_INVALID", "phone");
        assertRefused(() -> api.patch(path, admin, "{\"name\":\"\"}"), 400, "NAME_BLANK", "name");
        assertRefused(() -> api.patch(path, admin, "{\"role\":\"OWNER\"}"), 400, "MALFORMED_REQUEST", "role");
        assertRefused(() -> api.put(slot(group, primary, "2038-09-01"), token, "{\"memberId\":\"" + pat + "\"}"),
                403, "ACCESS_DENIED", null);

        assertThat(api.patch(path, admin, "{\"role\":\"ADMIN\",\"name\":\"Pat Admin\"}").status()).isEqualTo(204);

        assertThat(api.put(slot(group, primary, "2038-09-01"), token, "{\"memberId\":\"" + pat + "\"}").status())
                .as("the same token now acts as a group admin").isEqualTo(200);
    }

    @Test
    void aDeactivatedMembersTokenIsRevokedAndTheirLoginRefused() {
        String gone = fixtures.memberWithLogin(group, "Lea", "MEMBER", "lea-" + group.substring(0, 8), "lea-password-1");
        String token = api.login("lea-" + group.substring(0, 8), "lea-password-1");

        api.post("/api/v1/groups/" + group + "/members/" + gone + "/deactivate", admin, "");

        Api.Response revoked = api.get("/api/v1/groups/" + group, token);
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.json().get("code").asString()).isEqualTo("TOKEN_REVOKED");
        assertThat(api.post("/api/v1/auth/login", null,
                "{\"username\":\"lea-" + group.substring(0, 8) + "\",\"password\":\"lea-password-1\"}").status()).isEqualTo(401);
    }
}
