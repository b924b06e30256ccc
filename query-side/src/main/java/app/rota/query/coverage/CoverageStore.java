package app.rota.query.coverage;

import app.rota.kernel.common.ActorRef;
import app.rota.kernel.coverage.CoverageRequestId;
import app.rota.kernel.coverage.CoverageRequestResponse;
import app.rota.kernel.coverage.CoverageRequestResponse.HistoryEntry;
import app.rota.kernel.coverage.CoverageRequestedEvent;
import app.rota.kernel.coverage.CoverageStatus;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.member.MemberId;
import app.rota.kernel.member.MemberRef;
import app.rota.kernel.schedule.ShiftTypeId;
import app.rota.kernel.schedule.SlotRef;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The coverage requests' read-model tables, written by methods named after what happened. Every write is
 * idempotent: a request row (with its offered-to members) is inserted once, a later event changes it only
 * if it is newer than the row's version, and a history entry is keyed by the event's sequence number in
 * the request's stream.
 */
@Component
class CoverageStore {

    /**
     * One event of a request as the history records it: its sequence number in the request's stream, when
     * it happened, who did it and for whom.
     */
    record Step(long sequence, Instant at, ActorRef actor, MemberId onBehalfOf) {

        /** The request's version once this event is applied: its sequence number + 1. */
        long version() {
            return sequence + 1;
        }
    }

    /** A request as stored: the real instants of its slot, to be shown in the group's zone. */
    record RequestRow(CoverageRequestId id, CoverageStatus status, ShiftTypeId shiftTypeId, LocalDate date,
                      Instant start, Instant end, MemberRef requester, MemberRef claimant, String reason,
                      Instant createdAt, Instant escalatesAt, Instant escalatedAt, Instant closedAt, long version) {

        CoverageRequestResponse toResponse(ZoneId zone, List<MemberRef> offeredTo, List<HistoryEntry> history) {
            SlotRef slot = new SlotRef(shiftTypeId, date, start.atZone(zone).toOffsetDateTime(), end.atZone(zone).toOffsetDateTime());
            return new CoverageRequestResponse(id, status, slot, requester, claimant, offeredTo, reason, createdAt,
                    escalatesAt, escalatedAt, closedAt, history, version);
        }
    }

    /** Which requests of a group a list shows: {@code status} filters when not null. */
    record Filter(GroupId groupId, CoverageStatus status) {
    }

    private static final String REQUEST_COLUMNS = """
            r.id, r.status, r.shift_type_id, r.slot_date, r.slot_start, r.slot_end,
            r.requester_id, q.name, r.claimant_id, c.name,
            r.reason, r.created_at, r.escalates_at, r.escalated_at, r.closed_at, r.version
            from coverage_request_view r
            left join coverage_member q on q.id = r.requester_id
            left join coverage_member c on c.id = r.claimant_id""";

    private final JdbcTemplate jdbc;

    CoverageStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // ---- written by the projection

    void groupCreated(GroupId id, ZoneId zone) {
        jdbc.update("insert into coverage_group (group_id, time_zone) values (?, ?) on conflict (group_id) do nothing",
                id.value(), zone.getId());
    }

    void memberAdded(MemberId id, GroupId groupId, String name) {
        jdbc.update("insert into coverage_member (id, group_id, name) values (?, ?, ?) on conflict (id) do nothing",
                id.value(), groupId.value(), name);
    }

    void memberRenamed(MemberId id, String name) {
        jdbc.update("update coverage_member set name = ? where id = ?", name, id.value());
    }

    /** Asked for by the slot's holder (or an admin for them), or posted by an admin as an open shift (no requester). */
    void coverageRequested(CoverageRequestedEvent e, Step step) {
        jdbc.update("""
                        insert into coverage_request_view (id, group_id, status, shift_type_id, slot_date, slot_start, slot_end,
                            requester_id, reason, created_at, escalates_at, version)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (id) do nothing""",
                e.requestId().value(), e.groupId().value(), CoverageStatus.OPEN.name(),
                e.slot().shiftTypeId().value(), e.slot().date(), timestamp(e.start()), timestamp(e.end()),
                e.requesterId() == null ? null : e.requesterId().value(), e.reason(), timestamp(step.at()),
                timestamp(e.escalatesAt()), step.version());
        List<MemberId> offeredTo = e.offeredTo() == null ? List.of() : e.offeredTo();
        List<Object[]> offered = new ArrayList<>();
        for (int i = 0; i < offeredTo.size(); i++) {
            offered.add(new Object[] {e.requestId().value(), i, offeredTo.get(i).value()});
        }
        if (!offered.isEmpty()) {
            jdbc.batchUpdate("""
                    insert into coverage_offered (request_id, position, member_id) values (?, ?, ?)
                    on conflict (request_id, position) do nothing""", offered);
        }
        recordHistory(e.requestId(), CoverageStatus.OPEN, step);
    }

    /**
     * Claimed by a member (or an admin for them): a CLAIMED history entry either way, and the claimant is
     * shown. The status becomes CLAIMED only when the claim waits for an admin; without approval the
     * COVERED step follows in the same transaction, so the request is never shown CLAIMED without an
     * approval pending.
     */
    void coverageClaimed(CoverageRequestId id, MemberId claimant, boolean awaitsApproval, Step step) {
        if (awaitsApproval) {
            jdbc.update("update coverage_request_view set status = ?, claimant_id = ?, version = ? where id = ? and version < ?",
                    CoverageStatus.CLAIMED.name(), claimant.value(), step.version(), id.value(), step.version());
        } else {
            jdbc.update("update coverage_request_view set claimant_id = ?, version = ? where id = ? and version < ?",
                    claimant.value(), step.version(), id.value(), step.version());
        }
        recordHistory(id, CoverageStatus.CLAIMED, step);
    }

    /**
     * Approved by an admin: no history entry of its own, since the COVERED step that follows in the same
     * transaction is the approving admin's entry; only the version moves.
     */
    void coverageApproved(CoverageRequestId id, Step step) {
        jdbc.update("update coverage_request_view set version = ? where id = ? and version < ?",
                step.version(), id.value(), step.version());
    }

    /** The claim rejected by an admin: OPEN again, with no claimant, and an OPEN history entry by that admin. */
    void claimRejected(CoverageRequestId id, Step step) {
        jdbc.update("""
                        update coverage_request_view set status = ?, claimant_id = null, version = ?
                        where id = ? and version < ?""",
                CoverageStatus.OPEN.name(), step.version(), id.value(), step.version());
        recordHistory(id, CoverageStatus.OPEN, step);
    }

    /**
     * Still open at {@code escalatesAt}: the admins were told. Not a status step, so no history entry: the
     * request stays OPEN and shows {@code escalatedAt}, the event's time.
     */
    void coverageEscalated(CoverageRequestId id, Step step) {
        jdbc.update("update coverage_request_view set escalated_at = ?, version = ? where id = ? and version < ?",
                timestamp(step.at()), step.version(), id.value(), step.version());
    }

    /** Covered by the claimant: closed at the event's time (the slot moved to them in the same transaction). */
    void coverageCovered(CoverageRequestId id, MemberId claimant, Step step) {
        jdbc.update("""
                        update coverage_request_view set status = ?, claimant_id = ?, closed_at = ?, version = ?
                        where id = ? and version < ?""",
                CoverageStatus.COVERED.name(), claimant.value(), timestamp(step.at()), step.version(), id.value(), step.version());
        recordHistory(id, CoverageStatus.COVERED, step);
    }

    /** Cancelled or unfilled: closed at the event's time; a claimant awaiting approval stays shown. */
    void coverageEnded(CoverageRequestId id, CoverageStatus ending, Step step) {
        jdbc.update("""
                        update coverage_request_view set status = ?, closed_at = ?, version = ?
                        where id = ? and version < ?""",
                ending.name(), timestamp(step.at()), step.version(), id.value(), step.version());
        recordHistory(id, ending, step);
    }

    private void recordHistory(CoverageRequestId id, CoverageStatus status, Step step) {
        ActorRef actor = step.actor();
        jdbc.update("""
                        insert into coverage_history (request_id, sequence, status, at, actor_name, actor_role, actor_source,
                            on_behalf_of)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (request_id, sequence) do nothing""",
                id.value(), step.sequence(), status.name(), timestamp(step.at()),
                actor == null ? null : actor.name(), actor == null ? null : actor.role(), actor == null ? null : actor.source(),
                step.onBehalfOf() == null ? null : step.onBehalfOf().value());
    }

    void reset() {
        jdbc.update("delete from coverage_history");
        jdbc.update("delete from coverage_offered");
        jdbc.update("delete from coverage_request_view");
        jdbc.update("delete from coverage_member");
        jdbc.update("delete from coverage_group");
    }

    // ---- read by the query handlers

    /** The group's zone from the coverage projection's own table, never from another projection's. */
    Optional<ZoneId> zoneOf(GroupId groupId) {
        return jdbc.query("select time_zone from coverage_group where group_id = ?",
                        (rs, i) -> ZoneId.of(rs.getString(1)), groupId.value())
                .stream().findFirst();
    }

    Optional<RequestRow> request(GroupId groupId, CoverageRequestId id) {
        return jdbc.query("select " + REQUEST_COLUMNS + " where r.id = ? and r.group_id = ?",
                CoverageStore::requestRow, id.value(), groupId.value()).stream().findFirst();
    }

    /** One page of the filter's requests, newest first (the later request first; ties by id). */
    List<RequestRow> requests(Filter filter, int page, int size) {
        List<Object> arguments = new ArrayList<>();
        String where = where(filter, arguments);
        arguments.add(size);
        arguments.add((long) page * size);
        return jdbc.query("select " + REQUEST_COLUMNS + where + " order by r.created_at desc, r.id desc limit ? offset ?",
                CoverageStore::requestRow, arguments.toArray());
    }

    long count(Filter filter) {
        List<Object> arguments = new ArrayList<>();
        String where = where(filter, arguments);
        return jdbc.queryForObject("select count(*) from coverage_request_view r" + where, Long.class, arguments.toArray());
    }

    private static String where(Filter filter, List<Object> arguments) {
        StringBuilder where = new StringBuilder(" where r.group_id = ?");
        arguments.add(filter.groupId().value());
        if (filter.status() != null) {
            where.append(" and r.status = ?");
            arguments.add(filter.status().name());
        }
        return where.toString();
    }

    /** Each request's offered-to members by their current names, in the order the request listed them. */
    Map<CoverageRequestId, List<MemberRef>> offeredTo(Collection<CoverageRequestId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<CoverageRequestId, List<MemberRef>> offered = new LinkedHashMap<>();
        ids.forEach(id -> offered.put(id, new ArrayList<>()));
        jdbc.query("""
                        select o.request_id, o.member_id, m.name
                        from coverage_offered o left join coverage_member m on m.id = o.member_id
                        where o.request_id in (%s) order by o.request_id, o.position"""
                        .formatted(placeholders(ids.size())),
                (RowCallbackHandler) rs -> offered.get(new CoverageRequestId(rs.getObject(1, UUID.class)))
                        .add(new MemberRef(new MemberId(rs.getObject(2, UUID.class)), rs.getString(3))),
                ids.stream().map(CoverageRequestId::value).toArray());
        return offered;
    }

    /** Each request's history, oldest first. */
    Map<CoverageRequestId, List<HistoryEntry>> histories(Collection<CoverageRequestId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<CoverageRequestId, List<HistoryEntry>> histories = new LinkedHashMap<>();
        ids.forEach(id -> histories.put(id, new ArrayList<>()));
        jdbc.query("""
                        select request_id, status, at, actor_name, actor_role, actor_source, on_behalf_of
                        from coverage_history where request_id in (%s) order by request_id, sequence"""
                        .formatted(placeholders(ids.size())),
                (RowCallbackHandler) rs -> histories.get(new CoverageRequestId(rs.getObject(1, UUID.class))).add(historyEntry(rs)),
                ids.stream().map(CoverageRequestId::value).toArray());
        return histories;
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    private static HistoryEntry historyEntry(ResultSet rs) throws SQLException {
        String name = rs.getString(4);
        String role = rs.getString(5);
        String source = rs.getString(6);
        UUID onBehalfOf = rs.getObject(7, UUID.class);
        return new HistoryEntry(CoverageStatus.valueOf(rs.getString(2)), instant(rs, 3),
                name == null && role == null && source == null ? null : new ActorRef(name, role, source),
                onBehalfOf == null ? null : new MemberId(onBehalfOf));
    }

    private static RequestRow requestRow(ResultSet rs, int i) throws SQLException {
        return new RequestRow(new CoverageRequestId(rs.getObject(1, UUID.class)), CoverageStatus.valueOf(rs.getString(2)),
                new ShiftTypeId(rs.getObject(3, UUID.class)), rs.getObject(4, LocalDate.class), instant(rs, 5), instant(rs, 6),
                member(rs, 7, 8), member(rs, 9, 10),
                rs.getString(11), instant(rs, 12), instant(rs, 13), instant(rs, 14), instant(rs, 15), rs.getLong(16));
    }

    private static MemberRef member(ResultSet rs, int idColumn, int nameColumn) throws SQLException {
        UUID id = rs.getObject(idColumn, UUID.class);
        return id == null ? null : new MemberRef(new MemberId(id), rs.getString(nameColumn));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
