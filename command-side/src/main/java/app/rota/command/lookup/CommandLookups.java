package app.rota.command.lookup;

import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.error.RotaException;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.member.MemberRole;
import app.rota.kernel.member.MemberId;
import app.rota.kernel.schedule.ShiftTiming;
import app.rota.kernel.schedule.ShiftTypeId;
import app.rota.kernel.schedule.SlotInterval;
import app.rota.kernel.schedule.SlotKey;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The command side's own lookup tables for rules that span aggregates: known groups and their zones,
 * unique phones, shift type timings, bookings (no member double-booked) and time off. Every write
 * runs inside the transaction of the command that causes it, next to the events it applies.
 */
@Component
public class CommandLookups {

    private final JdbcTemplate jdbc;

    public CommandLookups(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // ---- groups

    public void groupCreated(GroupId groupId, ZoneId zone) {
        jdbc.update("insert into cmd_group (group_id, time_zone) values (?, ?)", groupId.value(), zone.getId());
    }

    public void holidaysChanged(GroupId groupId, List<LocalDate> holidays) {
        jdbc.update("update cmd_group set holidays = ? where group_id = ?",
                holidays.stream().map(java.sql.Date::valueOf).toArray(java.sql.Date[]::new), groupId.value());
    }

    public Set<LocalDate> holidaysOf(GroupId groupId) {
        return jdbc.query("select unnest(holidays) from cmd_group where group_id = ?",
                (rs, i) -> rs.getObject(1, LocalDate.class), groupId.value()).stream().collect(Collectors.toSet());
    }

    public ZoneId zoneOf(GroupId groupId) {
        return jdbc.query("select time_zone from cmd_group where group_id = ?",
                        (rs, i) -> ZoneId.of(rs.getString(1)), groupId.value())
                .stream().findFirst()
                .orElseThrow(() -> new RotaException(ErrorCode.GROUP_NOT_FOUND, "No group with id " + groupId + "."));
    }

    // ---- members

    /** Reserves the phone within the group; exactly one of two concurrent claims wins. */
    public void memberAdded(MemberId memberId, GroupId groupId, String phone, MemberRole role) {
        int inserted = jdbc.update("""
                insert into cmd_member (member_id, group_id, phone, active, role) values (?, ?, ?, true, ?)
                on conflict (group_id, phone) do nothing""", memberId.value(), groupId.value(), phone, role.name());
        if (inserted == 0) {
            throw phoneTaken();
        }
    }

    /**
     * Moves the member to a new phone unless another member of the group has it. A concurrent change to
     * the same phone is settled by the unique constraint (whose message, holding the number, is dropped).
     */
    public void phoneChanged(MemberId memberId, GroupId groupId, String phone) {
        int updated;
        try {
            updated = jdbc.update("""
                    update cmd_member set phone = ? where member_id = ?
                    and not exists (select 1 from cmd_member o where o.group_id = ? and o.phone = ? and o.member_id <> ?)""",
                    phone, memberId.value(), groupId.value(), phone, memberId.value());
        } catch (DuplicateKeyException concurrentlyTaken) {
            throw phoneTaken();
        }
        if (updated == 0) {
            throw phoneTaken();
        }
    }

    public void roleChanged(MemberId memberId, MemberRole role) {
        jdbc.update("update cmd_member set role = ? where member_id = ?", role.name(), memberId.value());
    }

    public void memberDeactivated(MemberId memberId) {
        jdbc.update("update cmd_member set active = false where member_id = ?", memberId.value());
    }

    public record MemberFacts(MemberId memberId, GroupId groupId, boolean active) {
    }

    public Optional<MemberFacts> member(MemberId memberId) {
        return jdbc.query("select group_id, active from cmd_member where member_id = ?",
                (rs, i) -> new MemberFacts(memberId, new GroupId(rs.getObject(1, UUID.class)), rs.getBoolean(2)),
                memberId.value()).stream().findFirst();
    }

    /** Active members who take call (admins and members, not auditors), in the order they joined. */
    public List<MemberId> rotatableMembers(GroupId groupId) {
        return jdbc.query("""
                        select member_id from cmd_member
                        where group_id = ? and active and role <> 'AUDITOR' order by joined_order""",
                (rs, i) -> new MemberId(rs.getObject(1, UUID.class)), groupId.value());
    }

    private static RotaException phoneTaken() {
        return new RotaException(ErrorCode.PHONE_TAKEN, "phone", "Another member of this group has this phone number.");
    }

    // ---- shift types

    public record ShiftTypeFacts(ShiftTypeId shiftTypeId, GroupId groupId, ShiftTiming timing, Set<DayOfWeek> days,
                                 boolean retired) {

        public boolean occursOn(LocalDate date) {
            return days.contains(date.getDayOfWeek());
        }
    }

    public void shiftTypeDefined(ShiftTypeId id, GroupId groupId, ShiftTiming timing, Set<DayOfWeek> days) {
        jdbc.update("""
                insert into cmd_shift_type (shift_type_id, group_id, start_time, duration_hours, days_of_week, retired)
                values (?, ?, ?, ?, ?, false)""",
                id.value(), groupId.value(), timing.startTime(), timing.durationHours(), encode(days));
    }

    public void shiftTypeDaysChanged(ShiftTypeId id, Set<DayOfWeek> days) {
        jdbc.update("update cmd_shift_type set days_of_week = ? where shift_type_id = ?", encode(days), id.value());
    }

    public void shiftTypeRetired(ShiftTypeId id) {
        jdbc.update("update cmd_shift_type set retired = true where shift_type_id = ?", id.value());
    }

    public Optional<ShiftTypeFacts> shiftType(ShiftTypeId id) {
        return jdbc.query("select group_id, start_time, duration_hours, days_of_week, retired from cmd_shift_type where shift_type_id = ?",
                (rs, i) -> new ShiftTypeFacts(id, new GroupId(rs.getObject(1, UUID.class)),
                        new ShiftTiming(rs.getTime(2).toLocalTime(), rs.getInt(3)), decode(rs.getString(4)), rs.getBoolean(5)),
                id.value()).stream().findFirst();
    }

    public List<ShiftTypeFacts> activeShiftTypes(GroupId groupId) {
        return jdbc.query("""
                        select shift_type_id, start_time, duration_hours, days_of_week from cmd_shift_type
                        where group_id = ? and not retired order by start_time, shift_type_id""",
                (rs, i) -> new ShiftTypeFacts(new ShiftTypeId(rs.getObject(1, UUID.class)), groupId,
                        new ShiftTiming(rs.getTime(2).toLocalTime(), rs.getInt(3)), decode(rs.getString(4)), false),
                groupId.value());
    }

    private static String encode(Set<DayOfWeek> days) {
        return days.stream().sorted().map(DayOfWeek::name).collect(Collectors.joining(","));
    }

    private static Set<DayOfWeek> decode(String days) {
        Set<DayOfWeek> set = EnumSet.noneOf(DayOfWeek.class);
        Arrays.stream(days.split(",")).filter(s -> !s.isBlank()).map(DayOfWeek::valueOf).forEach(set::add);
        return set;
    }

    // ---- bookings

    /**
     * Books the slot for the member unless they hold an overlapping slot in the group. A transaction-
     * scoped advisory lock per member makes the check and the write atomic across concurrent commands.
     */
    public void book(SlotKey slot, GroupId groupId, MemberId memberId, SlotInterval interval) {
        jdbc.queryForObject("select pg_advisory_xact_lock(?, ?)", Object.class, 0x524F5441, memberId.value().hashCode());
        List<String> overlapping = jdbc.queryForList("""
                        select slot_key from cmd_booking
                        where member_id = ? and slot_key <> ? and start_at < ? and end_at > ? limit 1""",
                String.class, memberId.value(), slot.toString(),
                Timestamp.from(interval.endInstant()), Timestamp.from(interval.startInstant()));
        if (!overlapping.isEmpty()) {
            throw new RotaException(ErrorCode.MEMBER_DOUBLE_BOOKED, "memberId",
                    "The member already holds slot " + overlapping.get(0) + ", which overlaps this one.");
        }
        jdbc.update("""
                insert into cmd_booking (slot_key, group_id, shift_type_id, slot_date, member_id, start_at, end_at)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (slot_key) do update set member_id = excluded.member_id""",
                slot.toString(), groupId.value(), slot.shiftTypeId().value(), slot.date(), memberId.value(),
                Timestamp.from(interval.startInstant()), Timestamp.from(interval.endInstant()));
    }

    public void release(SlotKey slot) {
        jdbc.update("delete from cmd_booking where slot_key = ?", slot.toString());
    }

    public boolean isBooked(SlotKey slot) {
        return !jdbc.queryForList("select 1 from cmd_booking where slot_key = ?", Integer.class, slot.toString()).isEmpty();
    }

    public List<SlotKey> bookingsOf(MemberId memberId, LocalDate from, LocalDate to) {
        return jdbc.query("""
                        select shift_type_id, slot_date from cmd_booking
                        where member_id = ? and slot_date between ? and ? order by slot_date, start_at""",
                (rs, i) -> new SlotKey(new ShiftTypeId(rs.getObject(1, UUID.class)), rs.getObject(2, LocalDate.class)),
                memberId.value(), from, to);
    }

    public record Booking(SlotKey slot, MemberId memberId, SlotInterval interval) {
    }

    /** The group's bookings whose interval ends after {@code from}'s start and begins before {@code to}'s end. */
    public List<Booking> bookingsOfGroup(GroupId groupId, java.time.Instant from, java.time.Instant to) {
        return jdbc.query("""
                        select shift_type_id, slot_date, member_id, start_at, end_at from cmd_booking
                        where group_id = ? and end_at > ? and start_at < ?""",
                (rs, i) -> new Booking(
                        new SlotKey(new ShiftTypeId(rs.getObject(1, UUID.class)), rs.getObject(2, LocalDate.class)),
                        new MemberId(rs.getObject(3, UUID.class)),
                        new SlotInterval(rs.getTimestamp(4).toInstant().atZone(java.time.ZoneOffset.UTC),
                                rs.getTimestamp(5).toInstant().atZone(java.time.ZoneOffset.UTC))),
                groupId.value(), Timestamp.from(from), Timestamp.from(to));
    }

    // ---- time off

    public void timeOffDeclared(MemberId memberId, GroupId groupId, LocalDate from, LocalDate to) {
        jdbc.update("insert into cmd_time_off (member_id, group_id, from_date, to_date) values (?, ?, ?, ?)",
                memberId.value(), groupId.value(), from, to);
    }

    public record TimeOff(MemberId memberId, LocalDate from, LocalDate to) {

        public boolean covers(LocalDate date) {
            return !date.isBefore(from) && !date.isAfter(to);
        }
    }

    public List<TimeOff> timeOffOfGroup(GroupId groupId, LocalDate from, LocalDate to) {
        return jdbc.query("""
                        select member_id, from_date, to_date from cmd_time_off
                        where group_id = ? and to_date >= ? and from_date <= ?""",
                (rs, i) -> new TimeOff(new MemberId(rs.getObject(1, UUID.class)), rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class)),
                groupId.value(), from, to);
    }
}
