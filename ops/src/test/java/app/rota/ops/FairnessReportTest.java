package app.rota.ops;

import app.rota.ops.support.Api;
import app.rota.ops.support.RotaIntegrationTest;
import app.rota.ops.support.ScheduleFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The fairness report through the HTTP API on the real stack: after a rotation, a trade and a coverage its figures
 * add up what the calendar shows, as JSON and as CSV, for any role of the group and nobody else.
 */
class FairnessReportTest extends RotaIntegrationTest {

    private static final String PASSWORD = "fair-password-1";
    private static final String FROM = "2038-11-01";
    private static final String TO = "2038-11-09";
    private static final String HOLIDAY = "2038-11-03";
    /** Sorted by name, case-insensitively: "=" comes before the letters. */
    private static final String FORMULA = "=SUM(A1)";
    private static final String QUOTED = "Lovelace, \"Ada\"";

    private String admin;
    private ScheduleFixtures fixtures;
    private String group;
    private String primary;
    private String night;
    private String formula;
    private String bea;
    private String ada;
    private String beaToken;
    private String auditorToken;

    @BeforeEach
    void aChicagoGroupWithAHolidayTwoShiftTypesAndThreeMembersWhoTakeCall() {
        admin = adminToken();
        fixtures = new ScheduleFixtures(api, admin);
        Api.Response created = api.post("/api/v1/groups", admin,
                "{\"name\":\"Fair\",\"timeZone\":\"America/Chicago\",\"settings\":{\"holidays\":[\"" + HOLIDAY + "\"]}}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        group = created.text("id");
        primary = fixtures.shiftType(group, "Primary", "08:00", 24);
        night = fixtures.shiftType(group, "Night", "22:00", 8, "[\"TUESDAY\"]");
        String prefix = group.substring(0, 8);
        formula = fixtures.member(group, "=SUM(A1)");
        ada = fixtures.member(group, "Lovelace, \\\"Ada\\\"");
        bea = fixtures.memberWithLogin(group, "Bea", "MEMBER", "fbea-" + prefix, PASSWORD);
        fixtures.memberWithLogin(group, "Aud", "AUDITOR", "faud-" + prefix, PASSWORD);
        beaToken = api.login("fbea-" + prefix, PASSWORD);
        auditorToken = api.login("faud-" + prefix, PASSWORD);
    }

    @Test
    void afterARotationATradeAndACoverageTheReportAddsUpTheCalendarForEachMember() {
        Api.Response rotation = api.post("/api/v1/groups/" + group + "/rotations", admin, "{\"from\":\"" + FROM + "\",\"to\":\"" + TO + "\"}");
        assertThat(rotation.status()).as(rotation.body()).isEqualTo(200);
        assertThat(rotation.json().get("leftOpen")).as(rotation.body()).isEmpty();
        Map<String, String> holders = awaitHolders(11);

        String trader = holders.get(primary + "/2038-11-01");
        String tradeDate = List.of("2038-11-03", "2038-11-04", "2038-11-06", "2038-11-07", "2038-11-08").stream()
                .filter(date -> !holders.get(primary + "/" + date).equals(trader)).findFirst().orElseThrow();
        String counterpart = holders.get(primary + "/" + tradeDate);
        Api.Response proposed = api.post("/api/v1/groups/" + group + "/swaps", admin,
                "{\"fromSlot\":" + slot(primary, "2038-11-01") + ",\"toSlot\":" + slot(primary, tradeDate)
                        + ",\"counterpartId\":\"" + counterpart + "\",\"proposerId\":\"" + trader + "\"}");
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        Api.Response accepted = api.post("/api/v1/groups/" + group + "/swaps/" + proposed.text("id") + "/accept", admin, "{}");
        assertThat(accepted.json().get("status").asString()).as(accepted.body()).isEqualTo("COMPLETED");

        String relieved = holders.get(primary + "/2038-11-05");
        String coverer = List.of(formula, ada, bea).stream().filter(m -> !m.equals(relieved)).findFirst().orElseThrow();
        Api.Response requested = api.post("/api/v1/groups/" + group + "/coverage-requests", admin,
                "{\"slot\":" + slot(primary, "2038-11-05") + ",\"requesterId\":\"" + relieved + "\"}");
        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
        Api.Response claimed = api.post("/api/v1/groups/" + group + "/coverage-requests/" + requested.text("id") + "/claim", admin,
                "{\"memberId\":\"" + coverer + "\"}");
        assertThat(claimed.json().get("status").asString()).as(claimed.body()).isEqualTo("COVERED");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode calendar = api.get("/api/v1/groups/" + group + "/calendar?from=" + FROM + "&to=" + TO, admin).json();
            Map<String, Expected> expected = expectedFrom(calendar);
            assertThat(expected.get(coverer).slotDates).contains("2038-11-05");
            JsonNode report = report(admin);

            assertThat(report.get("from").asString()).isEqualTo(FROM);
            assertThat(report.get("to").asString()).isEqualTo(TO);
            List<String> names = new ArrayList<>();
            report.get("members").forEach(line -> names.add(line.get("name").asString()));
            assertThat(names).as("sorted by name; not the auditor").containsExactly(FORMULA, "Bea", QUOTED);
            double hours = 0;
            for (JsonNode line : report.get("members")) {
                String member = line.get("memberId").asString();
                Expected figures = expected.getOrDefault(member, new Expected());
                assertThat(line.get("slots").asInt()).as(line.toString()).isEqualTo(figures.slots);
                assertThat(line.get("realHours").asDouble()).as(line.toString()).isEqualTo(figures.realHours);
                assertThat(line.get("weekendSlots").asInt()).as(line.toString()).isEqualTo(figures.weekend);
                assertThat(line.get("holidaySlots").asInt()).as(line.toString()).isEqualTo(figures.holiday);
                assertThat(line.get("nightSlots").asInt()).as(line.toString()).isEqualTo(figures.night);
                int traded = member.equals(trader) || member.equals(counterpart) ? 1 : 0;
                assertThat(line.get("swapsGiven").asInt()).as(line.toString()).isEqualTo(traded);
                assertThat(line.get("swapsTaken").asInt()).as(line.toString()).isEqualTo(traded);
                assertThat(line.get("coverageGiven").asInt()).as(line.toString()).isEqualTo(member.equals(coverer) ? 1 : 0);
                assertThat(line.get("coverageTaken").asInt()).as(line.toString()).isEqualTo(member.equals(relieved) ? 1 : 0);
                hours += line.get("realHours").asDouble();
            }
            assertThat(hours).as("eight days of 24 h, 6 November of 25 h (fall back), two nights of 8 h")
                    .isEqualTo(8 * 24 + 25 + 2 * 8);
            List<Expected> lines = List.of(expected.get(formula), expected.get(ada), expected.get(bea));
            JsonNode spread = report.get("spread");
            assertThat(spread.get("slots").asInt()).isEqualTo((int) spread(lines, e -> e.slots));
            assertThat(spread.get("weekendHolidaySlots").asInt()).isEqualTo((int) spread(lines, e -> e.weekendOrHoliday));
            assertThat(spread.get("realHours").asDouble()).isEqualTo(spread(lines, e -> e.realHours));
        });
    }

    @Test
    void theCsvHasAHeaderAndOneRowPerMemberWithNamesQuotedAndFormulasDefused() throws Exception {
        fixtures.assign(group, primary, "2038-11-06", ada);
        await().atMost(Duration.ofSeconds(20)).until(() -> report(admin).get("members").get(2).get("slots").asInt() == 1);

        HttpResponse<String> csv = csv(beaToken);

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment").contains(".csv");
        assertThat(csv.body().split("\r\n", -1)).containsExactly(
                "memberId,name,slots,realHours,weekendSlots,holidaySlots,nightSlots,swapsGiven,swapsTaken,coverageGiven,coverageTaken",
                formula + ",'=SUM(A1),0,0.0,0,0,0,0,0,0,0",
                bea + ",Bea,0,0.0,0,0,0,0,0,0,0",
                ada + ",\"Lovelace, \"\"Ada\"\"\",1,25.0,1,0,0,0,0,0,0",
                "");
        assertThat(api.get(reportPath(), admin).contentType()).as("JSON unless CSV is asked for").startsWith("application/json");
    }

    @Test
    void anyRoleOfTheGroupMayReadTheReportAndAnotherGroupsAdminFindsNothing() {
        String other = fixtures.group("UTC");
        fixtures.memberWithLogin(other, "Oscar", "ADMIN", "fosc-" + other.substring(0, 8), PASSWORD);
        String otherAdmin = api.login("fosc-" + other.substring(0, 8), PASSWORD);

        assertThat(api.get(reportPath(), beaToken).status()).as("a member").isEqualTo(200);
        assertThat(api.get(reportPath(), auditorToken).status()).as("an auditor").isEqualTo(200);
        assertThat(api.get(reportPath(), admin).status()).as("the super admin").isEqualTo(200);
        Api.Response foreign = api.get(reportPath(), otherAdmin);
        assertThat(foreign.status()).as("another group's admin").isEqualTo(404);
        assertThat(foreign.contentType()).startsWith("application/problem+json");
        assertThat(api.get(reportPath(), null).status()).as("nobody").isEqualTo(401);
    }

    @Test
    void theReportsAreRebuiltWhileServingAndAnswerTheSameAfterwards() {
        fixtures.assign(group, primary, "2038-11-06", ada);
        fixtures.assign(group, night, "2038-11-02", bea);
        await().atMost(Duration.ofSeconds(20)).until(() -> report(admin).get("members").get(1).get("nightSlots").asInt() == 1);
        JsonNode before = report(admin);

        Api.Response replay = api.post("/api/v1/admin/projections/reports/replay", admin, "");

        assertThat(replay.status()).as(replay.body()).isEqualTo(202);
        assertThat(report(admin)).as("reads answer during the rebuild").isEqualTo(before);
        JsonNode done = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(this::reportsProcessor, status -> "DONE".equals(status.at("/lastReplay/status").asString()));
        assertThat(done.at("/lastReplay/events").asLong()).isPositive();
        assertThat(report(admin)).isEqualTo(before);
    }

    // ---- helpers

    private JsonNode reportsProcessor() {
        for (JsonNode projection : api.get("/api/v1/admin/projections", admin).json().get("projections")) {
            if (projection.get("name").asString().equals("reports")) {
                return projection;
            }
        }
        throw new AssertionError("no reports processor");
    }

    /** What the calendar says each member holds, added up the way the report should. */
    private static final class Expected {
        int slots;
        double realHours;
        int weekend;
        int holiday;
        int weekendOrHoliday;
        int night;
        final List<String> slotDates = new ArrayList<>();
    }

    private Map<String, Expected> expectedFrom(JsonNode calendar) {
        Map<String, Expected> expected = new HashMap<>();
        for (JsonNode slot : calendar.get("slots")) {
            JsonNode assignee = slot.get("assignee");
            if (assignee == null || assignee.isNull()) {
                continue;
            }
            Expected figures = expected.computeIfAbsent(assignee.get("memberId").asString(), m -> new Expected());
            LocalDate date = LocalDate.parse(slot.get("date").asString());
            boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
            boolean holiday = date.toString().equals(HOLIDAY);
            figures.slots++;
            figures.slotDates.add(date.toString());
            figures.realHours += slot.get("realHours").asDouble();
            figures.weekend += weekend ? 1 : 0;
            figures.holiday += holiday ? 1 : 0;
            figures.weekendOrHoliday += weekend || holiday ? 1 : 0;
            figures.night += slot.get("shiftTypeId").asString().equals(night) ? 1 : 0;
        }
        return expected;
    }

    private static double spread(List<Expected> lines, java.util.function.ToDoubleFunction<Expected> figure) {
        List<Expected> present = lines.stream().map(e -> e == null ? new Expected() : e).toList();
        return present.stream().mapToDouble(figure).max().orElse(0) - present.stream().mapToDouble(figure).min().orElse(0);
    }

    /** Waits until the calendar shows {@code count} assigned slots, and answers who holds each ("type/date"). */
    private Map<String, String> awaitHolders(int count) {
        Map<String, String> holders = new HashMap<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            holders.clear();
            JsonNode calendar = api.get("/api/v1/groups/" + group + "/calendar?from=" + FROM + "&to=" + TO, admin).json();
            for (JsonNode slot : calendar.get("slots")) {
                JsonNode assignee = slot.get("assignee");
                if (assignee != null && !assignee.isNull()) {
                    holders.put(slot.get("shiftTypeId").asString() + "/" + slot.get("date").asString(),
                            assignee.get("memberId").asString());
                }
            }
            return holders.size() == count;
        });
        return holders;
    }

    private static String slot(String shiftType, String date) {
        return "{\"shiftTypeId\":\"" + shiftType + "\",\"date\":\"" + date + "\"}";
    }

    private String reportPath() {
        return "/api/v1/groups/" + group + "/reports/fairness?from=" + FROM + "&to=" + TO;
    }

    private JsonNode report(String token) {
        Api.Response response = api.get(reportPath(), token);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    /** The Api helper sends no Accept header; a spreadsheet export does. */
    private HttpResponse<String> csv(String token) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + reportPath()))
                .header("Authorization", "Bearer " + token).header("Accept", "text/csv").GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
