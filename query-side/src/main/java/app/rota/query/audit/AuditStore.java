package app.rota.query.audit;

import app.rota.kernel.audit.AuditEntry;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.member.MemberId;
import app.rota.kernel.member.MemberRef;
import app.rota.kernel.schedule.ShiftTypeId;
import app.rota.kernel.schedule.SlotKey;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The audit log's tables: its entries (with the members each concerns) and the little directory the
 * projection keeps to describe events, written by methods named after what happened. An entry is keyed by
 * its event's id, so a redelivered or replayed event adds nothing; directory writes are idempotent.
 */
@Component
class AuditStore {

    /** A member as the directory knows them. */
    record MemberRow(MemberId id, GroupId groupId, String name, String role) {
    }

    /** A shift type as the directory knows it. */
    record ShiftTypeRow(ShiftTypeId id, String name, String daysOfWeek) {
    }

    /** A swap as the directory knows it: its kind, status, parties and slots ({@code to} null for a give-away). */
    record SwapRow(String kind, String status, MemberId proposer, MemberId counterpart, SlotKey from, SlotKey to) {
    }

    /** A coverage request as the directory knows it. */
    record CoverageRow(String status, MemberId requester, MemberId claimant) {
    }

    /** An entry ready to be stored: what the event was, plus everything the projection derived from it. */
    record NewEntry(String eventId, long position, GroupId groupId, Instant at, String type, AuditEntry.Actor actor,
                    MemberRef onBehalfOf, String correlationId, String summary, SlotKey slot, Map<String, Object> before,
                    Map<String, Object> after, String reason, Set<MemberId> concerns) {
    }

    /** What a page of the log shows: every field may be null (no filter); {@code from} inclusive, {@code to} exclusive. */
    record Filter(GroupId groupId, Instant from, Instant to, MemberId memberId, ShiftTypeId shiftTypeId, LocalDate date,
                  String type) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;

    AuditStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // ---- the entries

    /** Stores the entry and the members it concerns; an entry already stored (same event id) is left as it is. */
    void recordEntry(NewEntry entry) {
        AuditEntry.Actor actor = entry.actor();
        int inserted = jdbc.update("""
                        insert into audit_entry (event_id, position, group_id, at, type, actor_member_id, actor_name, actor_role,
                            actor_source, on_behalf_of, on_behalf_of_name, correlation_id, summary, shift_type_id, slot_date,
                            before_json, after_json, reason)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (event_id) do nothing""",
                entry.eventId(), entry.position(), entry.groupId().value(), Timestamp.from(entry.at()), entry.type(),
                actor == null || actor.memberId() == null ? null : actor.memberId().value(),
                actor == null ? null : actor.name(), actor == null ? null : actor.role(), actor == null ? null : actor.source(),
                entry.onBehalfOf() == null ? null : entry.onBehalfOf().memberId().value(),
                entry.onBehalfOf() == null ? null : entry.onBehalfOf().name(),
                entry.correlationId(), entry.summary(),
                entry.slot() == null ? null : entry.slot().shiftTypeId().value(), entry.slot() == null ? null : entry.slot().date(),
                json(entry.before()), json(entry.after()), entry.reason());
        if (inserted == 0 || entry.concerns().isEmpty()) {
            return;
        }
        List<Object[]> members = new ArrayList<>();
        for (MemberId member : entry.concerns()) {
            members.add(new Object[] {entry.eventId(), member.value(), entry.groupId().value(), entry.position()});
        }
        jdbc.batchUpdate("""
                insert into audit_entry_member (event_id, member_id, group_id, position) values (?, ?, ?, ?)
                on conflict (event_id, member_id) do nothing""", members);
    }

    // ---- the directory

    void groupCreated(GroupId id, String name, ZoneId zone) {
        jdbc.update("insert into audit_group (group_id, name, time_zone) values (?, ?, ?) on conflict (group_id) do nothing",
                id.value(), name, zone.getId());
    }

    void memberAdded(MemberId id, GroupId groupId, String name, String role) {
        jdbc.update("insert into audit_member (id, group_id, name, role) values (?, ?, ?, ?) on conflict (id) do nothing",
                id.value(), groupId.value(), name, role);
    }

    void memberChanged(MemberId id, String name, String role) {
        jdbc.update("update audit_member set name = ?, role = ? where id = ?", name, role, id.value());
    }

    void shiftTypeDefined(ShiftTypeId id, GroupId groupId, String name, String daysOfWeek) {
        jdbc.update("""
                        insert into audit_shift_type (id, group_id, name, days_of_week) values (?, ?, ?, ?)
                        on conflict (id) do nothing""",
                id.value(), groupId.value(), name, daysOfWeek);
    }

    void shiftTypeChanged(ShiftTypeId id, String name, String daysOfWeek) {
        jdbc.update("update audit_shift_type set name = ?, days_of_week = ? where id = ?", name, daysOfWeek, id.value());
    }

    void swapProposed(UUID id, GroupId groupId, String kind, MemberId proposer, MemberId counterpart, SlotKey from, SlotKey to) {
        jdbc.update("""
                        insert into audit_swap (id, group_id, kind, status, proposer_id, counterpart_id, from_shift_type, from_date,
                            to_shift_type, to_date)
                        values (?, ?, ?, 'PROPOSED', ?, ?, ?, ?, ?, ?)
                        on conflict (id) do nothing""",
                id, groupId.value(), kind, proposer.value(), counterpart.value(), from.shiftTypeId().value(), from.date(),
                to == null ? null : to.shiftTypeId().value(), to == null ? null : to.date());
    }

    void swapStatusChanged(UUID id, String status) {
        jdbc.update("update audit_swap set status = ? where id = ?", status, id);
    }

    void coverageRequested(UUID id, GroupId groupId, SlotKey slot, MemberId requester) {
        jdbc.update("""
                        insert into audit_coverage (id, group_id, status, shift_type_id, slot_date, requester_id)
                        values (?, ?, 'OPEN', ?, ?, ?)
                        on conflict (id) do nothing""",
                id, groupId.value(), slot.shiftTypeId().value(), slot.date(), requester == null ? null : requester.value());
    }

    void coverageChanged(UUID id, String status, MemberId claimant) {
        jdbc.update("update audit_coverage set status = ?, claimant_id = ? where id = ?", status,
                claimant == null ? null : claimant.value(), id);
    }

    void reset() {
        jdbc.update("delete from audit_entry_member");
        jdbc.update("delete from audit_entry");
        jdbc.update("delete from audit_coverage");
        jdbc.update("delete from audit_swap");
        jdbc.update("delete from audit_shift_type");
        jdbc.update("delete from audit_member");
        jdbc.update("delete from audit_group");
    }

    // ---- read by the projection and the query handler

    Optional<ZoneId> zoneOf(GroupId groupId) {
        return jdbc.query("select time_zone from audit_group where group_id = ?", (rs, i) -> ZoneId.of(rs.getString(1)),
                groupId.value()).stream().findFirst();
    }

    Optional<MemberRow> member(MemberId id) {
        if (id == null) {
            return Optional.empty();
        }
        return jdbc.query("select id, group_id, name, role from audit_member where id = ?",
                (rs, i) -> new MemberRow(new MemberId(rs.getObject(1, UUID.class)), new GroupId(rs.getObject(2, UUID.class)),
                        rs.getString(3), rs.getString(4)), id.value()).stream().findFirst();
    }

    Optional<ShiftTypeRow> shiftType(ShiftTypeId id) {
        return jdbc.query("select id, name, days_of_week from audit_shift_type where id = ?",
                (rs, i) -> new ShiftTypeRow(new ShiftTypeId(rs.getObject(1, UUID.class)), rs.getString(2), rs.getString(3)),
                id.value()).stream().findFirst();
    }

    Optional<SwapRow> swap(UUID id) {
        return jdbc.query("""
                        select kind, status, proposer_id, counterpart_id, from_shift_type, from_date, to_shift_type, to_date
                        from audit_swap where id = ?""",
                (rs, i) -> new SwapRow(rs.getString(1), rs.getString(2), new MemberId(rs.getObject(3, UUID.class)),
                        new MemberId(rs.getObject(4, UUID.class)), slot(rs, 5, 6), slot(rs, 7, 8)), id).stream().findFirst();
    }

    Optional<CoverageRow> coverage(UUID id) {
        return jdbc.query("select status, requester_id, claimant_id from audit_coverage where id = ?",
                (rs, i) -> new CoverageRow(rs.getString(1), memberId(rs, 2), memberId(rs, 3)), id).stream().findFirst();
    }

    /**
     * One page of the filter's entries, newest first (highest global position first): the page's event ids
     * from an index (every index of audit_entry carries event_id and at), then only those rows.
     */
    List<AuditEntry> entries(Filter filter, int page, int size) {
        List<Object> arguments = new ArrayList<>();
        String where = where(filter, arguments);
        arguments.add(size);
        arguments.add((long) page * size);
        return jdbc.query("""
                        with page as (select e.event_id, e.position from audit_entry e""" + where + """
                         order by e.position desc limit ? offset ?)
                        select e.event_id, e.position, e.at, e.type, e.actor_member_id, e.actor_name, e.actor_role, e.actor_source,
                            e.on_behalf_of, e.on_behalf_of_name, e.correlation_id, e.summary, e.shift_type_id, e.slot_date,
                            e.before_json, e.after_json, e.reason
                        from page p join audit_entry e on e.event_id = p.event_id
                        order by p.position desc""",
                (rs, i) -> entry(rs), arguments.toArray());
    }

    long count(Filter filter) {
        List<Object> arguments = new ArrayList<>();
        Long count = jdbc.queryForObject("select count(*) from audit_entry e" + where(filter, arguments), Long.class,
                arguments.toArray());
        return count == null ? 0 : count;
    }

    private static String where(Filter filter, List<Object> arguments) {
        StringBuilder where = new StringBuilder(" where e.group_id = ?");
        arguments.add(filter.groupId().value());
        if (filter.from() != null) {
            where.append(" and e.at >= ?");
            arguments.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            where.append(" and e.at < ?");
            arguments.add(Timestamp.from(filter.to()));
        }
        if (filter.memberId() != null) {
            where.append(" and e.event_id in (select m.event_id from audit_entry_member m where m.group_id = ? and m.member_id = ?)");
            arguments.add(filter.groupId().value());
            arguments.add(filter.memberId().value());
        }
        if (filter.shiftTypeId() != null) {
            where.append(" and e.shift_type_id = ?");
            arguments.add(filter.shiftTypeId().value());
        }
        if (filter.date() != null) {
            where.append(" and e.slot_date = ?");
            arguments.add(filter.date());
        }
        if (filter.type() != null) {
            where.append(" and e.type = ?");
            arguments.add(filter.type());
        }
        return where.toString();
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        String source = rs.getString("actor_source");
        String name = rs.getString("actor_name");
        String role = rs.getString("actor_role");
        MemberId actorMember = memberId(rs, 5);
        AuditEntry.Actor actor = source == null && name == null && role == null && actorMember == null
                ? null : new AuditEntry.Actor(actorMember, name, role, source);
        MemberId onBehalfOf = memberId(rs, 9);
        return new AuditEntry(rs.getString("event_id"), rs.getLong("position"), rs.getTimestamp("at").toInstant(),
                rs.getString("type"), actor, onBehalfOf == null ? null : new MemberRef(onBehalfOf, rs.getString("on_behalf_of_name")),
                rs.getString("correlation_id"), rs.getString("summary"), slot(rs, 13, 14),
                map(rs.getString("before_json")), map(rs.getString("after_json")), rs.getString("reason"));
    }

    private static SlotKey slot(ResultSet rs, int shiftTypeColumn, int dateColumn) throws SQLException {
        UUID shiftType = rs.getObject(shiftTypeColumn, UUID.class);
        LocalDate date = rs.getObject(dateColumn, LocalDate.class);
        return shiftType == null || date == null ? null : new SlotKey(new ShiftTypeId(shiftType), date);
    }

    private static MemberId memberId(ResultSet rs, int column) throws SQLException {
        UUID id = rs.getObject(column, UUID.class);
        return id == null ? null : new MemberId(id);
    }

    private static String json(Map<String, Object> value) {
        return value == null ? null : JSON.writeValueAsString(value);
    }

    private static Map<String, Object> map(String json) {
        return json == null ? null : JSON.readValue(json, JSON_OBJECT);
    }
}
