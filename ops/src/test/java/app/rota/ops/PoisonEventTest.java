package app.rota.ops;

import app.rota.kernel.group.GroupId;
import app.rota.kernel.member.MemberAddedEvent;
import app.rota.kernel.member.MemberRole;
import app.rota.kernel.member.MemberId;
import app.rota.ops.support.Api;
import app.rota.ops.support.RotaIntegrationTest;
import app.rota.ops.support.ScheduleFixtures;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One bad event stops only its own sequence: it waits in the calendar's dead-letter queue, visible to
 * the super admin (list, readiness, metric), while every other event and group is projected as usual.
 */
class PoisonEventTest extends RotaIntegrationTest {

    private static final Pattern CALENDAR_DEAD_LETTERS =
            Pattern.compile("rota_dead_letters\\{[^}]*processor=\"calendar\"[^}]*} ([0-9.]+)");

    @Autowired
    private EventStore eventStore;
    @Autowired
    private TransactionTemplate transactions;

    private final String poisonMember = UUID.randomUUID().toString();
    private String leftInTheQueue = poisonMember;

    /** A poison event stays until an operator acts; this test's own are removed so later tests see a clean queue. */
    @AfterEach
    void removeWhatThisTestLeftInTheQueue() {
        jdbc.execute("alter table member_view drop constraint if exists member_view_not_blocked");
        jdbc.update("delete from dead_letter_entry where aggregate_identifier = ?", leftInTheQueue);
    }

    @Test
    void anEventThatFailsItsHandlerWaitsInTheDeadLetterQueueWhileOtherGroupsKeepUpdating() {
        String admin = adminToken();
        ScheduleFixtures fixtures = new ScheduleFixtures(api, admin);
        String poisoned = fixtures.group("Europe/Paris");
        String other = fixtures.group("America/Chicago");
        String primary = fixtures.shiftType(other, "Primary", "08:00", 24);
        String ben = fixtures.member(other, "Ben");

        storedBeforeTheEdgeRefusedIt(new MemberAddedEvent(new MemberId(UUID.fromString(poisonMember)),
                new GroupId(UUID.fromString(poisoned)), "Poison\u0000Name", ScheduleFixtures.nextPhone(), MemberRole.MEMBER));
        assertThat(fixtures.assign(other, primary, "2038-05-03", ben).status()).isEqualTo(200);

        fixtures.awaitSlotVersion(other, primary, "2038-05-03", 1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(calendarDeadLetters()).isEqualTo(1.0));
        JsonNode letters = api.get("/api/v1/admin/dead-letters?processor=calendar", admin).json();
        JsonNode letter = letters.get("items").valueStream()
                .filter(item -> poisonMember.equals(item.get("aggregateId").asString())).findFirst().orElseThrow();
        assertThat(letter.get("eventType").asString()).isEqualTo("MemberAddedEvent");
        assertThat(letter.get("causeMessage").asString()).doesNotContain("\u0000").contains("0x00");
        Api.Response readiness = api.get("/actuator/health/readiness", admin);
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().get("status").asString()).isEqualTo("DEGRADED");
        assertThat(readiness.json().at("/components/deadLetters/details/calendar").asLong()).isEqualTo(1);
        assertThat(readiness.json().at("/components/eventProcessors/status").asString()).isEqualTo("UP");
    }

    @Test
    void aRetryAfterTheCauseIsMendedAppliesTheWholeWaitingSequenceInOrder() {
        String admin = adminToken();
        ScheduleFixtures fixtures = new ScheduleFixtures(api, admin);
        String group = fixtures.group("Europe/Paris");
        jdbc.execute("alter table member_view add constraint member_view_not_blocked check (name <> 'Blocked Name')");
        String blocked = fixtures.member(group, "Blocked Name");
        leftInTheQueue = blocked;
        assertThat(api.patch("/api/v1/groups/" + group + "/members/" + blocked, admin, "{\"name\":\"Freed Name\"}").status())
                .isEqualTo(204);
        String after = fixtures.member(group, "After");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(lettersOf(blocked)).isEqualTo(2));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                api.get(schedule(group, after), admin).status()).isEqualTo(200));
        assertThat(api.get(schedule(group, blocked), admin).status()).isEqualTo(404);

        jdbc.execute("alter table member_view drop constraint member_view_not_blocked");
        Api.Response retried = api.post("/api/v1/admin/dead-letters/calendar/retry", admin, "");

        assertThat(retried.status()).isEqualTo(200);
        assertThat(lettersOf(blocked)).isZero();
        assertThat(api.get(schedule(group, blocked), admin).json().get("name").asString()).isEqualTo("Freed Name");
        assertThat(api.get("/actuator/health/readiness", admin).json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void onlyTheSuperAdminSeesOrRetriesDeadLetters() {
        String admin = adminToken();
        ScheduleFixtures fixtures = new ScheduleFixtures(api, admin);
        String group = fixtures.group("UTC");
        fixtures.memberWithLogin(group, "Gina", "ADMIN", "dead-letter-gina", "gina-password-1");
        String groupAdmin = api.login("dead-letter-gina", "gina-password-1");

        assertThat(api.get("/api/v1/admin/dead-letters", groupAdmin).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/admin/dead-letters/calendar/retry", groupAdmin, "").status()).isEqualTo(403);
        assertThat(api.get("/api/v1/admin/dead-letters", null).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/admin/dead-letters/nonsense/retry", admin, "").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/admin/dead-letters?size=501", admin).json().get("code").asString())
                .isEqualTo("MALFORMED_REQUEST");
    }

    private void storedBeforeTheEdgeRefusedIt(MemberAddedEvent event) {
        transactions.executeWithoutResult(tx -> eventStore.publish(new GenericDomainEventMessage<>(
                "MemberAggregate", event.memberId().toString(), 0, event)));
    }

    private static String schedule(String group, String member) {
        return "/api/v1/groups/" + group + "/members/" + member + "/schedule?from=2038-01-01&to=2038-01-31";
    }

    private long lettersOf(String aggregate) {
        return jdbc.queryForObject("select count(*) from dead_letter_entry where aggregate_identifier = ?", Long.class, aggregate);
    }

    private double calendarDeadLetters() {
        Matcher matcher = CALENDAR_DEAD_LETTERS.matcher(api.get("/actuator/prometheus", null).body());
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
