package app.rota.notifier.reminder;

import app.rota.kernel.member.MemberId;
import app.rota.kernel.notification.NotificationPurpose;
import app.rota.kernel.schedule.ShiftTypeId;
import app.rota.notifier.directory.NotifierDirectory;
import app.rota.notifier.directory.NotifierDirectory.GroupInfo;
import app.rota.notifier.directory.NotifierDirectory.HeldSlot;
import app.rota.notifier.directory.NotifierDirectory.MemberInfo;
import app.rota.notifier.outbox.NewMessage;
import app.rota.notifier.outbox.Outbox;
import app.rota.notifier.policy.SmsTexts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Puts due reminders in the outbox; run every few seconds by a JobRunr recurring job, on one node at a time.
 * <ul>
 *   <li>Daily: at the group's {@code dailyReminderTime}, group-local (08:00 stays 08:00 across DST changes),
 *       one SMS per member whose slots start that local date, listing them. Done once per group and day:
 *       a scan that finds the day's reminder time passed and the day not done does it (also at start-up
 *       after a stop), skipping slots that have already started.</li>
 *   <li>Shift: {@code reminderLeadMinutes} before each start, to whoever holds the slot then; 0 turns them off.
 *       A reminder missed while Rota was down goes as long as the shift has not started.</li>
 * </ul>
 * Times are read from the settings at each scan, so a changed setting applies to the next reminder; the outbox's
 * (cause, member, purpose) key means none is ever added twice.
 */
@Component
public class Reminders {


    /** A daily reminder run this long after its time was missed (Rota was down): only shifts not started yet are told. */
    static final Duration LATE = Duration.ofMinutes(5);

    private final NotifierDirectory directory;
    private final Outbox outbox;
    private final JdbcTemplate jdbc;

    Reminders(NotifierDirectory directory, Outbox outbox, JdbcTemplate jdbc) {
        this.directory = directory;
        this.outbox = outbox;
        this.jdbc = jdbc;
    }

    /** Adds every reminder due at {@code now}; returns how many were added. */
    public int scan(Instant now) {
        int added = 0;
        for (GroupInfo group : directory.groups()) {
            added += scan(group, now);
        }
        return added;
    }

    /** Adds the group's reminders due at {@code now}. */
    public int scan(app.rota.kernel.group.GroupId groupId, Instant now) {
        return directory.group(groupId).map(group -> scan(group, now)).orElse(0);
    }

    private int scan(GroupInfo group, Instant now) {
        int added = 0;
        LocalDate today = now.atZone(group.zone()).toLocalDate();
        for (LocalDate day : List.of(today.minusDays(1), today)) {
            added += daily(group, day, now);
        }
        if (group.reminderLeadMinutes() > 0) {
            added += shift(group, now);
        }
        return added;
    }

    private int daily(GroupInfo group, LocalDate day, Instant now) {
        ZoneId zone = group.zone();
        Instant due = ZonedDateTime.of(day, group.dailyReminderTime(), zone).toInstant();
        if (due.isAfter(now) || done(group, day)) {
            return 0;
        }
        Instant dayEnd = day.plusDays(1).atStartOfDay(zone).toInstant();
        // on time: the slots starting at or after the reminder time; late (Rota was down): those not started yet
        Instant from = now.isAfter(due.plus(LATE)) ? now : due;
        Map<MemberId, List<HeldSlot>> byMember = directory.slotsStarting(group.groupId(), from, dayEnd).stream()
                .filter(slot -> slot.slot().date().equals(day))
                .collect(Collectors.groupingBy(HeldSlot::memberId, LinkedHashMap::new, Collectors.toList()));
        String cause = "daily:" + group.groupId() + ":" + day;
        Map<MemberId, MemberInfo> members = directory.membersOf(group.groupId());
        Map<ShiftTypeId, String> names = directory.shiftTypeNames(group.groupId());
        List<NewMessage> messages = new ArrayList<>();
        for (Map.Entry<MemberId, List<HeldSlot>> entry : byMember.entrySet()) {
            String slots = entry.getValue().stream()
                    .map(slot -> name(names, slot) + " from " + SmsTexts.time(slot.start(), zone))
                    .collect(Collectors.joining(", "));
            String text = "you are on call today, " + SmsTexts.day(day) + ": " + slots + ".";
            // moot once the shift is over: "you are on call today" still matters while it runs
            Instant lastEnd = entry.getValue().stream().map(HeldSlot::end).max(Instant::compareTo).orElseThrow();
            message(group, members.get(entry.getKey()), cause, NotificationPurpose.DAILY_REMINDER, text, lastEnd, now)
                    .ifPresent(messages::add);
        }
        int added = outbox.addAll(messages);
        jdbc.update("insert into ntf_daily_reminder (group_id, day, done_at) values (?, ?, ?) on conflict do nothing",
                group.groupId().value(), day, Timestamp.from(now));
        return added;
    }

    private boolean done(GroupInfo group, LocalDate day) {
        Integer count = jdbc.queryForObject("select count(*) from ntf_daily_reminder where group_id = ? and day = ?", Integer.class,
                group.groupId().value(), day);
        return count != null && count > 0;
    }

    private int shift(GroupInfo group, Instant now) {
        List<HeldSlot> soon = directory.slotsStarting(group.groupId(), now.plusMillis(1),
                now.plus(Duration.ofMinutes(group.reminderLeadMinutes())).plusMillis(1));
        if (soon.isEmpty()) {
            return 0;
        }
        List<String> causes = soon.stream().map(Reminders::shiftCause).toList();
        List<String> existing = jdbc.queryForList("select cause from ntf_message where purpose = 'SHIFT_REMINDER' and cause = any (?)",
                String.class, (Object) causes.toArray(String[]::new));
        Map<MemberId, MemberInfo> members = directory.membersOf(group.groupId());
        Map<ShiftTypeId, String> names = directory.shiftTypeNames(group.groupId());
        List<NewMessage> messages = new ArrayList<>();
        for (HeldSlot slot : soon) {
            if (existing.contains(shiftCause(slot))) {
                continue;
            }
            String text = "your " + name(names, slot) + " shift on " + SmsTexts.day(slot.slot().date())
                    + " starts at " + SmsTexts.time(slot.start(), group.zone()) + ".";
            message(group, members.get(slot.memberId()), shiftCause(slot), NotificationPurpose.SHIFT_REMINDER, text, slot.start(), now)
                    .ifPresent(messages::add);
        }
        return outbox.addAll(messages);
    }

    private static String shiftCause(HeldSlot slot) {
        return "shift:" + slot.slot() + ":" + slot.start().getEpochSecond();
    }

    private static String name(Map<ShiftTypeId, String> names, HeldSlot slot) {
        return names.getOrDefault(slot.slot().shiftTypeId(), "Shift");
    }

    /** A reminder to the member (SKIPPED if they cannot be reached); reminders are urgent, so quiet hours never hold them. */
    private static Optional<NewMessage> message(GroupInfo group, MemberInfo member, String cause, NotificationPurpose purpose,
                                                String text, Instant moot, Instant now) {
        if (member == null) {
            return Optional.empty();
        }
        return Optional.of(new NewMessage(cause, member.memberId(), purpose, group.groupId(), member.phone(),
                SmsTexts.fromGroup(group.name(), text), true, moot, null, null, now, now, null, member.skipReason()));
    }
}
