package app.rota.ops;

import app.rota.kernel.group.GroupId;
import app.rota.kernel.member.MemberId;
import app.rota.kernel.member.OptInToSmsCommand;
import app.rota.kernel.member.OptOutOfSmsCommand;
import app.rota.kernel.rotation.RotationPublishedEvent;
import app.rota.kernel.rotation.RotationShare;
import app.rota.ops.support.Api;
import app.rota.ops.support.RotaIntegrationTest;
import app.rota.ops.support.ScheduleFixtures;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static app.rota.ops.support.ScheduleFixtures.slot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Members, shift types, assignments and the calendar, driven through HTTP on the real stack. */
class ScheduleApiTest extends RotaIntegrationTest {

    @Autowired
    private EventStore eventStore;
    @Autowired
    private CommandGateway commands;
    private String admin;
    private ScheduleFixtures fixtures;

    @BeforeEach
    void logIn() {
        admin = adminToken();
        fixtures = new ScheduleFixtures(api, admin);
    }

    @Test
    void aDayShiftAcrossSpringForwardLastsTwentyThreeRealHoursAndAcrossFallBackTwentyFive() {
        String group = fixtures.group("America/Chicago");
        String primary = fixtures.shiftType(group, "Primary", "08:00", 24);
        String ada = fixtures.member(group, "Ada");
        assertThat(fixtures.assign(group, primary, "2026-03-07", ada).status()).isEqualTo(200);
        fixtures.awaitSlotVersion(group, primary, "2026-03-07", 1);

        JsonNode spring = slotOn(group, "2026-03-07");
        JsonNode fall = slotOn(group, "2026-10-31");

        assertThat(spring.get("start").asString()).isEqualTo("2026-03-07T08:00:00-06:00");
        assertThat(spring.get("end").asString()).isEqualTo("2026-03-08T08:00:00-05:00");
        assertThat(spring.get("realHours").asDouble()).isEqualTo(23.0);
        assertThat(spring.get("status").asString()).isEqualTo("ASSIGNED");
        assertThat(spring.at("/assignee/name").asString()).isEqualTo("Ada");
        assertThat(spring.get("version").asLong()).isEqualTo(1);
        assertThat(fall.get("end").asString()).isEqualTo("2026-11-01T08:00:00-06:00");
        assertThat(fall.get("realHours").asDouble()).isEqualTo(25.0);
        assertThat(fall.get("status").asString()).as("unassigned and started: a gap").isEqualTo("GAP");
        assertThat(fall.get("version").asLong()).isZero();
    }

    @Test
    void aNightShiftOnTheLastDayOfAMonthBelongsToThatDayAndEndsInTheNextMonth() {
        String group = fixtures.group("Europe/Berlin");
        fixtures.shiftType(group, "Night", "20:00", 12);

        JsonNode calendar = api.get("/api/v1/groups/" + group + "/calendar?from=2026-01-31&to=2026-01-31", admin).json();

        assertThat(calendar.get("slots")).hasSize(1);
        assertThat(calendar.at("/slots/0/date").asString()).isEqualTo("2026-01-31");
        assertThat(calendar.at("/slots/0/end").asString()).isEqualTo("2026-02-01T08:00:00+01:00");
    }

    @Test
    void aShiftStartingInTheSpringForwardGapStartsAtTheFirstValidInstant() {
        String group = fixtures.group("America/Chicago");
        fixtures.shiftType(group, "Odd", "02:30", 4);

        JsonNode slot = slotOn(group, "2026-03-08");

        assertThat(slot.get("start").asString()).isEqualTo("2026-03-08T03:00:00-05:00");
        assertThat(slot.get("end").asString()).isEqualTo("2026-03-08T06:30:00-05:00");
    }

    @Test
    void onCallAnswersWhoHoldsEachShiftTypeAtAnInstant() {
        String group = fixtures.group("America/Chicago");
        String night = fixtures.shiftType(group, "Night", "20:00", 12);
        String day = fixtures.shiftType(group, "Day", "08:00", 12);
        String bea = fixtures.member(group, "Bea");
        fixtures.assign(group, night, "2026-01-31", bea);
        fixtures.awaitSlotVersion(group, night, "2026-01-31", 1);

        JsonNode onCall = api.get("/api/v1/groups/" + group + "/on-call?at=2026-02-01T03:00:00-06:00", admin).json();

        assertThat(onCall.get("onCall")).hasSize(1);
        assertThat(onCall.at("/onCall/0/shiftTypeId").asString()).isEqualTo(night);
        assertThat(onCall.at("/onCall/0/date").asString()).isEqualTo("2026-01-31");
        assertThat(onCall.at("/onCall/0/assignee/memberId").asString()).isEqualTo(bea);
        JsonNode morning = api.get("/api/v1/groups/" + group + "/on-call?at=2026-02-01T08:00:00-06:00", admin).json();
        assertThat(morning.at("/onCall/0/shiftTypeId").asString()).isEqualTo(day);
        assertThat(morning.at("/onCall/0/status").asString()).as("unassigned and started: a gap").isEqualTo("GAP");
    }

    @Test
    void aMemberNeverHoldsTwoOverlappingSlotsAndTheRefusalStoresNothing() {
        String group = fixtures.group("UTC");
        String primary = fixtures.shiftType(group, "Primary", "08:00", 24);
        String backup = fixtures.shiftType(group, "Backup", "20:00", 12);
        String cy = fixtures.member(group, "Cy");
        assertThat(fixtures.assign(group, primary, "2038-05-03", cy).status()).isEqualTo(200);
        long events = eventCount();

        Api.Response overlapping = fixtures.assign(group, backup, "2038-05-03", cy);
        Api.Response touching = fixtures.assign(group, primary, "2038-05-04", cy);

        assertThat(overlapping.status()).isEqualTo(409);
        assertThat(overlapping.json().get("code").asString()).isEqualTo("MEMBER_DOUBLE_BOOKED");
        assertThat(touching.status()).as("back-to-back slots do not overlap").isEqualTo(200);
        assertThat(eventCount()).isEqualTo(events + 1);
    }

    @Test
    void ofFiftyConcurrentEditsWithTheSameExpectedVersionExactlyOneWins() throws Exception {
        String group = fixtures.group("UTC");
        String primary = fixtures.shiftType(group, "Primary", "08:00", 24);
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            members.add(fixtures.member(group, "M" + i));
        }

        List<Integer> statuses = concurrently(50, i -> api.put(slot(group, primary, "2038-06-01"), admin,
                "{\"memberId\":\"" + members.get(i) + "\",\"expectedVersion\":0}"));

        assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(1);
        assertThat(statuses.stream().filter(s -> s == 409).count()).isEqualTo(49);
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class, primary + "/2038-06-01")).isEqualTo(1);
    }

    @Test
    void aStaleExpectedVersionIsAConflictThatShowsTheCurrentState() {
        String group = fixtures.group("UTC");
        String primary = fixtures.shiftType(group, "Primary", "08:00", 24);
        String ada = fixtures.member(group, "Ada");
        String bob = fixtures.member(group, "Bob");
        fixtures.assign(group, primary, "2038-06-02", ada);

        Api.Response stale = api.put(slot(group, primary, "2038-06-02"), admin,
                "{\"memberId\":\"" + bob + "\",\"expectedVersion\":0}");
        Api.Response current = api.put(slot(group, primary, "2038-06-02"), admin,
                "{\"memberId\":\"" + bob + "\",\"expectedVersion\":1}");

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("code").asString()).isEqualTo("VERSION_CONFLICT");
        assertThat(stale.json().at("/current/assignee").asString()).isEqualTo(ada);
        assertThat(stale.json().at("/current/version").asLong()).isEqualTo(1);
        assertThat(current.status()).isEqualTo(200);
        assertThat(current.json().get("version").asLong()).isEqualTo(2);
    }

    @Test
    void concurrentAddsWithTheSamePhoneEndWithExactlyOneMember() throws Exception {
        String group = fixtures.group("UTC");
        String phone = ScheduleFixtures.nextPhone();

        List<Integer> statuses = concurrently(10, i -> api.post("/api/v1/groups/" + group + "/members", admin,
                "{\"name\":\"Twin " + i + "\",\"phone\":\"" + phone + "\"}"));

        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
        assertThat(statuses.stream().filter(s -> s == 409).count()).isEqualTo(9);
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where payload_type like '%MemberAddedEvent' "
                + "and convert_from(payload, 'UTF8') like ?", Long.class, "%" + phone + "%")).isEqualTo(1);
    }

    @Test
    void unassigningOpensTheSlotAndAPastSlotCanBeCorrectedByANewEvent() {
        String group = fixtures.group("UTC");
        String primary = fixtures.shiftType(group, "Primary", "08:00", 24);
        String ada = fixtures.member(group, "Ada");
        String bob = fixtures.member(group, "Bob");
        fixtures.assign(group, primary, "2020-02-29", ada);

        Api.Response corrected = fixtures.assign(group, primary, "2020-02-29", bob);
        Api.Response removed = api.delete(slot(group, primary, "2020-02-29") + "?reason=left", admin);

        assertThat(corrected.status()).isEqualTo(200);
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.json().get("version").asLong()).isEqualTo(3);
        fixtures.awaitSlotVersion(group, primary, "2020-02-29", 3);
        assertThat(slotOn(group, "2020-02-29").get("status").asString()).as("unassigned and past: a gap").isEqualTo("GAP");
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class, primary + "/2020-02-29")).isEqualTo(3);
    }

    @Test
    void aDeactivatedMemberKeepsTheirHistoryButCannotBeAssigned() {
        String group = fixtures.group("UTC");
        String primary = fixtures.shiftType(group, "Primary", "08:00", 24);
        String dee = fixtures.member(group, "Dee");
        fixtures.assign(group, primary, "2038-07-01", dee);

        assertThat(api.post("/api/v1/groups/" + group + "/members/" + dee + "/deactivate", admin, "").status()).isEqualTo(204);
        Api.Response refused = fixtures.assign(group, primary, "2038-07-02", dee);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("code").asString()).isEqualTo("MEMBER_INACTIVE");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                api.get("/api/v1/groups/" + group + "/members/" + dee + "/schedule?from=2038-07-01&to=2038-07-31", admin)
                        .json().get("slots")).hasSize(1));
    }

    @Test
    void aMemberWhoseNumberOptsOutOfSmsShowsInTheCalendarAsNotReachableUntilItOptsBackIn() {
        String group = fixtures.group("UTC");
        String primary = fixtures.shiftType(group, "Primary", "08:00", 24);
        String eve = fixtures.member(group, "Eve");
        fixtures.assign(group, primary, "2038-07-01", eve);
        fixtures.awaitSlotVersion(group, primary, "2038-07-01", 1);
        assertThat(slotOn(group, "2038-07-01").at("/assignee/reachableBySms").asBoolean()).isTrue();

        commands.sendAndWait(new OptOutOfSmsCommand(MemberId.of(eve), GroupId.of(group), "stop"));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(slotOn(group, "2038-07-01").at("/assignee/reachableBySms").asBoolean()).isFalse());
        assertThat(jdbc.queryForObject("""
                select convert_from(payload, 'UTF8')::jsonb ->> 'keyword' from domain_event_entry
                where payload_type = 'app.rota.kernel.member.MemberOptedOutOfSmsEvent' and aggregate_identifier = ?""",
                String.class, eve)).isEqualTo("STOP");

        commands.sendAndWait(new OptInToSmsCommand(MemberId.of(eve), GroupId.of(group), "START"));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(slotOn(group, "2038-07-01").at("/assignee/reachableBySms").asBoolean()).isTrue());
    }

    @Test
    void timeOffListsConflictingAssignmentsAndTheRotationRespectsIt() {
        String group = fixtures.group("America/New_York");
        String primary = fixtures.shiftType(group, "Primary", "08:00", 24);
        String ana = fixtures.member(group, "Ana");
        String ben = fixtures.member(group, "Ben");
        String cal = fixtures.member(group, "Cal");
        fixtures.member(group, "Aud", "AUDITOR");
        fixtures.assign(group, primary, "2038-03-02", ana);

        Api.Response timeOff = api.post("/api/v1/groups/" + group + "/members/" + ana + "/time-off", admin,
                "{\"from\":\"2038-03-01\",\"to\":\"2038-03-07\",\"reason\":\"vacation\"}");
        Api.Response rotation = api.post("/api/v1/groups/" + group + "/rotations", admin,
                "{\"from\":\"2038-03-01\",\"to\":\"2038-03-28\"}");

        assertThat(timeOff.status()).isEqualTo(201);
        assertThat(timeOff.location()).as("the member, whose read lists the time off")
                .isEqualTo("http://localhost:" + port + "/api/v1/groups/" + group + "/members/" + ana);
        assertThat(timeOff.json().at("/conflictingSlots/0/date").asString()).isEqualTo("2038-03-02");
        assertThat(rotation.status()).as(rotation.body()).isEqualTo(200);
        assertThat(rotation.json().get("assigned").asInt()).isEqualTo(27);
        assertThat(rotation.json().get("leftOpen")).isEmpty();
        assertThat(rotation.json().get("weekendAndHolidaySpread").asInt()).isLessThanOrEqualTo(1);
        assertThat(jdbc.queryForObject("""
                select count(*) from cmd_booking where member_id = ?::uuid
                and slot_date between '2038-03-01' and '2038-03-07'""", Long.class, ana))
                .as("only the hand-made assignment during Ana's time off").isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from cmd_booking where group_id = ?::uuid", Long.class, group))
                .isEqualTo(28);
        List<String> rotated = new ArrayList<>();
        rotation.json().get("load").forEach(load -> rotated.add(load.get("memberId").asString()));
        assertThat(rotated).as("the auditor takes no call").containsExactly(ana, ben, cal);

        Api.Response again = api.post("/api/v1/groups/" + group + "/rotations", admin,
                "{\"from\":\"2038-03-01\",\"to\":\"2038-03-28\"}");
        assertThat(again.json().get("assigned").asInt()).as("a rerun never overwrites").isZero();
    }

    @Test
    void aRotationStoresOneSummaryOfEachMembersShareAndEachOfItsAssignmentsNamesTheRun() {
        String group = fixtures.group("UTC");
        String primary = fixtures.shiftType(group, "Primary", "08:00", 24);
        String ana = fixtures.member(group, "Ana");
        String ben = fixtures.member(group, "Ben");
        String cal = fixtures.member(group, "Cal");
        String body = "{\"from\":\"2038-05-03\",\"to\":\"2038-05-09\"}";

        Api.Response rotation = api.post("/api/v1/groups/" + group + "/rotations", admin, body);

        assertThat(rotation.status()).as(rotation.body()).isEqualTo(200);
        assertThat(rotation.json().get("assigned").asInt()).isEqualTo(7);
        String rotationId = rotation.text("rotationId");
        assertThat(rotationId).isNotBlank();
        List<JsonNode> summaries = rotationSummaries(group);
        assertThat(summaries).as("one summary for the run").hasSize(1);
        JsonNode summary = summaries.get(0);
        assertThat(summary.get("rotationId").asString()).isEqualTo(rotationId);
        assertThat(summary.get("from").asString()).isEqualTo("2038-05-03");
        assertThat(summary.get("to").asString()).isEqualTo("2038-05-09");
        assertThat(summary.get("leftOpen").asInt()).isZero();
        Map<String, Integer> slotsPerMember = new HashMap<>();
        summary.get("shares").forEach(share -> slotsPerMember.put(share.get("memberId").asString(), share.get("slots").size()));
        assertThat(slotsPerMember).containsOnlyKeys(ana, ben, cal);
        assertThat(slotsPerMember.values()).containsExactlyInAnyOrder(3, 2, 2);
        Map<String, Integer> loads = new HashMap<>();
        List<String> rotationOrder = new ArrayList<>();
        rotation.json().get("load").forEach(load -> {
            loads.put(load.get("memberId").asString(), load.get("slots").asInt());
            rotationOrder.add(load.get("memberId").asString());
        });
        assertThat(slotsPerMember).as("the summary agrees with the answer").isEqualTo(loads);

        List<String> assignmentsMetaData = jdbc.queryForList("""
                select convert_from(meta_data, 'UTF8') from domain_event_entry
                where payload_type = 'app.rota.kernel.schedule.SlotAssignedEvent' and aggregate_identifier like ?""",
                String.class, primary + "/%");
        assertThat(assignmentsMetaData).hasSize(7)
                .allSatisfy(metaData -> assertThat(Api.JSON.readTree(metaData).get("rotationId").asString()).isEqualTo(rotationId));

        List<? extends DomainEventMessage<?>> stored = eventStore.readEvents(rotationId).asStream().toList();
        assertThat(stored).as("the summary reads back through the event serializer").singleElement()
                .satisfies(event -> assertThat(event.getPayload()).isInstanceOfSatisfying(RotationPublishedEvent.class, published -> {
                    assertThat(published.rotationId().toString()).isEqualTo(rotationId);
                    assertThat(published.groupId().toString()).isEqualTo(group);
                    assertThat(published.shares()).extracting(share -> share.memberId().toString())
                            .as("in rotation order").isEqualTo(rotationOrder);
                    assertThat(published.shares()).allSatisfy(share -> assertThat(share.slots())
                            .extracting(slot -> slot.date().toString()).as("in start order").isSorted());
                    assertThat(published.shares()).extracting(RotationShare::slots).allSatisfy(
                            slots -> assertThat(slots).allSatisfy(slot -> assertThat(slot.shiftTypeId().toString()).isEqualTo(primary)));
                }));

        Api.Response again = api.post("/api/v1/groups/" + group + "/rotations", admin, body);
        assertThat(again.json().get("assigned").asInt()).isZero();
        assertThat(rotationSummaries(group)).as("a run that assigns nothing publishes nothing").hasSize(1);
    }

    @Test
    void aRenamedShiftTypeKeepsItsSlotsAndARetiredOneShowsOnlyWhatWasAssigned() {
        String group = fixtures.group("UTC");
        String primary = fixtures.shiftType(group, "Primary", "08:00", 24);
        String ida = fixtures.member(group, "Ida");
        fixtures.assign(group, primary, "2038-08-01", ida);
        String shiftType = "/api/v1/groups/" + group + "/shift-types/" + primary;

        assertThat(api.patch(shiftType, admin, "{\"name\":\"Main\"}").status()).isEqualTo(204);
        assertThat(api.post(shiftType + "/retire", admin, "").status()).isEqualTo(204);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode calendar = api.get("/api/v1/groups/" + group + "/calendar?from=2038-08-01&to=2038-08-03", admin).json();
            assertThat(calendar.get("slots")).hasSize(1);
            assertThat(calendar.at("/slots/0/shiftTypeName").asString()).isEqualTo("Main");
            assertThat(calendar.at("/slots/0/assignee/memberId").asString()).isEqualTo(ida);
        });
        Api.Response refused = fixtures.assign(group, primary, "2038-08-02", ida);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("code").asString()).isEqualTo("SHIFT_TYPE_RETIRED");
        assertThat(api.delete(slot(group, primary, "2038-08-01"), admin).status())
                .as("an assignment of a retired shift type can still be removed").isEqualTo(200);
        assertThat(api.patch(shiftType, admin, "{\"name\":\"Again\"}").status()).isEqualTo(422);
    }

    @Test
    void aRotationWithoutActiveMembersIsRefused() {
        String group = fixtures.group("UTC");
        fixtures.shiftType(group, "Primary", "08:00", 24);

        Api.Response refused = api.post("/api/v1/groups/" + group + "/rotations", admin, "{\"from\":\"2038-01-01\",\"to\":\"2038-01-31\"}");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("code").asString()).isEqualTo("NO_ACTIVE_MEMBERS");
    }

    private JsonNode slotOn(String group, String date) {
        JsonNode calendar = api.get("/api/v1/groups/" + group + "/calendar?from=" + date + "&to=" + date, admin).json();
        assertThat(calendar.get("slots")).hasSize(1);
        return calendar.get("slots").get(0);
    }

    interface Call {
        Api.Response call(int index);
    }

    /** Fires all calls at once from their own threads and answers their statuses. */
    private static List<Integer> concurrently(int count, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                Callable<Integer> task = () -> {
                    start.await();
                    return call.call(index).status();
                };
                results.add(pool.submit(task));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
