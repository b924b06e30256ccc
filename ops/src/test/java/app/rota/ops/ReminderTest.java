package app.rota.ops;

import app.rota.kernel.group.GroupId;
import app.rota.notifier.reminder.Reminders;
import app.rota.ops.support.FakeTwilio;
import app.rota.ops.support.RotaIntegrationTest;
import app.rota.ops.support.ScheduleFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reminders at chosen instants (the scan takes "now" as a parameter, as a clock would give it) around the DST
 * changes of America/Chicago in 2038 (14 March, 7 November), and one in real time, a minute ahead.
 */
class ReminderTest extends RotaIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(40);

    @Autowired
    private Reminders reminders;

    private String admin;
    private ScheduleFixtures fixtures;
    private String group;
    private String primary;

    @BeforeEach
    void aChicagoGroupWithAPrimaryShiftAtEight() {
        admin = adminToken();
        fixtures = new ScheduleFixtures(api, admin);
        group = fixtures.group("America/Chicago");
        primary = fixtures.shiftType(group, "Primary", "08:00", 24);
        awaitNotifierKnowsGroup();
    }

    @Test
    void theDailyReminderGoesAtEightLocalOnTheSpringForwardDayAndOnTheFallBackDayAndOnlyOnce() {
        noShiftReminders();
        String ann = member("Ann");
        assign("2038-03-14", ann);
        assign("2038-11-07", ann);

        assertThat(scan("2038-03-14T12:59:00Z")).as("07:59 CDT").isZero();
        assertThat(scan("2038-03-14T13:00:03Z")).as("08:00 CDT, UTC-5 since 02:00").isEqualTo(1);
        assertThat(scan("2038-03-14T13:01:00Z")).as("never twice").isZero();
        assertThat(scan("2038-11-07T13:59:00Z")).as("07:59 CST: the clocks went back at 02:00").isZero();
        assertThat(scan("2038-11-07T14:00:03Z")).as("08:00 CST, UTC-6").isEqualTo(1);

        assertThat(bodies(ann, "DAILY_REMINDER")).containsExactly(
                "Rota Team: you are on call today, Sun 14 Mar 2038: Primary from 08:00.",
                "Rota Team: you are on call today, Sun 7 Nov 2038: Primary from 08:00.");
    }

    @Test
    void theShiftReminderGoesLeadMinutesBeforeTheStartToWhoeverHoldsTheSlotThen() {
        String ann = member("Ann");
        String bob = member("Bob");
        assign("2038-03-14", ann);
        assign("2038-03-14", bob);

        assertThat(scan("2038-03-14T10:59:00Z")).as("2 h before 08:00 CDT is 11:00Z").isZero();
        assertThat(scan("2038-03-14T11:00:01Z")).isEqualTo(1);
        assertThat(scan("2038-03-14T11:30:00Z")).isZero();

        assertThat(bodies(bob, "SHIFT_REMINDER")).containsExactly("Rota Team: your Primary shift on Sun 14 Mar 2038 starts at 08:00.");
        assertThat(bodies(ann, "SHIFT_REMINDER")).isEmpty();
    }

    @Test
    void aDailyReminderMissedWhileRotaWasDownGoesLaterForTheShiftsThatHaveNotStarted() {
        noShiftReminders();
        String night = fixtures.shiftType(group, "Night", "20:00", 12);
        String ann = member("Ann");
        String bob = member("Bob");
        assign("2038-03-14", ann);
        assertThat(api.put(ScheduleFixtures.slot(group, night, "2038-03-14"), admin, "{\"memberId\":\"" + bob + "\"}").status()).isEqualTo(200);
        awaitHeld(2);

        assertThat(scan("2038-03-14T15:00:00Z")).as("10:00 CDT, two hours late").isEqualTo(1);

        assertThat(bodies(bob, "DAILY_REMINDER")).containsExactly("Rota Team: you are on call today, Sun 14 Mar 2038: Night from 20:00.");
        assertThat(bodies(ann, "DAILY_REMINDER")).as("Primary started at 08:00").isEmpty();
    }

    @Test
    void aChangedReminderTimeAppliesToTheNextReminder() {
        String ann = member("Ann");
        assign("2038-11-08", ann);
        assertThat(api.put("/api/v1/groups/" + group + "/settings", admin, "{\"dailyReminderTime\":\"06:30\",\"reminderLeadMinutes\":0}")
                .status()).isEqualTo(200);
        await().atMost(WAIT).until(() -> jdbc.queryForObject("select daily_reminder_time::text from ntf_group where group_id = ?::uuid",
                String.class, group).startsWith("06:30"));

        assertThat(scan("2038-11-08T12:29:00Z")).as("06:29 CST").isZero();
        assertThat(scan("2038-11-08T12:30:02Z")).isEqualTo(1);
    }

    @Test
    void aShiftReminderAMinuteAheadArrivesInRealTime() {
        ZonedDateTime start = ZonedDateTime.now(ZoneOffset.UTC).plusMinutes(3).withSecond(0).withNano(0);
        String utc = fixtures.group("UTC");
        assertThat(api.put("/api/v1/groups/" + utc + "/settings", admin,
                "{\"reminderLeadMinutes\":2,\"quietHoursStart\":\"00:00\",\"quietHoursEnd\":\"00:00\"}").status()).isEqualTo(200);
        String soon = fixtures.shiftType(utc, "Soon", start.toLocalTime().format(DateTimeFormatter.ofPattern("HH:mm")), 1);
        String phone = ScheduleFixtures.nextPhone();
        String ann = api.post("/api/v1/groups/" + utc + "/members", admin, "{\"name\":\"Ann\",\"phone\":\"" + phone + "\"}").text("id");
        assertThat(api.put(ScheduleFixtures.slot(utc, soon, start.toLocalDate().toString()), admin, "{\"memberId\":\"" + ann + "\"}")
                .status()).isEqualTo(200);

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() ->
                FakeTwilio.shared().sentTo(phone).stream().anyMatch(body -> body.contains("shift on")));
        Instant arrived = Instant.now();
        Instant due = start.minusMinutes(2).toInstant();
        assertThat(arrived).as("not before it is due").isAfterOrEqualTo(due);
        assertThat(Duration.between(due, arrived)).as("within two JobRunr polls").isLessThan(Duration.ofSeconds(20));
        assertThat(FakeTwilio.shared().sentTo(phone).stream().filter(body -> body.contains("shift on"))).hasSize(1);
    }

    private void noShiftReminders() {
        assertThat(api.put("/api/v1/groups/" + group + "/settings", admin, "{\"reminderLeadMinutes\":0}").status()).isEqualTo(200);
        await().atMost(WAIT).until(() -> jdbc.queryForObject("select reminder_lead_minutes from ntf_group where group_id = ?::uuid",
                Integer.class, group) == 0);
    }

    private int scan(String instant) {
        return reminders.scan(new GroupId(UUID.fromString(group)), Instant.parse(instant));
    }

    private String member(String name) {
        String id = api.post("/api/v1/groups/" + group + "/members", admin,
                "{\"name\":\"" + name + "\",\"phone\":\"" + ScheduleFixtures.nextPhone() + "\"}").text("id");
        await().atMost(WAIT).until(() -> jdbc.queryForObject("select count(*) from ntf_member where member_id = ?::uuid", Integer.class, id) == 1);
        return id;
    }

    private void assign(String date, String member) {
        long before = jdbc.queryForObject("select count(*) from ntf_slot where group_id = ?::uuid and member_id = ?::uuid",
                Long.class, group, member);
        assertThat(fixtures.assign(group, primary, date, member).status()).isEqualTo(200);
        await().atMost(WAIT).until(() -> jdbc.queryForObject("select count(*) from ntf_slot where shift_type_id = ?::uuid and slot_date = ?::date"
                + " and member_id = ?::uuid", Long.class, primary, date, member) == 1);
        assertThat(before).isNotNegative();
    }

    private void awaitHeld(int slots) {
        await().atMost(WAIT).until(() -> jdbc.queryForObject("select count(*) from ntf_slot where group_id = ?::uuid", Long.class, group) == slots);
    }

    private void awaitNotifierKnowsGroup() {
        await().atMost(WAIT).until(() -> jdbc.queryForObject("select count(*) from ntf_group where group_id = ?::uuid", Integer.class, group) == 1);
    }

    private List<String> bodies(String member, String purpose) {
        return jdbc.queryForList("select body from ntf_message where member_id = ?::uuid and purpose = ? order by created_at",
                String.class, member, purpose);
    }
}
