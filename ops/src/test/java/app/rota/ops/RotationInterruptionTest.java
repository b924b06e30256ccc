package app.rota.ops;

import app.rota.ops.support.Api;
import app.rota.ops.support.RotaIntegrationTest;
import app.rota.ops.support.ScheduleFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rotation that meets an unexpected failure partway (here the database refuses one booking, as a
 * broken disk or a bug would) keeps what it assigned before, tries nothing after, and answers 500
 * {@code ROTATION_INTERRUPTED} (503 with Retry-After when the database is out of reach) with a report of exactly what was assigned, what failed and what was not
 * attempted. What it did assign is still published as the run's summary before the interruption is answered.
 */
class RotationInterruptionTest extends RotaIntegrationTest {

    @AfterEach
    void mendTheDatabase() {
        jdbc.execute("drop trigger if exists rotation_interruption_test on cmd_booking");
        jdbc.execute("drop function if exists rotation_interruption_test()");
    }

    @Test
    void aRotationInterruptedHalfwayReportsExactlyWhatItAssignedAndTheCalendarShowsJustThat() {
        String admin = adminToken();
        ScheduleFixtures fixtures = new ScheduleFixtures(api, admin);
        String group = fixtures.group("America/Chicago");
        String primary = fixtures.shiftType(group, "Primary", "08:00", 24);
        fixtures.member(group, "Ana");
        fixtures.member(group, "Ben");
        jdbc.execute("""
                create function rotation_interruption_test() returns trigger language plpgsql as $$
                begin
                    if new.group_id = '%s' and new.slot_date = date '2038-09-03' then
                        raise exception 'the disk is full';
                    end if;
                    return new;
                end $$""".formatted(group));
        jdbc.execute("create trigger rotation_interruption_test before insert on cmd_booking "
                + "for each row execute function rotation_interruption_test()");
        long eventsBefore = eventCount();

        Api.Response rotation = api.post("/api/v1/groups/" + group + "/rotations", admin,
                "{\"from\":\"2038-09-01\",\"to\":\"2038-09-05\"}");

        assertThat(rotation.status()).as(rotation.body()).isEqualTo(500);
        assertThat(rotation.contentType()).startsWith("application/problem+json");
        assertThat(rotation.json().get("code").asString()).isEqualTo("ROTATION_INTERRUPTED");
        JsonNode report = rotation.json().get("current");
        assertThat(report.get("assigned").asInt()).isEqualTo(2);
        List<String> leftOpen = new ArrayList<>();
        report.get("leftOpen").forEach(slot -> leftOpen.add(slot.at("/slot/date").asString() + " " + slot.get("reason").asString()));
        assertThat(leftOpen).containsExactly("2038-09-03 FAILED", "2038-09-04 NOT_ATTEMPTED", "2038-09-05 NOT_ATTEMPTED");
        assertThat(eventCount()).as("exactly the two assignments and the run's summary were stored").isEqualTo(eventsBefore + 3);
        List<JsonNode> summaries = rotationSummaries(group);
        assertThat(summaries).as("the interrupted run published what it assigned").hasSize(1);
        assertThat(summaries.get(0).get("rotationId").asString()).isEqualTo(report.get("rotationId").asString());
        assertThat(summaries.get(0).get("leftOpen").asInt()).isEqualTo(3);
        List<String> shared = new ArrayList<>();
        summaries.get(0).get("shares").forEach(share -> share.get("slots").forEach(slot -> shared.add(slot.get("date").asString())));
        assertThat(shared).containsExactlyInAnyOrder("2038-09-01", "2038-09-02");
        fixtures.awaitSlotVersion(group, primary, "2038-09-02", 1);
        JsonNode calendar = api.get("/api/v1/groups/" + group + "/calendar?from=2038-09-01&to=2038-09-05", admin).json();
        List<String> statuses = new ArrayList<>();
        calendar.get("slots").forEach(slot -> statuses.add(slot.get("date").asString() + " " + slot.get("status").asString()));
        assertThat(statuses).containsExactly("2038-09-01 ASSIGNED", "2038-09-02 ASSIGNED", "2038-09-03 OPEN",
                "2038-09-04 OPEN", "2038-09-05 OPEN");

        mendTheDatabase();
        Api.Response again = api.post("/api/v1/groups/" + group + "/rotations", admin,
                "{\"from\":\"2038-09-01\",\"to\":\"2038-09-05\"}");
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("assigned").asInt()).as("a rerun fills what was left open").isEqualTo(3);
        assertThat(rotationSummaries(group)).as("and publishes its own summary").hasSize(2);
    }
}
