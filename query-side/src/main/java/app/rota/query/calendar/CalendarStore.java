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

import java.sql.ResultSet;
import java.sql.SQLException;
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

    /*
     * Each write changes a table and records the row as it is after the change, in one statement: the change row is
     * what the as-of reads and the live stream read. Follows a CTE named s (slots), m (members) or t (shift types);
     * its two parameters are the event's position and timestamp.
     */
    private static final String SLOT_CHANGE = """
            insert into calendar_slot_change (position, slot_key, group_id, shift_type_id, slot_date, member_id, version, swap_id,
                coverage_request_id, recorded_at)
            select ?, slot_key, group_id, shift_type_id, slot_date, member_id, version, swap_id, coverage_request_id, ? from s
            on conflict do nothing""";
    private static final String MEMBER_CHANGE = """
            insert into calendar_member_change (position, member_id, group_id, name, active, sms_opted_out, recorded_at)
            select ?, id, group_id, name, active, sms_opted_out, ? from m
            on conflict do nothing""";
    private static final String SHIFT_TYPE_CHANGE = """
            insert into calendar_shift_type_change (position, shift_type_id, group_id, name, start_time, duration_hours,
                days_of_week, retired, recorded_at)
            select ?, id, group_id, name, start_time, duration_hours, days_of_week, retired, ? from t
            on conflict do nothing""";

    private final JdbcTemplate jdbc;

    CalendarStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // ---- written by the projection

    void groupCreated(GroupId id, ZoneId zone) {
        jdbc.update("insert into calendar_group (group_id, time_zone) values (?, ?) on conflict (group_id) do nothing",
                id.value(), zone.getId());
    }

    void shiftTypeDefined(ShiftTypeId id, GroupId groupId, String name, LocalTime start, int hours, Set<DayOfWeek> days,
                          Recorded recorded) {
        jdbc.update("""
                with t as (insert into shift_type_view (id, group_id, name, start_time, duration_hours, days_of_week, retired)
                           values (?, ?, ?, ?, ?, ?, false) on conflict (id) do nothing returning *)
                """ + SHIFT_TYPE_CHANGE,
                id.value(), groupId.value(), name, start, hours, ShiftPattern.encodeDays(days), recorded.position(),
                Timestamp.from(recorded.at()));
    }

    void shiftTypeChanged(ShiftTypeId id, String name, Set<DayOfWeek> days, Recorded recorded) {
        jdbc.update("with t as (update shift_type_view set name = ?, days_of_week = ? where id = ? returning *)\n"
                        + SHIFT_TYPE_CHANGE,
                name, ShiftPattern.encodeDays(days), id.value(), recorded.position(), Timestamp.from(recorded.at()));
    }

    void shiftTypeRetired(ShiftTypeId id, Recorded recorded) {
        jdbc.update("with t as (update shift_type_view set retired = true where id = ? returning *)\n" + SHIFT_TYPE_CHANGE,
                id.value(), recorded.position(), Timestamp.from(recorded.at()));
    }

    void memberAdded(MemberId id, GroupId groupId, String name, String phone, String role, Recorded recorded) {
        jdbc.update("""
                with m as (insert into member_view (id, group_id, name, phone, role, active) values (?, ?, ?, ?, ?, true)
                           on conflict (id) do nothing returning *)
                """ + MEMBER_CHANGE, id.value(), groupId.value(), name, phone, role, recorded.position(),
                Timestamp.from(recorded.at()));
    }

    void memberChanged(MemberId id, String name, String phone, String role, Recorded recorded) {
        jdbc.update("with m as (update member_view set name = ?, phone = ?, role = ? where id = ? returning *)\n" + MEMBER_CHANGE,
                name, phone, role, id.value(), recorded.position(), Timestamp.from(recorded.at()));
    }

    void memberDeactivated(MemberId id, Recorded recorded) {
        jdbc.update("with m as (update member_view set active = false where id = ? returning *)\n" + MEMBER_CHANGE,
                id.value(), recorded.position(), Timestamp.from(recorded.at()));
    }

    void memberOptedOutOfSms(MemberId id, Recorded recorded) {
        jdbc.update("with m as (update member_view set sms_opted_out = true where id = ? returning *)\n" + MEMBER_CHANGE,
                id.value(), recorded.position(), Timestamp.from(recorded.at()));
    }

    void memberOptedInToSms(MemberId id, Recorded recorded) {
        jdbc.update("with m as (update member_view set sms_opted_out = false where id = ? returning *)\n" + MEMBER_CHANGE,
                id.value(), recorded.position(), Timestamp.from(recorded.at()));
    }

    void slotAssigned(SlotKey slot, GroupId groupId, MemberId memberId, Instant start, Instant end, long version,
                      Recorded recorded) {
        jdbc.update("""
                with s as (insert into slot_view (slot_key, group_id, shift_type_id, slot_date, member_id, start_at, end_at, version)
                           values (?, ?, ?, ?, ?, ?, ?, ?)
                           on conflict (slot_key) do update set member_id = excluded.member_id, version = excluded.version
                           returning *)
                """ + SLOT_CHANGE,
                slot.toString(), groupId.value(), slot.shiftTypeId().value(), slot.date(), memberId.value(),
                Timestamp.from(start), Timestamp.from(end), version, recorded.position(), Timestamp.from(recorded.at()));
    }

    void slotUnassigned(SlotKey slot, long version, Recorded recorded) {
        jdbc.update("with s as (update slot_view set member_id = null, version = ? where slot_key = ? returning *)\n" + SLOT_CHANGE,
                version, slot.toString(), recorded.position(), Timestamp.from(recorded.at()));
    }

    /** The proposer's slot and, for a trade, the counterpart's are held for the swap while it is pending. */
    void swapProposed(SwapId swap, SlotKey fromSlot, SlotKey toSlot, Recorded recorded) {
        jdbc.update("with s as (update slot_view set swap_id = ? where slot_key in (?, ?) returning *)\n" + SLOT_CHANGE,
                swap.value(), fromSlot.toString(), toSlot == null ? fromSlot.toString() : toSlot.toString(),
                recorded.position(), Timestamp.from(recorded.at()));
    }

    /** However it ended (completed, declined, cancelled, rejected, expired, failed), its slots are free again. */
    void swapEnded(SwapId swap, Recorded recorded) {
        jdbc.update("with s as (update slot_view set swap_id = null where swap_id = ? returning *)\n" + SLOT_CHANGE,
                swap.value(), recorded.position(), Timestamp.from(recorded.at()));
    }

    /**
     * The slot is held for the request while it is pending. An open shift's slot may have no row yet (never
     * assigned): it gets one with no member, never edited, with the interval the request recorded.
     */
    void coverageRequested(CoverageRequestId request, GroupId groupId, SlotKey slot, Instant start, Instant end,
                           Recorded recorded) {
        jdbc.update("""
                with s as (insert into slot_view (slot_key, group_id, shift_type_id, slot_date, member_id, start_at, end_at,
                               version, coverage_request_id)
                           values (?, ?, ?, ?, null, ?, ?, ?, ?)
                           on conflict (slot_key) do update set coverage_request_id = excluded.coverage_request_id
                           returning *)
                """ + SLOT_CHANGE,
                slot.toString(), groupId.value(), slot.shiftTypeId().value(), slot.date(), Timestamp.from(start),
                Timestamp.from(end), SlotVersion.NEVER_EDITED, request.value(), recorded.position(),
                Timestamp.from(recorded.at()));
    }

    /** Covered, cancelled or unfilled: its slot is free again (a row inserted for an open shift stays, unassigned). */
    void coverageEnded(CoverageRequestId request, Recorded recorded) {
        jdbc.update("with s as (update slot_view set coverage_request_id = null where coverage_request_id = ? returning *)\n"
                        + SLOT_CHANGE,
                request.value(), recorded.position(), Timestamp.from(recorded.at()));
    }

    void reset() {
        jdbc.update("delete from calendar_slot_change");
        jdbc.update("delete from calendar_member_change");
        jdbc.update("delete from calendar_shift_type_change");
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
                        CalendarStore::shiftTypeRow, groupId.value())
                .stream().collect(Collectors.toMap(ShiftTypeRow::id, Function.identity()));
    }

    Map<MemberId, MemberRow> members(GroupId groupId) {
        return jdbc.query("select id, name, active, sms_opted_out from member_view where group_id = ?",
                        CalendarStore::memberRow,
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

    /** Columns: id, name, start_time, duration_hours, days_of_week, retired. */
    private static ShiftTypeRow shiftTypeRow(ResultSet rs, int row) throws SQLException {
        return new ShiftTypeRow(new ShiftTypeId(rs.getObject(1, UUID.class)), rs.getString(2),
                new ShiftPattern(new ShiftTiming(rs.getTime(3).toLocalTime(), rs.getInt(4)), ShiftPattern.decodeDays(rs.getString(5))),
                rs.getBoolean(6));
    }

    /** Columns: id, name, active, sms_opted_out. */
    private static MemberRow memberRow(ResultSet rs, int row) throws SQLException {
        return new MemberRow(new MemberId(rs.getObject(1, UUID.class)), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4));
    }

    // ---- the record of changes: as-of reads and the live stream

    /** The group's shift types as recorded at {@code asOf}: each one's latest change at or before it. */
    Map<ShiftTypeId, ShiftTypeRow> shiftTypesAsOf(GroupId groupId, Instant asOf) {
        return jdbc.query("""
                        select distinct on (shift_type_id) shift_type_id, name, start_time, duration_hours, days_of_week, retired
                        from calendar_shift_type_change where group_id = ? and recorded_at <= ?
                        order by shift_type_id, position desc""",
                        CalendarStore::shiftTypeRow, groupId.value(), Timestamp.from(asOf))
                .stream().collect(Collectors.toMap(ShiftTypeRow::id, Function.identity()));
    }

    /** The group's members as recorded at {@code asOf}. */
    Map<MemberId, MemberRow> membersAsOf(GroupId groupId, Instant asOf) {
        return jdbc.query("""
                        select distinct on (member_id) member_id, name, active, sms_opted_out
                        from calendar_member_change where group_id = ? and recorded_at <= ?
                        order by member_id, position desc""",
                        CalendarStore::memberRow,
                        groupId.value(), Timestamp.from(asOf))
                .stream().collect(Collectors.toMap(MemberRow::id, Function.identity()));
    }

    /** The group's recorded slots with a date in the range, each as its latest change at or before {@code asOf} left it. */
    List<SlotRow> slotsAsOf(GroupId groupId, LocalDate from, LocalDate to, Instant asOf) {
        return jdbc.query("""
                        select distinct on (slot_key) shift_type_id, slot_date, member_id, version, swap_id, coverage_request_id
                        from calendar_slot_change where group_id = ? and slot_date between ? and ? and recorded_at <= ?
                        order by slot_key, position desc""",
                CalendarStore::slotRow, groupId.value(), from, to, Timestamp.from(asOf));
    }

    /** A slot as one change left it, at the change's global position. */
    record SlotChange(long position, SlotRow slot) {
    }

    /**
     * The group's slot changes recorded after the change at {@code position} (in the order the calendar recorded them,
     * which a late event's lower position does not change), about {@code limit} at a time but never part of an
     * event's changes.
     */
    List<SlotChange> slotChangesAfter(GroupId groupId, long position, int limit) {
        return jdbc.query("""
                        with bound as (select coalesce((select max(seq) from calendar_slot_change where position = ?),
                                                       (select max(seq) from calendar_slot_change where position <= ?), 0) as seq),
                             page as (select seq, position from calendar_slot_change
                                      where group_id = ? and seq > (select seq from bound) order by seq limit ?),
                             upto as (select max(c.seq) as seq from calendar_slot_change c
                                      where c.position = (select position from page order by seq desc limit 1))
                        select shift_type_id, slot_date, member_id, version, swap_id, coverage_request_id, position
                        from calendar_slot_change
                        where group_id = ? and seq > (select seq from bound)
                          and seq <= coalesce((select seq from upto), (select seq from bound))
                        order by seq""",
                (rs, i) -> new SlotChange(rs.getLong(7), slotRow(rs, i)), position, position, groupId.value(), limit,
                groupId.value());
    }

    /** The last position the calendar has recorded a slot change at, for any group (-1 before the first). */
    long lastSlotChange() {
        Long last = jdbc.queryForObject("select max(position) from calendar_slot_change", Long.class);
        return last == null ? -1 : last;
    }

    private static SlotRow slotRow(ResultSet rs, int i) throws SQLException {
        UUID member = rs.getObject(3, UUID.class);
        UUID swap = rs.getObject(5, UUID.class);
        UUID coverageRequest = rs.getObject(6, UUID.class);
        return new SlotRow(new SlotKey(new ShiftTypeId(rs.getObject(1, UUID.class)), rs.getObject(2, LocalDate.class)),
                member == null ? null : new MemberId(member), rs.getLong(4), swap == null ? null : new SwapId(swap),
                coverageRequest == null ? null : new CoverageRequestId(coverageRequest));
    }
}
