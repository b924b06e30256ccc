package app.rota.ops.axon;

import app.rota.ops.support.Api;
import app.rota.ops.support.RotaIntegrationTest;
import app.rota.ops.support.ScheduleFixtures;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Time off declared before declarations had ids (a revision 1 event, stored as an older release stored it) is read
 * everywhere with the id of the event message it was stored under: listed by the directory with that id, found by
 * the member's aggregate to withdraw it, and given the same id by the command tables' rebuild and by migration V22.
 */
class TimeOffIdUpcasterTest extends RotaIntegrationTest {

    @Test
    void timeOffStoredBeforeIdsIsListedAndWithdrawnByTheIdOfItsEvent() {
        String admin = adminToken();
        ScheduleFixtures fixtures = new ScheduleFixtures(api, admin);
        String group = fixtures.group("America/Chicago");
        String ola = fixtures.member(group, "Ola");
        String eventId = UUID.randomUUID().toString();
        storeRevisionOneDeclaration(ola, group, eventId);
        assertThat(api.post("/api/v1/admin/command-tables/rebuild", admin, "").status()).isEqualTo(200);
        String member = "/api/v1/groups/" + group + "/members/" + ola;

        JsonNode listed = await().atMost(Duration.ofSeconds(10))
                .until(() -> api.get(member, admin).json(), m -> m.path("timeOff").size() == 1);
        assertThat(listed.at("/timeOff/0/id").asString()).isEqualTo(eventId);
        assertThat(listed.at("/timeOff/0/reason").asString()).isEqualTo("before ids");
        assertThat(jdbc.queryForObject("select time_off_id::text from cmd_time_off where member_id = ?::uuid", String.class, ola))
                .as("the command tables' rebuild reads it through the upcaster").isEqualTo(eventId);

        Api.Response withdrawn = api.delete(member + "/time-off/" + eventId, admin);

        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(204);
        assertThat(jdbc.queryForObject("select count(*) from cmd_time_off where member_id = ?::uuid", Long.class, ola)).isZero();
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get(member, admin).json().path("timeOff").isEmpty());
    }

    @Test
    void anIdentifierThatIsNoUuidGivesTheSameIdInJavaAsMigrationV22GivesInSql() {
        for (String identifier : new String[]{"event-1", "0f8fad5b-d9cb-469f-a165-70867728950e", "0f8fad5b-d9cb-469f-a165"}) {
            String inSql = jdbc.queryForObject("""
                    select (case when ? ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                                 then ?::uuid else md5('time-off:' || ?)::uuid end)::text""",
                    String.class, identifier, identifier, identifier);

            assertThat(TimeOffIdUpcaster.idOfDeclarationStoredAs(identifier)).hasToString(inSql);
        }
    }

    @Test
    void migrationV22GivesTheTimeOffAlreadyInTheCommandTablesTheIdsOfTheirEvents() {
        String schema = "v22_check_" + Long.toHexString(System.nanoTime());
        Flyway flyway = Flyway.configure().dataSource(jdbc.getDataSource()).schemas(schema).locations("classpath:db/migration")
                .target("21").load();
        flyway.migrate();
        String group = UUID.randomUUID().toString();
        String member = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        jdbc.update("insert into " + schema + ".cmd_group (group_id, time_zone) values (?::uuid, 'UTC')", group);
        jdbc.update("insert into " + schema + ".cmd_member (member_id, group_id, phone, active) values (?::uuid, ?::uuid, '+13125550100', true)",
                member, group);
        jdbc.update("insert into " + schema + ".cmd_time_off (member_id, group_id, from_date, to_date) values (?::uuid, ?::uuid, '2038-08-02', '2038-08-03')",
                member, group);
        jdbc.update("""
                insert into %s.domain_event_entry (global_index, aggregate_identifier, sequence_number, type, event_identifier,
                    payload_type, payload_revision, payload, meta_data, time_stamp)
                values (1, ?, 1, 'MemberAggregate', ?, 'app.rota.kernel.member.TimeOffDeclaredEvent', '1', convert_to(?, 'UTF8'),
                    convert_to('{}', 'UTF8'), '2026-11-30T10:00:00Z')""".formatted(schema),
                member, eventId, "{\"memberId\":\"" + member + "\",\"groupId\":\"" + group
                        + "\",\"from\":\"2038-08-02\",\"to\":\"2038-08-03\",\"reason\":null}");

        Flyway.configure().dataSource(jdbc.getDataSource()).schemas(schema).locations("classpath:db/migration").target("22").load()
                .migrate();

        try {
            assertThat(jdbc.queryForList("select time_off_id::text || ' ' || from_date || ' ' || to_date from " + schema
                    + ".cmd_time_off", String.class)).containsExactly(eventId + " 2038-08-02 2038-08-03");
        } finally {
            jdbc.execute("drop schema " + schema + " cascade");
        }
    }

    /** As a release before time-off ids stored it: revision 1, no timeOffId, the member's next sequence number. */
    private void storeRevisionOneDeclaration(String member, String group, String eventId) {
        String payload = "{\"memberId\":\"" + member + "\",\"groupId\":\"" + group
                + "\",\"from\":\"2038-08-02\",\"to\":\"2038-08-03\",\"reason\":\"before ids\"}";
        jdbc.update("""
                insert into domain_event_entry (global_index, aggregate_identifier, sequence_number, type, event_identifier,
                    payload_type, payload_revision, payload, meta_data, time_stamp)
                select nextval('domain_event_entry_seq'), aggregate_identifier, sequence_number + 1, type, ?,
                    'app.rota.kernel.member.TimeOffDeclaredEvent', '1', convert_to(?, 'UTF8'), meta_data, time_stamp
                from domain_event_entry where aggregate_identifier = ? order by sequence_number desc limit 1""",
                eventId, payload, member);
    }
}
