package app.rota.notifier.directory;

import app.rota.kernel.group.GroupId;
import app.rota.kernel.group.GroupSettings;
import app.rota.kernel.member.MemberId;
import app.rota.kernel.member.MemberRole;
import app.rota.kernel.schedule.ShiftTypeId;
import app.rota.kernel.schedule.SlotKey;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The notifier's own copy of the groups, members, shift types and slot holders it addresses SMS to,
 * written only by the notifier's event processor. Every write is an upsert, so a replayed event changes nothing.
 * While the processor handles a batch of events, a group, member, shift-type name or the epoch read once is not
 * read again in that batch unless the batch changes it ({@link BatchReads}).
 */
@Component
public class NotifierDirectory {

    public record GroupInfo(GroupId groupId, String name, ZoneId zone, LocalTime dailyReminderTime,
                            int reminderLeadMinutes, LocalTime quietHoursStart, LocalTime quietHoursEnd) {
    }

    public record MemberInfo(MemberId memberId, GroupId groupId, String name, String phone, MemberRole role,
                             boolean active, boolean optedOut) {

        /** Why an SMS to this member is recorded SKIPPED instead of sent ({@code INACTIVE}, {@code OPTED_OUT}), or null to send it. */
        public String skipReason() {
            return !active ? "INACTIVE" : optedOut ? "OPTED_OUT" : null;
        }
    }

    /** A slot's current holder and real interval. */
    public record HeldSlot(SlotKey slot, GroupId groupId, MemberId memberId, Instant start, Instant end) {
    }

    private static final RowMapper<GroupInfo> GROUP = (rs, i) -> new GroupInfo(
            new GroupId(rs.getObject("group_id", UUID.class)), rs.getString("name"), ZoneId.of(rs.getString("time_zone")),
            rs.getObject("daily_reminder_time", LocalTime.class), rs.getInt("reminder_lead_minutes"),
            rs.getObject("quiet_hours_start", LocalTime.class), rs.getObject("quiet_hours_end", LocalTime.class));

    private static final RowMapper<MemberInfo> MEMBER = (rs, i) -> new MemberInfo(
            new MemberId(rs.getObject("member_id", UUID.class)), new GroupId(rs.getObject("group_id", UUID.class)),
            rs.getString("name"), rs.getString("phone"), MemberRole.valueOf(rs.getString("role")),
            rs.getBoolean("active"), rs.getBoolean("opted_out"));

    private static final RowMapper<HeldSlot> SLOT = (rs, i) -> new HeldSlot(
            new SlotKey(new ShiftTypeId(rs.getObject("shift_type_id", UUID.class)), rs.getObject("slot_date", java.time.LocalDate.class)),
            new GroupId(rs.getObject("group_id", UUID.class)), new MemberId(rs.getObject("member_id", UUID.class)),
            rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant());

    private final JdbcTemplate jdbc;

    public NotifierDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void groupSet(GroupId groupId, String name, ZoneId zone, GroupSettings settings) {
        BatchReads.GROUPS.forget();
        GroupSettings s = settings == null ? GroupSettings.defaults() : settings;
        jdbc.update("""
                insert into ntf_group (group_id, name, time_zone, daily_reminder_time, reminder_lead_minutes, quiet_hours_start, quiet_hours_end)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (group_id) do update set name = excluded.name, time_zone = excluded.time_zone,
                    daily_reminder_time = excluded.daily_reminder_time, reminder_lead_minutes = excluded.reminder_lead_minutes,
                    quiet_hours_start = excluded.quiet_hours_start, quiet_hours_end = excluded.quiet_hours_end
                """, groupId.value(), name, zone.getId(),
                s.dailyReminderTime() == null ? GroupSettings.DEFAULT_REMINDER_TIME : s.dailyReminderTime(),
                s.reminderLeadMinutes(), s.quietHoursStart(), s.quietHoursEnd());
    }

    public void settingsChanged(GroupId groupId, GroupSettings s) {
        BatchReads.GROUPS.forget();
        jdbc.update("""
                update ntf_group set daily_reminder_time = ?, reminder_lead_minutes = ?, quiet_hours_start = ?, quiet_hours_end = ?
                where group_id = ?
                """, s.dailyReminderTime() == null ? GroupSettings.DEFAULT_REMINDER_TIME : s.dailyReminderTime(),
                s.reminderLeadMinutes(), s.quietHoursStart(), s.quietHoursEnd(), groupId.value());
    }

    public Optional<GroupInfo> group(GroupId groupId) {
        return BatchReads.GROUPS.read(groupId,
                () -> jdbc.query("select * from ntf_group where group_id = ?", GROUP, groupId.value()).stream().findFirst());
    }

    public List<GroupInfo> groups() {
        return jdbc.query("select * from ntf_group order by group_id", GROUP);
    }

    public void memberAdded(MemberId memberId, GroupId groupId, String name, String phone, MemberRole role) {
        BatchReads.MEMBERS.forget();
        jdbc.update("""
                insert into ntf_member (member_id, group_id, name, phone, role, active) values (?, ?, ?, ?, ?, true)
                on conflict (member_id) do update set name = excluded.name, phone = excluded.phone, role = excluded.role
                """, memberId.value(), groupId.value(), name, phone, role == null ? MemberRole.MEMBER.name() : role.name());
    }

    public void memberChanged(MemberId memberId, String name, String phone, MemberRole role) {
        BatchReads.MEMBERS.forget();
        jdbc.update("update ntf_member set name = coalesce(?, name), phone = coalesce(?, phone), role = coalesce(?, role) where member_id = ?",
                name, phone, role == null ? null : role.name(), memberId.value());
    }

    public void memberDeactivated(MemberId memberId) {
        BatchReads.MEMBERS.forget();
        jdbc.update("update ntf_member set active = false where member_id = ?", memberId.value());
    }

    public void optedOut(MemberId memberId, boolean optedOut) {
        BatchReads.MEMBERS.forget();
        jdbc.update("update ntf_member set opted_out = ? where member_id = ?", optedOut, memberId.value());
    }

    public Optional<MemberInfo> member(MemberId memberId) {
        return BatchReads.MEMBERS.read(memberId,
                () -> jdbc.query("select * from ntf_member where member_id = ?", MEMBER, memberId.value()).stream().findFirst());
    }

    /** Every member (of any group) with this phone number, oldest membership first. */
    public List<MemberInfo> membersWithPhone(String phone) {
        return jdbc.query("select * from ntf_member where phone = ? order by member_id", MEMBER, phone);
    }

    /** Every member of the group, by id: one query for a wave of reminders. */
    public java.util.Map<MemberId, MemberInfo> membersOf(GroupId groupId) {
        java.util.Map<MemberId, MemberInfo> members = new java.util.HashMap<>();
        jdbc.query("select * from ntf_member where group_id = ?", MEMBER, groupId.value()).forEach(m -> members.put(m.memberId(), m));
        return members;
    }

    /** The group's shift types' names, by id. */
    public java.util.Map<ShiftTypeId, String> shiftTypeNames(GroupId groupId) {
        java.util.Map<ShiftTypeId, String> names = new java.util.HashMap<>();
        jdbc.query("select shift_type_id, name from ntf_shift_type where group_id = ?",
                (org.springframework.jdbc.core.RowCallbackHandler) rs -> names.put(new ShiftTypeId(rs.getObject(1, UUID.class)), rs.getString(2)),
                groupId.value());
        return names;
    }

    /** The group's active admins: who is asked to approve, and told of escalations. */
    public List<MemberInfo> admins(GroupId groupId) {
        return jdbc.query("select * from ntf_member where group_id = ? and role = 'ADMIN' and active order by name",
                MEMBER, groupId.value());
    }

    public void shiftTypeNamed(ShiftTypeId shiftTypeId, GroupId groupId, String name) {
        BatchReads.SHIFT_TYPE_NAMES.forget();
        jdbc.update("""
                insert into ntf_shift_type (shift_type_id, group_id, name) values (?, ?, ?)
                on conflict (shift_type_id) do update set name = excluded.name
                """, shiftTypeId.value(), groupId.value(), name);
    }

    public void shiftTypeRenamed(ShiftTypeId shiftTypeId, String name) {
        BatchReads.SHIFT_TYPE_NAMES.forget();
        if (name != null) {
            jdbc.update("update ntf_shift_type set name = ? where shift_type_id = ?", name, shiftTypeId.value());
        }
    }

    public String shiftTypeName(ShiftTypeId shiftTypeId) {
        return BatchReads.SHIFT_TYPE_NAMES.read(shiftTypeId, () -> jdbc.query("select name from ntf_shift_type where shift_type_id = ?", (rs, i) -> rs.getString(1),
                shiftTypeId.value()).stream().findFirst().orElse("Shift"));
    }

    public void slotHeld(SlotKey slot, GroupId groupId, MemberId memberId, Instant start, Instant end) {
        jdbc.update("""
                insert into ntf_slot (shift_type_id, slot_date, group_id, member_id, starts_at, ends_at) values (?, ?, ?, ?, ?, ?)
                on conflict (shift_type_id, slot_date) do update set member_id = excluded.member_id,
                    starts_at = excluded.starts_at, ends_at = excluded.ends_at
                """, slot.shiftTypeId().value(), slot.date(), groupId.value(), memberId.value(),
                Timestamp.from(start), Timestamp.from(end));
    }

    public void slotFreed(SlotKey slot) {
        jdbc.update("delete from ntf_slot where shift_type_id = ? and slot_date = ?", slot.shiftTypeId().value(), slot.date());
    }

    public Optional<HeldSlot> slot(SlotKey slot) {
        return jdbc.query("select * from ntf_slot where shift_type_id = ? and slot_date = ?", SLOT,
                slot.shiftTypeId().value(), slot.date()).stream().findFirst();
    }

    /** The group's held slots that start in [from, to), in start order. */
    public List<HeldSlot> slotsStarting(GroupId groupId, Instant from, Instant to) {
        return jdbc.query("select * from ntf_slot where group_id = ? and starts_at >= ? and starts_at < ? order by starts_at, shift_type_id",
                SLOT, groupId.value(), Timestamp.from(from), Timestamp.from(to));
    }

    /** A swap as its later SMS name it. {@code to*} are null for a give-away. */
    public record SwapInfo(UUID swapId, GroupId groupId, MemberId proposerId, MemberId counterpartId,
                           SlotKey fromSlot, Instant fromStart, Instant fromEnd, SlotKey toSlot, Instant toStart, Instant toEnd) {
    }

    public record CoverageInfo(UUID requestId, GroupId groupId, SlotKey slot, Instant start, Instant end, MemberId requesterId,
                               List<MemberId> offeredTo) {
    }

    public void swapProposed(SwapInfo swap) {
        jdbc.update("""
                insert into ntf_swap (swap_id, group_id, proposer_id, counterpart_id, from_shift_type_id, from_date, from_start, from_end,
                    to_shift_type_id, to_date, to_start, to_end)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (swap_id) do nothing
                """, swap.swapId(), swap.groupId().value(), swap.proposerId().value(), swap.counterpartId().value(),
                swap.fromSlot().shiftTypeId().value(), swap.fromSlot().date(), Timestamp.from(swap.fromStart()), Timestamp.from(swap.fromEnd()),
                swap.toSlot() == null ? null : swap.toSlot().shiftTypeId().value(), swap.toSlot() == null ? null : swap.toSlot().date(),
                swap.toStart() == null ? null : Timestamp.from(swap.toStart()), swap.toEnd() == null ? null : Timestamp.from(swap.toEnd()));
    }

    public Optional<SwapInfo> swap(UUID swapId) {
        return jdbc.query("select * from ntf_swap where swap_id = ?", (rs, i) -> {
            UUID toType = rs.getObject("to_shift_type_id", UUID.class);
            return new SwapInfo(swapId, new GroupId(rs.getObject("group_id", UUID.class)),
                    new MemberId(rs.getObject("proposer_id", UUID.class)), new MemberId(rs.getObject("counterpart_id", UUID.class)),
                    new SlotKey(new ShiftTypeId(rs.getObject("from_shift_type_id", UUID.class)), rs.getObject("from_date", java.time.LocalDate.class)),
                    rs.getTimestamp("from_start").toInstant(), rs.getTimestamp("from_end").toInstant(),
                    toType == null ? null : new SlotKey(new ShiftTypeId(toType), rs.getObject("to_date", java.time.LocalDate.class)),
                    toType == null ? null : rs.getTimestamp("to_start").toInstant(),
                    toType == null ? null : rs.getTimestamp("to_end").toInstant());
        }, swapId).stream().findFirst();
    }

    public void coverageRequested(CoverageInfo request) {
        jdbc.update("""
                insert into ntf_coverage (request_id, group_id, shift_type_id, slot_date, starts_at, ends_at, requester_id, offered_to)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (request_id) do nothing
                """, ps -> {
            ps.setObject(1, request.requestId());
            ps.setObject(2, request.groupId().value());
            ps.setObject(3, request.slot().shiftTypeId().value());
            ps.setObject(4, request.slot().date());
            ps.setTimestamp(5, Timestamp.from(request.start()));
            ps.setTimestamp(6, Timestamp.from(request.end()));
            ps.setObject(7, request.requesterId() == null ? null : request.requesterId().value());
            ps.setArray(8, ps.getConnection().createArrayOf("uuid", request.offeredTo().stream().map(MemberId::value).toArray()));
        });
    }

    public Optional<CoverageInfo> coverage(UUID requestId) {
        return jdbc.query("select * from ntf_coverage where request_id = ?", (rs, i) -> {
            UUID requester = rs.getObject("requester_id", UUID.class);
            Object[] offered = (Object[]) rs.getArray("offered_to").getArray();
            return new CoverageInfo(requestId, new GroupId(rs.getObject("group_id", UUID.class)),
                    new SlotKey(new ShiftTypeId(rs.getObject("shift_type_id", UUID.class)), rs.getObject("slot_date", java.time.LocalDate.class)),
                    rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
                    requester == null ? null : new MemberId(requester),
                    java.util.Arrays.stream(offered).map(o -> new MemberId((UUID) o)).toList());
        }, requestId).stream().findFirst();
    }

    /** Events older than this never cause an SMS: the notifier did not exist yet. */
    public Instant epoch() {
        return BatchReads.EPOCH.read("epoch", () -> jdbc.queryForObject("select since from ntf_epoch", Timestamp.class).toInstant());
    }
}
