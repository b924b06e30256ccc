package app.rota.ops;

import app.rota.ops.support.Api;
import app.rota.ops.support.RotaIntegrationTest;
import app.rota.ops.support.ScheduleFixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The calendar and on-call as recorded at an instant, through HTTP, against a recorded sequence of edits across
 * the spring-forward week and a month end; and the calendar as CSV.
 */
class AsOfCalendarTest extends RotaIntegrationTest {

    @Test
    void theCalendarAsOfAnInstantIsWhatWasRecordedThenAndStaysSo() throws InterruptedException {
        String admin = adminToken();
        ScheduleFixtures fixtures = new ScheduleFixtures(api, admin);
        String group = fixtures.group("America/Chicago");
        String primary = fixtures.shiftType(group, "Primary", "08:00", 24);
        String ada = fixtures.member(group, "Ada");
        String bob = fixtures.member(group, "Bob");
        assertThat(fixtures.assign(group, primary, "2038-03-13", ada).status()).isEqualTo(200);
        assertThat(fixtures.assign(group, primary, "2038-03-31", ada).status()).isEqualTo(200);
        Instant asPlanned = pause();
        assertThat(fixtures.assign(group, primary, "2038-03-13", bob).status()).isEqualTo(200);
        assertThat(api.delete(ScheduleFixtures.slot(group, primary, "2038-03-31") + "?reason=sick", admin).status()).isEqualTo(200);
        fixtures.awaitSlotVersion(group, primary, "2038-03-31", 2);
        String march = "/api/v1/groups/" + group + "/calendar?from=2038-03-08&to=2038-03-31";

        JsonNode then = api.get(march + "&asOf=" + asPlanned, admin).json();
        JsonNode now = api.get(march, admin).json();

        assertThat(Instant.parse(then.get("asOf").asString())).isEqualTo(asPlanned);
        assertThat(now.get("asOf").isNull()).isTrue();
        assertThat(slot(then, "2038-03-13").at("/assignee/name").asString()).isEqualTo("Ada");
        assertThat(slot(then, "2038-03-13").get("realHours").asDouble()).isEqualTo(23.0);
        assertThat(slot(then, "2038-03-31").at("/assignee/name").asString()).isEqualTo("Ada");
        assertThat(slot(then, "2038-03-31").get("version").asLong()).isEqualTo(1);
        assertThat(slot(now, "2038-03-13").at("/assignee/name").asString()).isEqualTo("Bob");
        assertThat(slot(now, "2038-03-31").get("status").asString()).isEqualTo("OPEN");
        assertThat(api.get(march + "&asOf=" + asPlanned, admin).body()).as("the same answer again").isEqualTo(api.get(march + "&asOf=" + asPlanned, admin).body());

        String onCall = "/api/v1/groups/" + group + "/on-call?at=2038-03-14T03:00:00-05:00";
        assertThat(api.get(onCall + "&asOf=" + asPlanned, admin).json().at("/onCall/0/assignee/name").asString()).isEqualTo("Ada");
        assertThat(api.get(onCall, admin).json().at("/onCall/0/assignee/name").asString()).isEqualTo("Bob");

        String auditor = "auditor-" + group.substring(0, 8);
        fixtures.memberWithLogin(group, "Audrey", "AUDITOR", auditor, "auditor-password-1");
        assertThat(api.get(march + "&asOf=" + asPlanned, api.login(auditor, "auditor-password-1")).status()).isEqualTo(200);
        assertRefused(() -> api.get(march + "&asOf=" + Instant.now().plus(1, ChronoUnit.HOURS), admin), 400, "AS_OF_IN_FUTURE", "asOf");
    }

    @Test
    void theCalendarAsCsvHasAHeaderRowOneRowPerSlotAndNoFormulaInANamedCell() {
        String admin = adminToken();
        ScheduleFixtures fixtures = new ScheduleFixtures(api, admin);
        String group = fixtures.group("Europe/Berlin");
        String primary = fixtures.shiftType(group, "Primary", "08:00", 24);
        String mallory = fixtures.member(group, "=SUM(1,2)");
        assertThat(fixtures.assign(group, primary, "2038-03-28", mallory).status()).isEqualTo(200);
        fixtures.awaitSlotVersion(group, primary, "2038-03-28", 1);

        Api.Response csv = api.get("/api/v1/groups/" + group + "/calendar?from=2038-03-27&to=2038-03-28", admin, "text/csv");

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).isEqualTo("date,shiftTypeId,shiftTypeName,start,end,realHours,status,memberId,assigneeName,"
                + "reachableBySms,version,swapId,coverageRequestId");
        assertThat(lines[1]).as("the spring-forward night").startsWith("2038-03-27," + primary + ",Primary,2038-03-27T08:00:00+01:00,"
                + "2038-03-28T08:00:00+02:00,23.0,OPEN,,,,0,,");
        assertThat(lines[2]).startsWith("2038-03-28," + primary + ",Primary,2038-03-28T08:00:00+02:00,2038-03-29T08:00:00+02:00,24.0,ASSIGNED,"
                + mallory + ",\"'=SUM(1,2)\",true,1,,");
    }

    /** An instant strictly between what was recorded before and what will be recorded after. */
    private static Instant pause() throws InterruptedException {
        Thread.sleep(20);
        Instant instant = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Thread.sleep(20);
        return instant;
    }

    private static JsonNode slot(JsonNode calendar, String date) {
        for (JsonNode slot : calendar.get("slots")) {
            if (slot.get("date").asString().equals(date)) {
                return slot;
            }
        }
        throw new AssertionError("no slot on " + date);
    }
}
