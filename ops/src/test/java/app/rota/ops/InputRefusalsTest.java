package app.rota.ops;

import app.rota.ops.support.Api;
import app.rota.ops.support.RotaIntegrationTest;
import app.rota.ops.support.ScheduleFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The refusal battery for input classes that used to be coerced, stored unbounded or answered 500:
 * each answers a 4xx problem detail with a code (and the field), and stores no event.
 */
class InputRefusalsTest extends RotaIntegrationTest {

    /** {@code %N} in a body stands for N letters, for the size cases. */
    private static final Pattern REPEAT = Pattern.compile("%(\\d+)");

    private String admin;
    private ScheduleFixtures fixtures;
    private String group;
    private String primary;
    private String member;

    @BeforeEach
    void aGroupWithAShiftTypeAndAMember() {
        admin = adminToken();
        fixtures = new ScheduleFixtures(api, admin);
        group = fixtures.group("America/Chicago");
        primary = fixtures.shiftType(group, "Primary", "08:00", 24);
        member = fixtures.member(group, "Eve");
    }

    @ParameterizedTest(name = "{0} -> {4} {5} on {6}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "number as text        | POST  | /members                | {\"name\":123,\"phone\":\"+13125550111\"}                               | 400 | MALFORMED_REQUEST  | name",
            "'true' as boolean     | PUT   | /settings               | {\"swapApprovalRequired\":\"true\"}                                     | 400 | MALFORMED_REQUEST  | swapApprovalRequired",
            "2 as boolean          | PUT   | /settings               | {\"swapApprovalRequired\":2}                                            | 400 | MALFORMED_REQUEST  | swapApprovalRequired",
            "no duration           | POST  | /shift-types            | {\"name\":\"S\",\"startTime\":\"08:00\",\"daysOfWeek\":[\"MONDAY\"]} | 400 | FIELD_REQUIRED | durationHours",
            "test SMS to nobody    | POST  | /notifications/test     | {}                                                                    | 400 | FIELD_REQUIRED | memberId",
            "number as member id   | POST  | /notifications/test     | {\"memberId\":42}                                                    | 400 | MALFORMED_REQUEST | memberId",
            "feed of a non-id      | POST  | /members/not-an-id/feed | {}                                                                    | 400 | MALFORMED_REQUEST | memberId",
            "fraction as integer   | POST  | /shift-types            | {\"name\":\"S\",\"startTime\":\"08:00\",\"durationHours\":8.5,\"daysOfWeek\":[\"MONDAY\"]} | 400 | MALFORMED_REQUEST | durationHours",
            "text as integer       | PUT   | /settings               | {\"reminderLeadMinutes\":\"60\"}                                        | 400 | MALFORMED_REQUEST  | reminderLeadMinutes",
            "number as date        | POST  | /members/{m}/time-off   | {\"from\":20261225,\"to\":\"2026-12-26\"}                               | 400 | MALFORMED_REQUEST  | from",
            "date-time as date     | POST  | /members/{m}/time-off   | {\"from\":\"2026-12-25T10:00:00\",\"to\":\"2026-12-26\"}               | 400 | MALFORMED_REQUEST  | from",
            "year +9999999         | POST  | /members/{m}/time-off   | {\"from\":\"+9999999-01-01\",\"to\":\"+9999999-01-02\"}                | 400 | DATE_OUT_OF_RANGE  | from",
            "year -999999999       | POST  | /members/{m}/time-off   | {\"from\":\"-999999999-01-01\",\"to\":\"2026-12-26\"}                  | 400 | DATE_OUT_OF_RANGE  | from",
            "holiday in 2300       | PUT   | /settings               | {\"holidays\":[\"2300-01-01\"]}                                         | 400 | DATE_OUT_OF_RANGE  | holidays[0]",
            "rotation in 2300      | POST  | /rotations              | {\"from\":\"2300-01-01\",\"to\":\"2300-01-02\"}                        | 400 | DATE_OUT_OF_RANGE  | from",
            "reason of 501 chars   | POST  | /members/{m}/time-off   | {\"from\":\"2038-01-04\",\"to\":\"2038-01-05\",\"reason\":\"%501\"}    | 400 | REASON_TOO_LONG    | reason",
            "text of 10,001 chars  | POST  | /members/{m}/time-off   | {\"from\":\"2038-01-04\",\"to\":\"2038-01-05\",\"reason\":\"%10001\"}  | 400 | TEXT_TOO_LONG      | reason",
            "NUL in a name         | POST  | /members                | {\"name\":\"A\\u0000B\",\"phone\":\"+13125550112\"}                   | 400 | TEXT_INVALID       | name",
            "escape in a reason    | POST  | /members/{m}/time-off   | {\"from\":\"2038-01-04\",\"to\":\"2038-01-05\",\"reason\":\"a\\u001bb\"} | 400 | TEXT_INVALID     | reason",
            "tab in a name         | POST  | /members                | {\"name\":\"A\\tB\",\"phone\":\"+13125550113\"}                       | 400 | TEXT_INVALID       | name",
            "line break in a name  | POST  | /shift-types            | {\"name\":\"A\\nB\",\"startTime\":\"08:00\",\"durationHours\":8,\"daysOfWeek\":[\"MONDAY\"]} | 400 | TEXT_INVALID | name",
            "lone surrogate        | POST  | /members                | {\"name\":\"A\\ud800B\",\"phone\":\"+13125550114\"}                   | 400 | TEXT_INVALID       | name",
            "null in memberIds     | POST  | /rotations              | {\"from\":\"2038-01-04\",\"to\":\"2038-01-05\",\"memberIds\":[null]}   | 400 | FIELD_REQUIRED     | memberIds[0]",
            "73-byte password      | POST  | /members                | {\"name\":\"P\",\"phone\":\"+13125550115\",\"username\":\"pw-long\",\"password\":\"%73\"} | 400 | PASSWORD_TOO_LONG | password",
            "duplicate key         | POST  | /members                | {\"name\":\"A\",\"name\":\"B\",\"phone\":\"+13125550116\"}           | 400 | MALFORMED_REQUEST  | ",
            "trailing garbage      | POST  | /members                | {\"name\":\"A\",\"phone\":\"+13125550117\"} x                          | 400 | MALFORMED_REQUEST  | ",
            "body over 64 KiB      | POST  | /members                | {\"name\":\"A\",\"phone\":\"+13125550118\",\"x\":\"%70000\"}          | 413 | REQUEST_TOO_LARGE  | ",
            "swap slot in 2300     | POST  | /swaps                  | {\"fromSlot\":{\"shiftTypeId\":\"{p}\",\"date\":\"2300-01-01\"},\"counterpartId\":\"{m}\"} | 400 | DATE_OUT_OF_RANGE | fromSlot.date",
            "number as member id   | POST  | /swaps                  | {\"fromSlot\":{\"shiftTypeId\":\"{p}\",\"date\":\"2038-01-04\"},\"counterpartId\":42} | 400 | MALFORMED_REQUEST | counterpartId",
            "swap expiry in 3000   | POST  | /swaps                  | {\"fromSlot\":{\"shiftTypeId\":\"{p}\",\"date\":\"2038-01-04\"},\"counterpartId\":\"{m}\",\"expiresAt\":\"3000-01-01T00:00:00Z\"} | 400 | DATE_OUT_OF_RANGE | expiresAt",
            "NUL in a swap reason  | POST  | /swaps                  | {\"fromSlot\":{\"shiftTypeId\":\"{p}\",\"date\":\"2038-01-04\"},\"counterpartId\":\"{m}\",\"reason\":\"a\\u0000b\"} | 400 | TEXT_INVALID | reason",
            "coverage slot in 2300 | POST  | /coverage-requests      | {\"slot\":{\"shiftTypeId\":\"{p}\",\"date\":\"2300-01-01\"}} | 400 | DATE_OUT_OF_RANGE | slot.date",
            "coverage reason 501   | POST  | /coverage-requests      | {\"slot\":{\"shiftTypeId\":\"{p}\",\"date\":\"2038-01-04\"},\"reason\":\"%501\"} | 400 | REASON_TOO_LONG | reason",
            "text as claimant id   | POST  | /coverage-requests      | {\"slot\":{\"shiftTypeId\":\"{p}\",\"date\":\"2038-01-04\"},\"requesterId\":\"nobody\"} | 400 | MALFORMED_REQUEST | requesterId",
    })
    void badInputIsRefusedAndNothingIsStored(String description, String method, String path, String body,
                                              int status, String code, String field) {
        String url = "/api/v1/groups/" + group + path.replace("{m}", member);
        String filled = body.replace("{p}", primary).replace("{m}", member);
        Matcher repeat = REPEAT.matcher(filled);
        String request = repeat.find() ? filled.replace(repeat.group(), "x".repeat(Integer.parseInt(repeat.group(1)))) : filled;
        assertRefused(() -> method.equals("PUT") ? api.put(url, admin, request) : api.post(url, admin, request), status, code, field);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "calendar from year 9999999  | /calendar?from=%2B9999999-01-01&to=%2B9999999-01-02 | DATE_OUT_OF_RANGE | from",
            "calendar from year 1066     | /calendar?from=1066-10-14&to=1066-10-15             | DATE_OUT_OF_RANGE | from",
            "on-call at year 9999999     | /on-call?at=%2B9999999-01-01T00:00:00Z             | DATE_OUT_OF_RANGE | at",
            "schedule to year 3000       | /members/{m}/schedule?from=2038-01-01&to=3000-01-01 | DATE_OUT_OF_RANGE | to",
            "notifications from 1066     | /notifications?from=1066-10-14                      | DATE_OUT_OF_RANGE | from",
            "notifications to year 3000  | /notifications?to=3000-01-01                        | DATE_OUT_OF_RANGE | to",
            "notifications to before from| /notifications?from=2038-02-01&to=2038-01-01        | DATE_RANGE_INVALID | to",
            "notifications of status NOPE| /notifications?status=NOPE                          | MALFORMED_REQUEST | status",
            "notifications page -1       | /notifications?page=-1                              | MALFORMED_REQUEST | page",
            "history of a 2400 slot      | /slots/{p}/2400-01-01/history                       | DATE_OUT_OF_RANGE | date",
            "history of 30 February      | /slots/{p}/2038-02-30/history                       | MALFORMED_REQUEST | date",
            "calendar as of year 1066    | /calendar?from=2038-01-01&to=2038-01-02&asOf=1066-10-14T00:00:00Z | DATE_OUT_OF_RANGE | asOf",
            "calendar as of year 3000    | /calendar?from=2038-01-01&to=2038-01-02&asOf=3000-01-01T00:00:00Z | DATE_OUT_OF_RANGE | asOf",
            "calendar as of a date alone | /calendar?from=2038-01-01&to=2038-01-02&asOf=2038-01-01 | MALFORMED_REQUEST | asOf",
            "on-call as of year 3000     | /on-call?asOf=3000-01-01T00:00:00Z                   | DATE_OUT_OF_RANGE | asOf",
            "fairness without from       | /reports/fairness?to=2038-01-31                     | FIELD_REQUIRED | from",
            "fairness to before from     | /reports/fairness?from=2038-02-01&to=2038-01-31     | DATE_RANGE_INVALID | to",
            "fairness over 366 days      | /reports/fairness?from=2038-01-01&to=2039-01-02     | DATE_RANGE_TOO_LARGE | to",
            "fairness from year 1066     | /reports/fairness?from=1066-10-14&to=1066-10-15     | DATE_OUT_OF_RANGE | from",
            "fairness to year 9999999    | /reports/fairness?from=2038-01-01&to=%2B9999999-01-01 | DATE_OUT_OF_RANGE | to",
            "fairness to 30 February     | /reports/fairness?from=2038-02-01&to=2038-02-30     | MALFORMED_REQUEST | to",
            "audit from 1066             | /audit?from=1066-10-14                              | DATE_OUT_OF_RANGE | from",
            "audit from year 9999999     | /audit?from=%2B9999999-01-01                        | DATE_OUT_OF_RANGE | from",
            "audit to an instant in 3000 | /audit?to=3000-01-01T00:00:00Z                      | DATE_OUT_OF_RANGE | to",
            "audit to before from        | /audit?from=2038-02-01&to=2038-01-01                | DATE_RANGE_INVALID | to",
            "audit instants reversed     | /audit?from=2038-02-01T00:00:00Z&to=2038-01-01T00:00:00Z | DATE_RANGE_INVALID | to",
            "audit from yesterday        | /audit?from=yesterday                               | MALFORMED_REQUEST | from",
            "audit to 30 February        | /audit?to=2038-02-30                                | MALFORMED_REQUEST | to",
            "audit of a 2400 slot        | /audit?date=2400-01-01                              | DATE_OUT_OF_RANGE | date",
            "audit of member 42          | /audit?memberId=42                                  | MALFORMED_REQUEST | memberId",
            "audit of shift type x       | /audit?shiftTypeId=x                                | MALFORMED_REQUEST | shiftTypeId",
            "audit of type NOPE          | /audit?type=NOPE                                    | MALFORMED_REQUEST | type",
            "audit page -1               | /audit?page=-1                                      | MALFORMED_REQUEST | page",
            "audit size 501              | /audit?size=501                                     | MALFORMED_REQUEST | size",
    })
    void absurdDatesInReadsAreRefused(String description, String path, String code, String field) {
        assertRefused(() -> api.get("/api/v1/groups/" + group + path.replace("{m}", member).replace("{p}", primary), admin), 400, code, field);
    }

    @ParameterizedTest(name = "{0} -> {3} {4}")
    @CsvSource(delimiter = '|', value = {
            "includeInactive maybe       | GET    | /groups/{g}/members?includeInactive=maybe                | 400 | MALFORMED_REQUEST  | includeInactive",
            "member that is no id        | GET    | /groups/{g}/members/not-an-id                            | 400 | MALFORMED_REQUEST  | memberId",
            "member nobody is            | GET    | /groups/{g}/members/{u}                                  | 404 | MEMBER_NOT_FOUND   | ",
            "withdraw a non-id time off  | DELETE | /groups/{g}/members/{m}/time-off/not-an-id               | 400 | MALFORMED_REQUEST  | timeOffId",
            "withdraw unknown time off   | DELETE | /groups/{g}/members/{m}/time-off/{u}                     | 404 | TIME_OFF_NOT_FOUND | timeOffId",
            "withdraw for a non-id member| DELETE | /groups/{g}/members/x/time-off/{u}                       | 400 | MALFORMED_REQUEST  | memberId",
            "withdraw for nobody         | DELETE | /groups/{g}/members/{u}/time-off/{u}                     | 404 | MEMBER_NOT_FOUND   | ",
            "shift types of a non-id     | GET    | /groups/not-an-id/shift-types                            | 400 | MALFORMED_REQUEST  | groupId",
            "groups page -1              | GET    | /groups?page=-1                                          | 400 | MALFORMED_REQUEST  | page",
            "groups size 0               | GET    | /groups?size=0                                           | 400 | MALFORMED_REQUEST  | size",
            "groups size 501             | GET    | /groups?size=501                                         | 400 | MALFORMED_REQUEST  | size",
            "groups size abc             | GET    | /groups?size=abc                                         | 400 | MALFORMED_REQUEST  | size",
    })
    void badDirectoryRequestsAreRefusedAndNothingIsStored(String description, String method, String path, int status,
                                                           String code, String field) {
        String url = "/api/v1" + path.replace("{g}", group).replace("{m}", member)
                .replace("{u}", "00000000-0000-0000-0000-00000000dead");
        assertRefused(() -> method.equals("DELETE") ? api.delete(url, admin) : api.get(url, admin), status, code, field);
    }

    @Test
    void aSlotDateOutsideTheAcceptedYearsIsRefused() {
        assertRefused(() -> api.put(ScheduleFixtures.slot(group, primary, "2400-01-01"), admin,
                "{\"memberId\":\"" + member + "\"}"), 400, "DATE_OUT_OF_RANGE", "date");
    }

    @Test
    void aControlCharacterInAQueryParameterIsRefused() {
        assertRefused(() -> api.delete(ScheduleFixtures.slot(group, primary, "2038-01-04") + "?reason=a%00b", admin),
                400, "TEXT_INVALID", "reason");
    }

    @Test
    void aNulInALoginNameIsRefusedNotAnError() {
        Api.Response response = api.post("/api/v1/auth/login", null, "{\"username\":\"ad\\u0000min\",\"password\":\"whatever-1\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("TEXT_INVALID");
    }

    @Test
    void aRotationOverMoreSlotsThanOneRequestMayFillIsRefused() {
        fixtures.shiftType(group, "Backup", "08:00", 24);
        fixtures.shiftType(group, "Night", "20:00", 12);
        fixtures.shiftType(group, "Day", "08:00", 12);

        assertRefused(() -> api.post("/api/v1/groups/" + group + "/rotations", admin,
                "{\"from\":\"2038-01-01\",\"to\":\"2038-12-31\"}"), 400, "ROTATION_TOO_LARGE", "to");
    }

    @ParameterizedTest(name = "the container refuses {0} with a problem detail")
    @CsvSource(delimiter = '|', value = {
            "an encoded NUL in the path | /api/v1/groups/%00",
            "an encoded slash           | /api/v1/groups/a%2Fb",
            "a dot-dot segment          | /api/v1/groups/../groups",
            "a backslash                | /api/v1/groups/%5C",
    })
    void pathsTheContainerOrFirewallRefusesAnswerProblemDetails(String description, String path) throws IOException {
        RawResponse response = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(response.status()).isBetween(400, 404);
        assertThat(response.text()).containsIgnoringCase("content-type: application/problem+json").contains("\"code\"");
    }

    @Test
    void anOverLongQueryAnswersAProblemDetail() throws IOException {
        RawResponse response = raw("GET /api/v1/groups?x=" + "y".repeat(20_000) + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(response.status()).isBetween(400, 431);
        assertThat(response.text()).containsIgnoringCase("content-type: application/problem+json").contains("\"code\"");
    }

    record RawResponse(int status, String text) {
    }

    /** Some requests no HTTP client library will send as written: this one goes byte for byte. */
    private RawResponse raw(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            return new RawResponse(Integer.parseInt(text.substring(9, 12)), text);
        }
    }
}
