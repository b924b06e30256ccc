package app.rota.query.report;

import app.rota.kernel.coverage.CoverageRequestId;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.member.MemberId;
import app.rota.kernel.member.MemberRole;
import app.rota.kernel.schedule.ShiftTiming;
import app.rota.kernel.schedule.ShiftTypeId;
import app.rota.kernel.schedule.SlotKey;
import app.rota.kernel.swap.SwapId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The reports' read-model tables, written by methods named after what happened. */
@Component
class ReportStore {

    /** A member as the report names them; {@code takesCall}: active and not an auditor, as rotation sees them. */
    record MemberRow(MemberId id, String name, MemberRole role, boolean active) {

        boolean takesCall() {
            return active && role != MemberRole.AUDITOR;
        }
    }

    /** A slot of the range and who holds it now. */
    record SlotRow(ShiftTypeId shiftTypeId, LocalDate date, MemberId memberId) {
    }

    /** How many times a member gave and took, swaps or coverage, in a range. */
    record GivenTaken(int given, int taken) {
    }

    private final JdbcTemplate jdbc;

    ReportStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // ---- written by the projection

    void groupCreated(GroupId id, ZoneId zone, List<LocalDate> holidays) {
        jdbc.update("insert into report_group (group_id, time_zone) values (?, ?) on conflict (group_id) do nothing",
                id.value(), zone.getId());
        holidaysListed(id, holidays);
    }

    /** The holidays are the settings' list, replacing whatever was listed before. */
    void holidaysListed(GroupId id, List<LocalDate> holidays) {
        jdbc.update("delete from report_holiday where group_id = ?", id.value());
        for (LocalDate holiday : new HashSet<>(holidays)) {
            jdbc.update("insert into report_holiday (group_id, holiday) values (?, ?) on conflict do nothing", id.value(), holiday);
        }
    }

    void shiftTypeDefined(ShiftTypeId id, GroupId groupId, LocalTime start, int hours) {
        jdbc.update("""
                insert into report_shift_type (id, group_id, start_time, duration_hours) values (?, ?, ?, ?)
                on conflict (id) do nothing""", id.value(), groupId.value(), start, hours);
    }

    void memberAdded(MemberId id, GroupId groupId, String name, MemberRole role) {
        jdbc.update("""
                insert into report_member (id, group_id, name, role, active) values (?, ?, ?, ?, true)
                on conflict (id) do nothing""", id.value(), groupId.value(), name, role.name());
    }

    void memberChanged(MemberId id, String name, MemberRole role) {
        jdbc.update("update report_member set name = ?, role = ? where id = ?", name, role.name(), id.value());
    }

    void memberDeactivated(MemberId id) {
        jdbc.update("update report_member set active = false where id = ?", id.value());
    }

    void slotAssigned(SlotKey slot, GroupId groupId, MemberId memberId) {
        jdbc.update("""
                insert into report_slot (shift_type_id, slot_date, group_id, member_id) values (?, ?, ?, ?)
                on conflict (shift_type_id, slot_date) do update set member_id = excluded.member_id""",
                slot.shiftTypeId().value(), slot.date(), groupId.value(), memberId.value());
    }

    void slotUnassigned(SlotKey slot) {
        jdbc.update("delete from report_slot where shift_type_id = ? and slot_date = ?", slot.shiftTypeId().value(), slot.date());
    }

    /** A completed swap handed {@code slot} from {@code giver} to {@code taker}. */
    void swapMovedSlot(SwapId swap, GroupId groupId, SlotKey slot, MemberId giver, MemberId taker) {
        jdbc.update("""
                insert into report_swap_move (swap_id, shift_type_id, slot_date, group_id, giver_id, taker_id)
                values (?, ?, ?, ?, ?, ?) on conflict do nothing""",
                swap.value(), slot.shiftTypeId().value(), slot.date(), groupId.value(), giver.value(), taker.value());
    }

    /** {@code requester} is null for an open shift. */
    void coverageCovered(CoverageRequestId request, GroupId groupId, SlotKey slot, MemberId requester, MemberId claimant) {
        jdbc.update("""
                insert into report_coverage (request_id, group_id, slot_date, requester_id, claimant_id)
                values (?, ?, ?, ?, ?) on conflict (request_id) do nothing""",
                request.value(), groupId.value(), slot.date(), requester == null ? null : requester.value(), claimant.value());
    }

    void reset() {
        jdbc.update("delete from report_coverage");
        jdbc.update("delete from report_swap_move");
        jdbc.update("delete from report_slot");
        jdbc.update("delete from report_member");
        jdbc.update("delete from report_shift_type");
        jdbc.update("delete from report_holiday");
        jdbc.update("delete from report_group");
    }

    // ---- read by the query handler

    Optional<ZoneId> zoneOf(GroupId groupId) {
        return jdbc.query("select time_zone from report_group where group_id = ?",
                        (rs, i) -> ZoneId.of(rs.getString(1)), groupId.value())
                .stream().findFirst();
    }

    Set<LocalDate> holidays(GroupId groupId) {
        return new HashSet<>(jdbc.query("select holiday from report_holiday where group_id = ?",
                (rs, i) -> rs.getObject(1, LocalDate.class), groupId.value()));
    }

    Map<ShiftTypeId, ShiftTiming> shiftTimings(GroupId groupId) {
        Map<ShiftTypeId, ShiftTiming> timings = new HashMap<>();
        jdbc.query("select id, start_time, duration_hours from report_shift_type where group_id = ?",
                rs -> {
                    timings.put(new ShiftTypeId(rs.getObject(1, UUID.class)),
                            new ShiftTiming(rs.getTime(2).toLocalTime(), rs.getInt(3)));
                }, groupId.value());
        return timings;
    }

    Map<MemberId, MemberRow> members(GroupId groupId) {
        Map<MemberId, MemberRow> members = new HashMap<>();
        jdbc.query("select id, name, role, active from report_member where group_id = ?",
                rs -> {
                    MemberId id = new MemberId(rs.getObject(1, UUID.class));
                    members.put(id, new MemberRow(id, rs.getString(2), MemberRole.valueOf(rs.getString(3)), rs.getBoolean(4)));
                }, groupId.value());
        return members;
    }

    List<SlotRow> slots(GroupId groupId, LocalDate from, LocalDate to) {
        return jdbc.query("""
                        select shift_type_id, slot_date, member_id from report_slot
                        where group_id = ? and slot_date between ? and ?""",
                (rs, i) -> new SlotRow(new ShiftTypeId(rs.getObject(1, UUID.class)), rs.getObject(2, LocalDate.class),
                        new MemberId(rs.getObject(3, UUID.class))),
                groupId.value(), from, to);
    }

    /** Per member, the slots of the range that completed swaps made them hand over (given) and take (taken). */
    Map<MemberId, GivenTaken> swaps(GroupId groupId, LocalDate from, LocalDate to) {
        return givenTaken("report_swap_move", "giver_id", "taker_id", groupId, from, to);
    }

    /** Per member, the covered requests of the range they covered (given) and that relieved them (taken). */
    Map<MemberId, GivenTaken> coverage(GroupId groupId, LocalDate from, LocalDate to) {
        return givenTaken("report_coverage", "claimant_id", "requester_id", groupId, from, to);
    }

    private Map<MemberId, GivenTaken> givenTaken(String table, String given, String taken, GroupId groupId,
                                                  LocalDate from, LocalDate to) {
        Map<MemberId, GivenTaken> counts = new HashMap<>();
        jdbc.query("""
                        select member_id, sum(given)::int, sum(taken)::int from (
                            select %2$s as member_id, 1 as given, 0 as taken from %1$s
                            where group_id = ? and slot_date between ? and ?
                            union all
                            select %3$s, 0, 1 from %1$s
                            where group_id = ? and slot_date between ? and ? and %3$s is not null
                        ) moves group by member_id""".formatted(table, given, taken),
                rs -> {
                    counts.put(new MemberId(rs.getObject(1, UUID.class)), new GivenTaken(rs.getInt(2), rs.getInt(3)));
                }, groupId.value(), from, to, groupId.value(), from, to);
        return counts;
    }
}
