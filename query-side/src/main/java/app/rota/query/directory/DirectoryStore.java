package app.rota.query.directory;

import app.rota.kernel.directory.ShiftTypeEntry;
import app.rota.kernel.directory.TimeOffEntry;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.member.MemberId;
import app.rota.kernel.member.MemberRole;
import app.rota.kernel.member.TimeOffId;
import app.rota.kernel.schedule.ShiftTypeId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The directory's read-model tables, written by methods named after what happened. Every write sets a state or
 * inserts a row keyed by what happened, so a redelivered event changes nothing.
 */
@Component
class DirectoryStore {

    /** A member as stored: the full phone; who may see it is the query handler's decision. */
    record MemberRow(MemberId id, String name, String phone, MemberRole role, boolean active, boolean smsOptedOut) {

        boolean reachableBySms() {
            return active && !smsOptedOut;
        }
    }

    private static final RowMapper<MemberRow> MEMBER = (rs, i) -> new MemberRow(new MemberId(rs.getObject("id", UUID.class)),
            rs.getString("name"), rs.getString("phone"), MemberRole.valueOf(rs.getString("role")), rs.getBoolean("active"),
            rs.getBoolean("sms_opted_out"));

    private final JdbcTemplate jdbc;

    DirectoryStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // ---- written by the projection

    void groupCreated(GroupId id, ZoneId zone) {
        jdbc.update("insert into directory_group (group_id, time_zone) values (?, ?) on conflict (group_id) do nothing",
                id.value(), zone.getId());
    }

    void memberAdded(MemberId id, GroupId groupId, String name, String phone, MemberRole role) {
        jdbc.update("""
                insert into directory_member (id, group_id, name, phone, role, active, sms_opted_out)
                values (?, ?, ?, ?, ?, true, false) on conflict (id) do nothing""",
                id.value(), groupId.value(), name, phone, role.name());
    }

    void memberChanged(MemberId id, String name, String phone, MemberRole role) {
        jdbc.update("update directory_member set name = ?, phone = ?, role = ? where id = ?", name, phone, role.name(), id.value());
    }

    void memberDeactivated(MemberId id) {
        jdbc.update("update directory_member set active = false where id = ?", id.value());
    }

    void smsOptedOut(MemberId id, boolean optedOut) {
        jdbc.update("update directory_member set sms_opted_out = ? where id = ?", optedOut, id.value());
    }

    void shiftTypeDefined(ShiftTypeId id, GroupId groupId, String name, LocalTime start, int hours, Collection<DayOfWeek> days) {
        jdbc.update("""
                insert into directory_shift_type (id, group_id, name, start_time, duration_hours, days_of_week, retired)
                values (?, ?, ?, ?, ?, ?, false) on conflict (id) do nothing""",
                id.value(), groupId.value(), name, start, hours, daysText(days));
    }

    void shiftTypeChanged(ShiftTypeId id, String name, Collection<DayOfWeek> days) {
        jdbc.update("update directory_shift_type set name = ?, days_of_week = ? where id = ?", name, daysText(days), id.value());
    }

    void shiftTypeRetired(ShiftTypeId id) {
        jdbc.update("update directory_shift_type set retired = true where id = ?", id.value());
    }

    void timeOffDeclared(TimeOffId id, MemberId memberId, GroupId groupId, LocalDate from, LocalDate to, String reason) {
        jdbc.update("""
                insert into directory_time_off (id, member_id, group_id, from_date, to_date, reason)
                values (?, ?, ?, ?, ?, ?) on conflict (id) do nothing""",
                id.value(), memberId.value(), groupId.value(), from, to, reason);
    }

    void timeOffWithdrawn(TimeOffId id) {
        jdbc.update("delete from directory_time_off where id = ?", id.value());
    }

    void reset() {
        jdbc.update("delete from directory_time_off");
        jdbc.update("delete from directory_shift_type");
        jdbc.update("delete from directory_member");
        jdbc.update("delete from directory_group");
    }

    // ---- read by the query handlers

    Optional<ZoneId> zoneOf(GroupId groupId) {
        return jdbc.query("select time_zone from directory_group where group_id = ?",
                (rs, i) -> ZoneId.of(rs.getString(1)), groupId.value()).stream().findFirst();
    }

    /** By name (case-insensitively), then id. */
    List<MemberRow> members(GroupId groupId, boolean includeInactive) {
        return jdbc.query("select * from directory_member where group_id = ?" + (includeInactive ? "" : " and active")
                + " order by lower(name), id", MEMBER, groupId.value());
    }

    Optional<MemberRow> member(GroupId groupId, MemberId memberId) {
        return jdbc.query("select * from directory_member where id = ? and group_id = ?", MEMBER, memberId.value(),
                groupId.value()).stream().findFirst();
    }

    /** The member's time off that ends on or after {@code since}, earliest first. */
    List<TimeOffEntry> timeOff(MemberId memberId, LocalDate since) {
        return jdbc.query("""
                        select id, from_date, to_date, reason from directory_time_off
                        where member_id = ? and to_date >= ? order by from_date, to_date, id""",
                (rs, i) -> new TimeOffEntry(new TimeOffId(rs.getObject(1, UUID.class)), rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class), rs.getString(4)),
                memberId.value(), since);
    }

    /** By local start time, then name. */
    List<ShiftTypeEntry> shiftTypes(GroupId groupId) {
        return jdbc.query("""
                        select id, name, start_time, duration_hours, days_of_week, retired from directory_shift_type
                        where group_id = ? order by start_time, lower(name), id""",
                (rs, i) -> new ShiftTypeEntry(new ShiftTypeId(rs.getObject(1, UUID.class)), rs.getString(2),
                        rs.getObject(3, LocalTime.class), rs.getInt(4), days(rs.getString(5)), rs.getBoolean(6)),
                groupId.value());
    }

    private static String daysText(Collection<DayOfWeek> days) {
        return days.stream().sorted().map(DayOfWeek::name).collect(Collectors.joining(","));
    }

    private static List<DayOfWeek> days(String text) {
        return text.isEmpty() ? List.of() : Arrays.stream(text.split(",")).map(DayOfWeek::valueOf).sorted().toList();
    }
}
