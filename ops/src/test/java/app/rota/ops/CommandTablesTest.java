package app.rota.ops;

import app.rota.ops.support.Api;
import app.rota.ops.support.RotaIntegrationTest;
import app.rota.ops.support.ScheduleFixtures;
import app.rota.kernel.group.GroupCreatedEvent;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.group.GroupSettings;
import app.rota.kernel.member.MemberAddedEvent;
import app.rota.kernel.member.MemberId;
import app.rota.kernel.member.MemberRole;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command side's own tables are fed only by events: rebuilding them from the event store gives
 * the same rows, and the migration that added columns to them recomputes those from the events.
 */
class CommandTablesTest extends RotaIntegrationTest {

    @Autowired
    private EventStore eventStore;
    @Autowired
    private TransactionTemplate transactions;

    @Test
    void rebuildingTheCommandTablesFromTheEventStoreGivesTheSameRows() {
        String admin = adminToken();
        ScheduleFixtures fixtures = new ScheduleFixtures(api, admin);
        String group = groupWithHolidays(admin);
        String primary = fixtures.shiftType(group, "Primary", "08:00", 24);
        String ana = fixtures.member(group, "Ana");
        String ben = fixtures.member(group, "Ben", "AUDITOR");
        String cal = fixtures.member(group, "Cal");
        assertThat(api.patch("/api/v1/groups/" + group + "/members/" + cal, admin, "{\"role\":\"ADMIN\"}").status()).isEqualTo(204);
        assertThat(api.post("/api/v1/groups/" + group + "/members/" + cal + "/deactivate", admin, "").status()).isEqualTo(204);
        assertThat(fixtures.assign(group, primary, "2038-06-01", ana).status()).isEqualTo(200);
        assertThat(fixtures.assign(group, primary, "2038-06-02", ana).status()).isEqualTo(200);
        assertThat(api.delete(ScheduleFixtures.slot(group, primary, "2038-06-02"), admin).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/groups/" + group + "/members/" + ana + "/time-off", admin,
                "{\"from\":\"2038-07-01\",\"to\":\"2038-07-03\"}").status()).isEqualTo(201);
        String withdrawn = api.post("/api/v1/groups/" + group + "/members/" + ana + "/time-off", admin,
                "{\"from\":\"2038-08-01\",\"to\":\"2038-08-01\"}").text("id");
        assertThat(api.delete("/api/v1/groups/" + group + "/members/" + ana + "/time-off/" + withdrawn, admin).status()).isEqualTo(204);
        assertThat(api.post("/api/v1/groups/" + group + "/shift-types/" + primary + "/retire", admin, "").status()).isEqualTo(204);
        Map<String, List<Map<String, Object>>> before = tablesOf(group);

        Api.Response rebuilt = api.post("/api/v1/admin/command-tables/rebuild", admin, "");

        assertThat(rebuilt.status()).as(rebuilt.body()).isEqualTo(200);
        assertThat(rebuilt.json().get("events").asLong()).isEqualTo(eventCount());
        assertThat(tablesOf(group)).isEqualTo(before);
        assertThat(before.get("cmd_member")).extracting(row -> row.get("role")).containsExactly("MEMBER", "AUDITOR", "ADMIN");
        assertThat(before.get("cmd_booking")).hasSize(1);
        assertThat(before.get("cmd_time_off")).as("the withdrawn time off is gone").hasSize(1);
    }

    @Test
    void commandsRacingTwoRebuildsAllSucceedAndNoBookingIsLost() throws Exception {
        String admin = adminToken();
        ScheduleFixtures fixtures = new ScheduleFixtures(api, admin);
        String group = groupWithHolidays(admin);
        String primary = fixtures.shiftType(group, "Primary", "08:00", 24);
        List<String> members = List.of(fixtures.member(group, "Ina"), fixtures.member(group, "Jo"), fixtures.member(group, "Kai"));
        ExecutorService clients = Executors.newFixedThreadPool(3);
        try {
            List<Future<Integer>> edits = new ArrayList<>();
            for (int day = 1; day <= 30; day++) {
                String date = "2038-11-%02d".formatted(day);
                String member = members.get(day % 3);
                edits.add(clients.submit(() -> fixtures.assign(group, primary, date, member).status()));
            }
            Api.Response first = api.post("/api/v1/admin/command-tables/rebuild", admin, "");
            Api.Response second = api.post("/api/v1/admin/command-tables/rebuild", admin, "");

            assertThat(first.status()).as(first.body()).isEqualTo(200);
            assertThat(second.status()).as(second.body()).isEqualTo(200);
            for (Future<Integer> edit : edits) {
                assertThat(edit.get(60, TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            clients.shutdownNow();
        }
        assertThat(jdbc.queryForObject("select count(*) from cmd_booking where group_id = ?::uuid", Long.class, group))
                .isEqualTo(30);
    }

    @Test
    void theBackfillMigrationRecomputesRolesJoinOrderAndHolidaysFromTheEvents() {
        String admin = adminToken();
        ScheduleFixtures fixtures = new ScheduleFixtures(api, admin);
        String group = groupWithHolidays(admin);
        fixtures.member(group, "Dee");
        String eve = fixtures.member(group, "Eve", "AUDITOR");
        fixtures.member(group, "Fay");
        Map<String, List<Map<String, Object>>> facts = tablesOf(group);
        // What V6's defaults did to rows that existed before it: everyone a member, any order, no holidays.
        jdbc.update("update cmd_member set role = 'MEMBER', joined_order = nextval(pg_get_serial_sequence('cmd_member', 'joined_order')) "
                + "where member_id = ?::uuid", eve);
        jdbc.update("update cmd_group set holidays = '{}' where group_id = ?::uuid", group);
        assertThat(tablesOf(group)).isNotEqualTo(facts);

        jdbc.execute(migration("V10__command_tables_backfill.sql"));

        assertThat(tablesOf(group)).isEqualTo(facts);
        String gus = fixtures.member(group, "Gus");
        assertThat(jdbc.queryForObject("select max(joined_order) from cmd_member", Long.class))
                .isEqualTo(jdbc.queryForObject("select joined_order from cmd_member where member_id = ?::uuid", Long.class, gus));
    }

    /**
     * A poison event (a NUL in a name, waiting in a dead-letter queue) cannot be cast to jsonb as stored;
     * the backfills must read past it. Run in a transaction that is rolled back, so no processor sees it.
     */
    @Test
    void theBackfillMigrationsReadPastAPoisonEvent() {
        MemberId poisoned = new MemberId(UUID.randomUUID());
        GroupId poisonedGroup = new GroupId(UUID.randomUUID());
        String admin = adminToken();
        String group = groupWithHolidays(admin);

        transactions.executeWithoutResult(tx -> {
            eventStore.publish(new GenericDomainEventMessage<>("GroupAggregate", poisonedGroup.toString(), 0,
                    new GroupCreatedEvent(poisonedGroup, "Nul\u0000Group", ZoneId.of("Asia/Tokyo"), GroupSettings.defaults())));
            eventStore.publish(new GenericDomainEventMessage<>("MemberAggregate", poisoned.toString(), 0,
                    new MemberAddedEvent(poisoned, new GroupId(UUID.fromString(group)), "Nul\u0000Name",
                            ScheduleFixtures.nextPhone(), MemberRole.AUDITOR)));
            jdbc.update("update cmd_member set role = 'MEMBER' where member_id = ?", poisoned.value());

            jdbc.execute(migration("V9__calendar_group_backfill.sql"));
            jdbc.execute(migration("V10__command_tables_backfill.sql"));

            assertThat(jdbc.queryForObject("select role from cmd_member where member_id = ?", String.class, poisoned.value()))
                    .isEqualTo("AUDITOR");
            assertThat(jdbc.queryForObject("select time_zone from calendar_group where group_id = ?", String.class,
                    poisonedGroup.value())).isEqualTo("Asia/Tokyo");
            tx.setRollbackOnly();
        });

        assertThat(jdbc.queryForObject("select count(*) from cmd_member where member_id = ?", Long.class, poisoned.value())).isZero();
    }

    private static String migration(String name) {
        try {
            return new ClassPathResource("db/migration/" + name).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String groupWithHolidays(String admin) {
        return api.post("/api/v1/groups", admin,
                "{\"name\":\"Tables\",\"timeZone\":\"Europe/London\",\"settings\":{\"holidays\":[\"2038-12-25\",\"2038-01-01\"]}}")
                .text("id");
    }

    /** The group's rows in every command table, members in their joined order (its numbers are not compared). */
    private Map<String, List<Map<String, Object>>> tablesOf(String group) {
        return Map.of(
                "cmd_group", jdbc.queryForList("select group_id, time_zone, holidays::text from cmd_group where group_id = ?::uuid", group),
                "cmd_member", jdbc.queryForList("select member_id, phone, active, role from cmd_member where group_id = ?::uuid "
                        + "order by joined_order", group),
                "cmd_shift_type", jdbc.queryForList("select * from cmd_shift_type where group_id = ?::uuid", group),
                "cmd_booking", jdbc.queryForList("select * from cmd_booking where group_id = ?::uuid order by slot_key", group),
                "cmd_time_off", jdbc.queryForList("select time_off_id, member_id, from_date, to_date from cmd_time_off where group_id = ?::uuid "
                        + "order by member_id, from_date", group));
    }
}
