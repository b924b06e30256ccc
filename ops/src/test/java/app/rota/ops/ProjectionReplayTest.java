package app.rota.ops;

import app.rota.ops.support.Api;
import app.rota.ops.support.RotaIntegrationTest;
import app.rota.ops.support.ScheduleFixtures;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.member.MemberAddedEvent;
import app.rota.kernel.member.MemberId;
import app.rota.kernel.member.MemberRole;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rebuilding the calendar from the first event while it serves: reads during the rebuild answer from the last
 * complete state (never an emptier calendar), edits made during it are kept, and afterwards the calendar, its
 * history and its processor carry on from the rebuilt tables.
 */
class ProjectionReplayTest extends RotaIntegrationTest {

    @Autowired
    private EventStore eventStore;
    @Autowired
    private TransactionTemplate transactions;

    private final String poisonMember = UUID.randomUUID().toString();

    /** A poison event stays until an operator acts; this test's own dead letter is removed for the tests after it. */
    @AfterEach
    void removeThePoisonEventsDeadLetter() {
        jdbc.update("delete from dead_letter_entry where aggregate_identifier = ?", poisonMember);
    }

    private record Read(Instant at, int assigned) {
    }

    @Test
    void theCalendarIsRebuiltWhileItServesAndNoReadEverAnswersAnEmptierCalendar() throws InterruptedException {
        String admin = adminToken();
        ScheduleFixtures fixtures = new ScheduleFixtures(api, admin);
        String group = fixtures.group("America/Chicago");
        String primary = fixtures.shiftType(group, "Primary", "08:00", 24);
        String ada = fixtures.member(group, "Ada");
        String bob = fixtures.member(group, "Bob");
        Api.Response rotation = api.post("/api/v1/groups/" + group + "/rotations", admin,
                "{\"from\":\"2038-01-01\",\"to\":\"2038-04-30\",\"memberIds\":[\"" + ada + "\",\"" + bob + "\"]}");
        assertThat(rotation.status()).as(rotation.body()).isEqualTo(200);
        fixtures.awaitSlotVersion(group, primary, "2038-04-30", 1);
        String range = "/api/v1/groups/" + group + "/calendar?from=2038-01-01&to=2038-05-31";
        // a member added with a NUL in its name: PostgreSQL refuses it, the live calendar parks it as a dead letter
        transactions.executeWithoutResult(tx -> eventStore.publish(new GenericDomainEventMessage<>("MemberAggregate", poisonMember, 0,
                new MemberAddedEvent(new MemberId(UUID.fromString(poisonMember)), new GroupId(UUID.fromString(group)),
                        "Poison\u0000Name", ScheduleFixtures.nextPhone(), MemberRole.MEMBER))));
        await().atMost(Duration.ofSeconds(10)).until(() -> deadLettersOf(poisonMember) == 1);
        int assignedBefore = assigned(api.get(range, admin).json());
        assertThat(assignedBefore).isEqualTo(120);
        Instant beforeTheReplay = Instant.now();
        Thread.sleep(20);
        String asOfBefore = api.get(range + "&asOf=" + beforeTheReplay, admin).body();

        List<Read> reads = new CopyOnWriteArrayList<>();
        AtomicBoolean reading = new AtomicBoolean(true);
        Thread reader = new Thread(() -> {
            Api client = new Api(port);
            while (reading.get()) {
                Api.Response calendar = client.get(range, admin);
                if (calendar.status() == 200) {
                    reads.add(new Read(Instant.now(), assigned(calendar.json())));
                }
            }
        }, "replay-test-reader");
        reader.start();

        Instant started = Instant.now();
        Api.Response replay = api.post("/api/v1/admin/projections/calendar/replay", admin, "");
        assertThat(replay.status()).as(replay.body()).isEqualTo(202);
        assertThat(replay.text("name")).isEqualTo("calendar");
        assertThat(replay.text("status")).isEqualTo("REPLAYING");
        assertThat(fixtures.assign(group, primary, "2038-05-01", ada).status()).as("edits go on during the rebuild").isEqualTo(200);
        JsonNode done = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> calendarProcessor(admin), status -> "DONE".equals(status.at("/lastReplay/status").asString()));
        Instant finished = Instant.now();
        assertThat(fixtures.assign(group, primary, "2038-05-02", bob).status()).as("and after it").isEqualTo(200);
        fixtures.awaitSlotVersion(group, primary, "2038-05-02", 1);
        reading.set(false);
        reader.join();

        assertThat(done.at("/lastReplay/events").asLong()).isPositive();
        assertThat(done.at("/lastReplay/skipped").asLong()).as("the poison event, skipped as the live processor parked it")
                .isGreaterThanOrEqualTo(1);
        assertThat(deadLettersOf(poisonMember)).as("its dead letter still stands").isEqualTo(1);
        assertThat(done.at("/lastReplay/progress").asDouble()).isEqualTo(1.0);
        assertThat(reads).as("reads answered during the rebuild").anyMatch(read -> read.at().isAfter(started) && read.at().isBefore(finished));
        int most = 0;
        for (Read read : reads) {
            assertThat(read.assigned()).as("never an emptier calendar than one answered before").isGreaterThanOrEqualTo(most);
            most = Math.max(most, read.assigned());
        }
        JsonNode after = api.get(range, admin).json();
        assertThat(assigned(after)).isEqualTo(assignedBefore + 2);
        assertThat(slotOn(after, "2038-05-01").at("/assignee/name").asString()).isEqualTo("Ada");
        assertThat(api.get(range + "&asOf=" + beforeTheReplay, admin).body()).as("history rebuilt as it was").isEqualTo(asOfBefore);
        assertThat(jdbc.queryForList("select indexname from pg_indexes where tablename = 'slot_view'", String.class))
                .contains("slot_view_group_date", "slot_view_member_date");
        assertThat(jdbc.queryForObject("select count(*) from information_schema.schemata where schema_name like 'rota_re%'", Long.class))
                .as("no schema left behind").isZero();
    }

    @Test
    void theGroupsSwapsCoverageAndFeedsAreEachRebuiltToTheSameAnswersWithTheirForeignKeys() {
        String admin = adminToken();
        ScheduleFixtures fixtures = new ScheduleFixtures(api, admin);
        LocalDate first = LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(30);
        String day1 = first.toString();
        String day2 = first.plusDays(1).toString();
        String day3 = first.plusDays(2).toString();
        String group = fixtures.group("Europe/Berlin");
        assertThat(api.put("/api/v1/groups/" + group + "/settings", admin,
                "{\"swapApprovalRequired\":false,\"holidays\":[\"2038-12-25\",\"" + day3 + "\"]}").status()).isEqualTo(200);
        String primary = fixtures.shiftType(group, "Primary", "08:00", 24);
        String ada = fixtures.memberWithLogin(group, "Ada", "MEMBER", "ada-rebuilds", "ada-password-123");
        String bob = fixtures.memberWithLogin(group, "Bob", "MEMBER", "bob-rebuilds", "bob-password-123");
        String cy = fixtures.member(group, "Cy");
        String adaToken = api.login("ada-rebuilds", "ada-password-123");
        String bobToken = api.login("bob-rebuilds", "bob-password-123");
        fixtures.assign(group, primary, day1, ada);
        fixtures.assign(group, primary, day2, bob);
        fixtures.assign(group, primary, day3, ada);
        fixtures.awaitSlotVersion(group, primary, day3, 1);
        String groupPath = "/api/v1/groups/" + group;
        Api.Response proposed = api.post(groupPath + "/swaps", adaToken, "{\"fromSlot\":" + slotJson(primary, day1)
                + ",\"toSlot\":" + slotJson(primary, day2) + ",\"counterpartId\":\"" + bob + "\"}");
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        String swap = proposed.text("id");
        await().atMost(Duration.ofSeconds(10)).until(() -> api.post(groupPath + "/swaps/" + swap + "/accept", bobToken, "{}").status() == 200);
        Api.Response requested = api.post(groupPath + "/coverage-requests", adaToken, "{\"slot\":" + slotJson(primary, day3)
                + ",\"reason\":\"conference\"}");
        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
        String request = requested.text("id");
        await().atMost(Duration.ofSeconds(10)).until(() -> api.post(groupPath + "/members/" + ada + "/feed", adaToken, "").status() == 200);
        String feed = api.post(groupPath + "/members/" + ada + "/feed", adaToken, "").text("token");
        assertThat(api.post(groupPath + "/members/" + cy + "/deactivate", admin, "").status()).isEqualTo(204);
        List<String> reads = List.of(groupPath, groupPath + "/swaps", groupPath + "/swaps/" + swap, groupPath + "/coverage-requests",
                groupPath + "/coverage-requests/" + request);
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get(groupPath + "/swaps/" + swap, admin).text("status").equals("COMPLETED")
                && api.get(groupPath + "/coverage-requests/" + request, admin).status() == 200);
        Map<String, String> before = answers(reads, admin);
        String feedBefore = await("the feed (60 days back to 365 ahead) holds Ada's slots after the swap").atMost(Duration.ofSeconds(10))
                .until(() -> withoutStamps(api.get("/api/v1/feeds/" + feed + ".ics", null).body()),
                        body -> body.contains("UID:" + primary + "-" + day2 + "@rota") && body.contains("UID:" + primary + "-" + day3 + "@rota")
                                && !body.contains("UID:" + primary + "-" + day1 + "@rota"));
        await("no feed for an inactive member").atMost(Duration.ofSeconds(10))
                .until(() -> api.post(groupPath + "/members/" + cy + "/feed", admin, "").status() == 422);

        for (String projection : List.of("groups", "swaps", "coverage", "feeds")) {
            Api.Response replay = api.post("/api/v1/admin/projections/" + projection + "/replay", admin, "");
            assertThat(replay.status()).as(replay.body()).isEqualTo(202);
            JsonNode done = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> processor(admin, projection), status -> !"REPLAYING".equals(status.at("/lastReplay/status").asString())
                            && !"SWITCHING".equals(status.at("/lastReplay/status").asString()));
            assertThat(done.at("/lastReplay/status").asString()).as(projection + ": " + done).isEqualTo("DONE");
            assertThat(answers(reads, admin)).as("the answers after rebuilding " + projection).isEqualTo(before);
        }
        assertThat(withoutStamps(api.get("/api/v1/feeds/" + feed + ".ics", null).body())).as("the feed's token kept, its calendar the same")
                .isEqualTo(feedBefore);
        assertThat(api.post(groupPath + "/members/" + cy + "/feed", admin, "").status()).as("the member still inactive").isEqualTo(422);
        assertThat(jdbc.queryForList("""
                select t.relname || '->' || r.relname from pg_constraint c join pg_class t on t.oid = c.conrelid
                join pg_class r on r.oid = c.confrelid where c.contype = 'f' and t.relnamespace = 'public'::regnamespace
                  and t.relname in ('swap_history', 'coverage_offered', 'coverage_history', 'group_view_holiday')""", String.class))
                .as("the rebuilt tables' foreign keys point at the rebuilt tables")
                .containsExactlyInAnyOrder("swap_history->swap_view", "coverage_offered->coverage_request_view",
                        "coverage_history->coverage_request_view", "group_view_holiday->group_view");
        assertThat(jdbc.queryForList("select relname from pg_class where relpersistence <> 'p' and relnamespace = 'public'::regnamespace",
                String.class)).as("every table logged").isEmpty();
        Api.Response editedAfter = api.put(groupPath + "/settings", admin, "{\"escalationTimeoutMinutes\":45}");
        assertThat(editedAfter.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get(groupPath, admin).json().at("/settings/escalationTimeoutMinutes").asInt() == 45);
    }

    private Map<String, String> answers(List<String> paths, String token) {
        Map<String, String> answers = new LinkedHashMap<>();
        paths.forEach(path -> answers.put(path, api.get(path, token).body()));
        return answers;
    }

    /** An iCalendar body without its DTSTAMP lines (the time it was written). */
    private static String withoutStamps(String ics) {
        return ics.lines().filter(line -> !line.startsWith("DTSTAMP")).collect(Collectors.joining("\n"));
    }

    private static String slotJson(String shiftType, String date) {
        return "{\"shiftTypeId\":\"" + shiftType + "\",\"date\":\"" + date + "\"}";
    }

    @Test
    void onlyTheSuperAdminMayReplayAndOnlyAProjectionThatCanBeRebuiltWhileServing() {
        String admin = adminToken();
        ScheduleFixtures fixtures = new ScheduleFixtures(api, admin);
        String group = fixtures.group("UTC");
        fixtures.memberWithLogin(group, "Gail", "ADMIN", "gail-replay", "gail-password-123");
        String groupAdmin = api.login("gail-replay", "gail-password-123");

        assertRefused(() -> api.post("/api/v1/admin/projections/calendar/replay", groupAdmin, ""), 403, "ACCESS_DENIED", null);
        assertRefused(() -> api.post("/api/v1/admin/projections/nope/replay", admin, ""), 404, "PROJECTION_NOT_FOUND", "name");
        assertRefused(() -> api.post("/api/v1/admin/projections/notifier/replay", admin, ""), 409, "PROJECTION_NOT_REPLAYABLE", "name");
    }

    private long deadLettersOf(String aggregate) {
        return jdbc.queryForObject("select count(*) from dead_letter_entry where aggregate_identifier = ? and processing_group = 'calendar'", Long.class, aggregate);
    }

    private JsonNode calendarProcessor(String admin) {
        return processor(admin, "calendar");
    }

    private JsonNode processor(String admin, String name) {
        for (JsonNode projection : api.get("/api/v1/admin/projections", admin).json().get("projections")) {
            if (projection.get("name").asString().equals(name)) {
                return projection;
            }
        }
        throw new AssertionError("no processor " + name);
    }

    private static int assigned(JsonNode calendar) {
        int assigned = 0;
        for (JsonNode slot : calendar.get("slots")) {
            if (slot.hasNonNull("assignee")) {
                assigned++;
            }
        }
        return assigned;
    }

    private static JsonNode slotOn(JsonNode calendar, String date) {
        for (JsonNode slot : calendar.get("slots")) {
            if (LocalDate.parse(slot.get("date").asString()).equals(LocalDate.parse(date))) {
                return slot;
            }
        }
        throw new AssertionError("no slot on " + date);
    }
}
