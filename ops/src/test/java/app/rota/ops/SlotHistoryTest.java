package app.rota.ops;

import app.rota.ops.support.Api;
import app.rota.ops.support.RotaIntegrationTest;
import app.rota.ops.support.ScheduleFixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** A slot's history from its own event stream: every change in order, with actor, reason and cause, tenancy kept. */
class SlotHistoryTest extends RotaIntegrationTest {

    @Test
    void aSlotsHistoryListsEveryChangeInOrderWithWhoWhyAndThroughWhichWorkflow() {
        String admin = adminToken();
        ScheduleFixtures fixtures = new ScheduleFixtures(api, admin);
        String group = fixtures.group("Europe/Berlin");
        String primary = fixtures.shiftType(group, "Primary", "08:00", 24);
        String ann = fixtures.member(group, "Ann");
        String bob = fixtures.member(group, "Bob");
        String slot = ScheduleFixtures.slot(group, primary, "2038-10-31");
        assertThat(api.put(slot, admin, "{\"memberId\":\"" + ann + "\",\"reason\":\"first pick\"}").status()).isEqualTo(200);
        assertThat(api.put(slot, admin, "{\"memberId\":\"" + bob + "\",\"reason\":\"Ann is away\"}").status()).isEqualTo(200);
        assertThat(api.delete(slot + "?reason=cancelled", admin).status()).isEqualTo(200);
        Api.Response rotation = api.post("/api/v1/groups/" + group + "/rotations", admin,
                "{\"from\":\"2038-10-31\",\"to\":\"2038-10-31\",\"memberIds\":[\"" + ann + "\"]}");
        assertThat(rotation.status()).as(rotation.body()).isEqualTo(200);

        JsonNode history = api.get(slot.replace("/assignee", "/history"), admin).json();

        assertThat(history.get("date").asString()).isEqualTo("2038-10-31");
        assertThat(history.at("/slot/shiftTypeId").asString()).isEqualTo(primary);
        assertThat(history.at("/slot/start").asString()).isEqualTo("2038-10-31T08:00:00+01:00");
        assertThat(history.at("/slot/end").asString()).isEqualTo("2038-11-01T08:00:00+01:00");
        JsonNode entries = history.get("entries");
        assertThat(entries).hasSize(4);
        assertThat(entries.at("/0/type").asString()).isEqualTo("ASSIGNED");
        assertThat(entries.at("/0/change").asString()).isEqualTo("ASSIGNED");
        assertThat(entries.at("/0/version").asLong()).isEqualTo(1);
        assertThat(entries.at("/0/assignee/name").asString()).isEqualTo("Ann");
        assertThat(entries.at("/0/reason").asString()).isEqualTo("first pick");
        assertThat(entries.at("/0/actor/source").asString()).isEqualTo("WEB");
        assertThat(entries.at("/0/actor/name").asString()).isEqualTo(ADMIN);
        assertThat(entries.at("/0/correlationId").asString()).isNotBlank();
        assertThat(entries.at("/1/previousAssignee/name").asString()).isEqualTo("Ann");
        assertThat(entries.at("/1/previous/name").asString()).isEqualTo("Ann");
        assertThat(entries.at("/1/assignee/name").asString()).isEqualTo("Bob");
        assertThat(entries.at("/2/change").asString()).isEqualTo("UNASSIGNED");
        assertThat(entries.at("/2/previous/name").asString()).isEqualTo("Bob");
        assertThat(entries.at("/2/reason").asString()).isEqualTo("cancelled");
        assertThat(entries.at("/3/cause").asString()).isEqualTo("rotation:" + rotation.text("rotationId"));
        assertThat(entries.at("/3/version").asLong()).isEqualTo(4);

        String otherGroup = fixtures.group("UTC");
        assertRefused(() -> api.get("/api/v1/groups/" + otherGroup + "/slots/" + primary + "/2038-10-31/history", admin),
                404, "SHIFT_TYPE_NOT_FOUND", "shiftTypeId");
        JsonNode untouched = api.get("/api/v1/groups/" + group + "/slots/" + primary + "/2038-11-01/history", admin).json();
        assertThat(untouched.get("entries")).isEmpty();
    }
}
