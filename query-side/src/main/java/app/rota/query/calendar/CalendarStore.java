package app.rota.query.calendar;

import app.rota.kernel.coverage.CoverageRequestId;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.member.MemberId;
import app.rota.kernel.schedule.ShiftPattern;
import app.rota.kernel.schedule.ShiftTiming;
import app.rota.kernel.schedule.ShiftTypeId;
import app.rota.kernel.schedule.SlotKey;
import app.rota.kernel.schedule.SlotVersion;
import app.rota.kernel.swap.SwapId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The calendar's read-model tables, written by methods named after what happened. */
@Component
class CalendarStore {

    record ShiftTypeRow(ShiftTypeId id, String name, ShiftPattern pattern, boolean retired) {
    }

    /** A member as the calendar shows them: reachable by SMS when active and their number has not opted out. */
    record MemberRow(MemberId id, String name, boolean active, boolean smsOptedOut) {

        boolean reachableBySms() {
            return active && !smsOptedOut;
        }
    }

    /**
     * A recorded slot: its assignee (null when open), version, and the pending swap and coverage request it
     * is in (null when none).
     */
    record SlotRow(SlotKey slot, MemberId memberId, long version, SwapId swapId, CoverageRequestId coverageRequestId) {
    }

    private final JdbcTemplate jdbc;

    CalendarStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // ---- written by the projection

    void groupCreated(GroupId id, ZoneId zone) {
        jdbc.update("insert into calendar_group (group_id, time_zone) values (?, ?) on conflict (group_id) do nothing",
                id.value(), zone.getId());
    }

    void shiftTypeDefined(ShiftTypeId id, GroupId groupId, String name, LocalTime start, int hours, Set<DayOfWeek> days) {
        jdbc.update("""
                insert into shift_type_view (id, group_id, name, start_time, duration_hours, days_of_week, retired)
                values (?, ?, ?, ?, ?, ?, false) on conflict (id) do nothing""",
                id.value(), groupId.value(), name, start, hours, ShiftPattern.encodeDays(days));
    }

    void shiftTypeChanged(ShiftTypeId id, String name, Set<DayOfWeek> days) {
        jdbc.update("update shift_type_view set name = ?, days_of_week = ? where id = ?",
                name, ShiftPattern.encodeDays(days), id.value());
    }

    void shiftTypeRetired(ShiftTypeId id) {
        jdbc.update("update shift_type_view set retired = true where id = ?", id.value());
    }

    void memberAdded(MemberId id, GroupId groupId, String name, String phone, String role) {
        jdbc.update("""
                insert into member_view (id, group_id, name, phone, role, active) values (?, ?, ?, ?, ?, true)
                on conflict (id) do nothing""", id.value(), groupId.value(), name, phone, role);
    }

    void memberChanged(MemberId id, String name, String phone, String role) {
        jdbc.update("update member_view set name = ?, phone = ?, role = ? where id = ?", name, phone, role, id.value());
    }

    void memberDeactivated(MemberId id) {
        jdbc.update("update member_view set active = false where id = ?", id.value());
    }

    void memberOptedOutOfSms(MemberId id) {
        jdbc.update("update member_view set sms_opted_out = true where id = ?", id.value());
    }

    void memberOptedInToSms(MemberId id) {
        jdbc.update("update member_view set sms_opted_out = false where id = ?", id.value());
    }

    void slotAssigned(SlotKey slot, GroupId groupId, MemberId memberId, Instant start, Instant end, long version) {
        jdbc.update("""
                insert into slot_view (slot_key, group_id, shift_type_id, slot_date, member_id, start_at, end_at, version)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (slot_key) do update set member_id = excluded.member_id, version = excluded.version""",
                slot.toString(), groupId.value(), slot.shiftTypeId().value(), slot.date(), memberId.value(),
                Timestamp.from(start), Timestamp.from(end), version);
    }

    void slotUnassigned(SlotKey slot, long version) {
        jdbc.update("update slot_view set member_id = null, version = ? where slot_key = ?", version, slot.toString());
    }

    /** The proposer's slot and, for a trade, the counterpart's are held for the swap while it is pending. */
    void swapProposed(SwapId swap, SlotKey fromSlot, SlotKey toSlot) {
        jdbc.update("update slot_view set swap_id = ? where slot_key in (?, ?)",
                swap.value(), fromSlot.toString(), toSlot == null ? fromSlot.toString() : toSlot.toString());
    }

    /** However it ended (completed, declined, cancelled, rejected, expired, failed), its slots are free again. */
    void swapEnded(SwapId swap) {
        jdbc.update("update slot_view set swap_id = null where swap_id = ?", swap.value());
    }

    /**
     * The slot is held for the request while it is pending. An open shift's slot may have no row yet (never
     * assigned): it gets one with no member, never edited, with the interval the request recorded.
     */
    void coverageRequested(CoverageRequestId request, GroupId groupId, SlotKey slot, Instant start, Instant end) {
        jdbc.update("""
                insert into slot_view (slot_key, group_id, shift_type_id, slot_date, member_id, start_at, end_at, version,
                    coverage_request_id)
                values (?, ?, ?, ?, null, ?, ?, ?, ?)
                on conflict (slot_key) do update set coverage_request_id = excluded.coverage_request_id""",
                slot.toString(), groupId.value(), slot.shiftTypeId().value(), slot.date(), Timestamp.from(start),
                Timestamp.from(end), SlotVersion.NEVER_EDITED, request.value());
    }

    /** Covered, cancelled or unfilled: its slot is free again (a row inserted for an open shift stays, unassigned). */
    void coverageEnded(CoverageRequestId request) {
        jdbc.update("update slot_view set coverage_request_id = null where coverage_request_id = ?", request.value());
    }

    void reset() {
        jdbc.update("delete from slot_view");
        jdbc.update("delete from member_view");
        jdbc.update("delete from shift_type_view");
        jdbc.update("delete from calendar_group");
    }

    // ---- read by the query handlers

    /** The group's zone from the calendar's own table, never from another projection's (which may lag or replay). */
    Optional<ZoneId> zoneOf(GroupId groupId) {
        return jdbc.query("select time_zone from calendar_group where group_id = ?",
                        (rs, i) -> ZoneId.of(rs.getString(1)), groupId.value())
                .stream().findFirst();
    }

    Map<ShiftTypeId, ShiftTypeRow> shiftTypes(GroupId groupId) {
        return jdbc.query("select id, name, start_time, duration_hours, days_of_week, retired from shift_type_view where group_id = ?",
                        (rs, i) -> new ShiftTypeRow(new ShiftTypeId(rs.getObject(1, UUID.class)), rs.getString(2),
                                new ShiftPattern(new ShiftTiming(rs.getTime(3).toLocalTime(), rs.getInt(4)),
                                        ShiftPattern.decodeDays(rs.getString(5))),
                                rs.getBoolean(6)), groupId.value())
                .stream().collect(Collectors.toMap(ShiftTypeRow::id, Function.identity()));
    }

    Map<MemberId, MemberRow> members(GroupId groupId) {
        return jdbc.query("select id, name, active, sms_opted_out from member_view where group_id = ?",
                        (rs, i) -> new MemberRow(new MemberId(rs.getObject(1, UUID.class)), rs.getString(2), rs.getBoolean(3),
                                rs.getBoolean(4)),
                        groupId.value())
                .stream().collect(Collectors.toMap(MemberRow::id, Function.identity()));
    }

    List<SlotRow> slots(GroupId groupId, LocalDate from, LocalDate to) {
        return jdbc.query("""
                        select shift_type_id, slot_date, member_id, version, swap_id, coverage_request_id from slot_view
                        where group_id = ? and slot_date between ? and ?""",
                CalendarStore::slotRow, groupId.value(), from, to);
    }

    List<SlotRow> slotsOf(MemberId memberId, LocalDate from, LocalDate to) {
        return jdbc.query("""
                        select shift_type_id, slot_date, member_id, version, swap_id, coverage_request_id from slot_view
                        where member_id = ? and slot_date between ? and ?""",
                CalendarStore::slotRow, memberId.value(), from, to);
    }

    private static SlotRow slotRow(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        UUID member = rs.getObject(3, UUID.class);
        UUID swap = rs.getObject(5, UUID.class);
        UUID coverageRequest = rs.getObject(6, UUID.class);
        return new SlotRow(new SlotKey(new ShiftTypeId(rs.getObject(1, UUID.class)), rs.getObject(2, LocalDate.class)),
                member == null ? null : new MemberId(member), rs.getLong(4), swap == null ? null : new SwapId(swap),
                coverageRequest == null ? null : new CoverageRequestId(coverageRequest));
    }
}
