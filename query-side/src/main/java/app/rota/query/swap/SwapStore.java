package app.rota.query.swap;

import app.rota.kernel.common.ActorRef;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.member.MemberId;
import app.rota.kernel.member.MemberRef;
import app.rota.kernel.schedule.ShiftTypeId;
import app.rota.kernel.schedule.SlotRef;
import app.rota.kernel.swap.SwapId;
import app.rota.kernel.swap.SwapKind;
import app.rota.kernel.swap.SwapProposedEvent;
import app.rota.kernel.swap.SwapResponse;
import app.rota.kernel.swap.SwapResponse.HistoryEntry;
import app.rota.kernel.swap.SwapStatus;
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
 * The swaps' read-model tables, written by methods named after what happened. Every write is idempotent:
 * a swap row is inserted once, a later event changes it only if it is newer than the row's version, and a
 * history entry is keyed by the event's sequence number in the swap's stream.
 */
@Component
class SwapStore {

    /**
     * One event of a swap as the history records it: its sequence number in the swap's stream, when it
     * happened, who did it and for whom.
     */
    record Step(long sequence, Instant at, ActorRef actor, MemberId onBehalfOf) {

        /** The swap's version once this event is applied: its sequence number + 1. */
        long version() {
            return sequence + 1;
        }
    }

    /** A swap as stored: the real instants of its slots, to be shown in the group's zone. */
    record SwapRow(SwapId id, SwapKind kind, SwapStatus status, MemberRef proposer, MemberRef counterpart,
                   ShiftTypeId fromShiftTypeId, LocalDate fromDate, Instant fromStart, Instant fromEnd,
                   ShiftTypeId toShiftTypeId, LocalDate toDate, Instant toStart, Instant toEnd,
                   String reason, Instant createdAt, Instant expiresAt, Instant closedAt, String failureReason,
                   long version) {

        SwapResponse toResponse(ZoneId zone, List<HistoryEntry> history) {
            SlotRef to = toShiftTypeId == null ? null : slot(zone, toShiftTypeId, toDate, toStart, toEnd);
            return new SwapResponse(id, kind, status, proposer, counterpart,
                    slot(zone, fromShiftTypeId, fromDate, fromStart, fromEnd), to, reason, createdAt, expiresAt,
                    closedAt, failureReason, history, version);
        }

        private static SlotRef slot(ZoneId zone, ShiftTypeId type, LocalDate date, Instant start, Instant end) {
            return new SlotRef(type, date, start.atZone(zone).toOffsetDateTime(), end.atZone(zone).toOffsetDateTime());
        }
    }

    /** Which swaps of a group a list shows: {@code status} and {@code memberId} filter when not null. */
    record Filter(GroupId groupId, SwapStatus status, MemberId memberId) {
    }

    private static final String SWAP_COLUMNS = """
            s.id, s.kind, s.status, s.proposer_id, p.name, s.counterpart_id, c.name,
            s.from_shift_type_id, s.from_date, s.from_start, s.from_end,
            s.to_shift_type_id, s.to_date, s.to_start, s.to_end,
            s.reason, s.created_at, s.expires_at, s.closed_at, s.failure_reason, s.version
            from swap_view s
            left join swap_member p on p.id = s.proposer_id
            left join swap_member c on c.id = s.counterpart_id""";

    private final JdbcTemplate jdbc;

    SwapStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // ---- written by the projection

    void groupCreated(GroupId id, ZoneId zone) {
        jdbc.update("insert into swap_group (group_id, time_zone) values (?, ?) on conflict (group_id) do nothing",
                id.value(), zone.getId());
    }

    void memberAdded(MemberId id, GroupId groupId, String name) {
        jdbc.update("insert into swap_member (id, group_id, name) values (?, ?, ?) on conflict (id) do nothing",
                id.value(), groupId.value(), name);
    }

    void memberRenamed(MemberId id, String name) {
        jdbc.update("update swap_member set name = ? where id = ?", name, id.value());
    }

    void swapProposed(SwapProposedEvent e, Step step) {
        boolean trade = e.toSlot() != null;
        jdbc.update("""
                        insert into swap_view (id, group_id, kind, status, proposer_id, counterpart_id,
                            from_shift_type_id, from_date, from_start, from_end, to_shift_type_id, to_date, to_start, to_end,
                            reason, created_at, expires_at, version)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (id) do nothing""",
                e.swapId().value(), e.groupId().value(), e.kind().name(), SwapStatus.PROPOSED.name(),
                e.proposerId().value(), e.counterpartId().value(),
                e.fromSlot().shiftTypeId().value(), e.fromSlot().date(), timestamp(e.fromStart()), timestamp(e.fromEnd()),
                trade ? e.toSlot().shiftTypeId().value() : null, trade ? e.toSlot().date() : null,
                trade ? timestamp(e.toStart()) : null, trade ? timestamp(e.toEnd()) : null,
                e.reason(), timestamp(step.at()), timestamp(e.expiresAt()), step.version());
        recordHistory(e.swapId(), SwapStatus.PROPOSED, step);
    }

    /**
     * Accepted by the counterpart (or an admin for them): a history entry either way. The status becomes
     * ACCEPTED only when the acceptance waits for an admin; without approval the completion or failure
     * follows in the same transaction, so the swap is never shown ACCEPTED without an approval pending.
     */
    void swapAccepted(SwapId id, boolean awaitsApproval, Step step) {
        if (awaitsApproval) {
            jdbc.update("update swap_view set status = ?, version = ? where id = ? and version < ?",
                    SwapStatus.ACCEPTED.name(), step.version(), id.value(), step.version());
        } else {
            swapAdvanced(id, step);
        }
        recordHistory(id, SwapStatus.ACCEPTED, step);
    }

    /**
     * Approved by an admin: no history entry of its own, since the completion or failure that follows in
     * the same transaction is the approving admin's entry; only the version moves.
     */
    void swapApproved(SwapId id, Step step) {
        swapAdvanced(id, step);
    }

    private void swapAdvanced(SwapId id, Step step) {
        jdbc.update("update swap_view set version = ? where id = ? and version < ?", step.version(), id.value(), step.version());
    }

    /** Completed, declined, cancelled, rejected, expired or failed: the swap is closed at the event's time. */
    void swapEnded(SwapId id, SwapStatus ending, String failureReason, Step step) {
        jdbc.update("""
                        update swap_view set status = ?, closed_at = ?, failure_reason = ?, version = ?
                        where id = ? and version < ?""",
                ending.name(), timestamp(step.at()), failureReason, step.version(), id.value(), step.version());
        recordHistory(id, ending, step);
    }

    private void recordHistory(SwapId id, SwapStatus status, Step step) {
        ActorRef actor = step.actor();
        jdbc.update("""
                        insert into swap_history (swap_id, sequence, status, at, actor_name, actor_role, actor_source, on_behalf_of)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (swap_id, sequence) do nothing""",
                id.value(), step.sequence(), status.name(), timestamp(step.at()),
                actor == null ? null : actor.name(), actor == null ? null : actor.role(), actor == null ? null : actor.source(),
                step.onBehalfOf() == null ? null : step.onBehalfOf().value());
    }

    void reset() {
        jdbc.update("delete from swap_history");
        jdbc.update("delete from swap_view");
        jdbc.update("delete from swap_member");
        jdbc.update("delete from swap_group");
    }

    // ---- read by the query handlers

    /** The group's zone from the swaps' own table, never from another projection's (which may lag or replay). */
    Optional<ZoneId> zoneOf(GroupId groupId) {
        return jdbc.query("select time_zone from swap_group where group_id = ?",
                        (rs, i) -> ZoneId.of(rs.getString(1)), groupId.value())
                .stream().findFirst();
    }

    Optional<SwapRow> swap(GroupId groupId, SwapId id) {
        return jdbc.query("select " + SWAP_COLUMNS + " where s.id = ? and s.group_id = ?",
                SwapStore::swapRow, id.value(), groupId.value()).stream().findFirst();
    }

    /** One page of the filter's swaps, newest first (the later proposal first; ties by id). */
    List<SwapRow> swaps(Filter filter, int page, int size) {
        List<Object> arguments = new ArrayList<>();
        String where = where(filter, arguments);
        arguments.add(size);
        arguments.add((long) page * size);
        return jdbc.query("select " + SWAP_COLUMNS + where + " order by s.created_at desc, s.id desc limit ? offset ?",
                SwapStore::swapRow, arguments.toArray());
    }

    long count(Filter filter) {
        List<Object> arguments = new ArrayList<>();
        String where = where(filter, arguments);
        return jdbc.queryForObject("select count(*) from swap_view s" + where, Long.class, arguments.toArray());
    }

    private static String where(Filter filter, List<Object> arguments) {
        StringBuilder where = new StringBuilder(" where s.group_id = ?");
        arguments.add(filter.groupId().value());
        if (filter.status() != null) {
            where.append(" and s.status = ?");
            arguments.add(filter.status().name());
        }
        if (filter.memberId() != null) {
            where.append(" and (s.proposer_id = ? or s.counterpart_id = ?)");
            arguments.add(filter.memberId().value());
            arguments.add(filter.memberId().value());
        }
        return where.toString();
    }

    /** Each swap's history, oldest first. */
    Map<SwapId, List<HistoryEntry>> histories(Collection<SwapId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<SwapId, List<HistoryEntry>> histories = new LinkedHashMap<>();
        ids.forEach(id -> histories.put(id, new ArrayList<>()));
        jdbc.query("""
                        select swap_id, status, at, actor_name, actor_role, actor_source, on_behalf_of
                        from swap_history where swap_id in (%s) order by swap_id, sequence"""
                        .formatted(String.join(", ", Collections.nCopies(ids.size(), "?"))),
                (RowCallbackHandler) rs -> histories.get(new SwapId(rs.getObject(1, UUID.class))).add(historyEntry(rs)),
                ids.stream().map(SwapId::value).toArray());
        return histories;
    }

    private static HistoryEntry historyEntry(ResultSet rs) throws SQLException {
        String name = rs.getString(4);
        String role = rs.getString(5);
        String source = rs.getString(6);
        UUID onBehalfOf = rs.getObject(7, UUID.class);
        return new HistoryEntry(SwapStatus.valueOf(rs.getString(2)), instant(rs, 3),
                name == null && role == null && source == null ? null : new ActorRef(name, role, source),
                onBehalfOf == null ? null : new MemberId(onBehalfOf));
    }

    private static SwapRow swapRow(ResultSet rs, int i) throws SQLException {
        MemberId proposer = new MemberId(rs.getObject(4, UUID.class));
        MemberId counterpart = new MemberId(rs.getObject(6, UUID.class));
        UUID toShiftType = rs.getObject(12, UUID.class);
        return new SwapRow(new SwapId(rs.getObject(1, UUID.class)), SwapKind.valueOf(rs.getString(2)),
                SwapStatus.valueOf(rs.getString(3)), new MemberRef(proposer, rs.getString(5)),
                new MemberRef(counterpart, rs.getString(7)),
                new ShiftTypeId(rs.getObject(8, UUID.class)), rs.getObject(9, LocalDate.class), instant(rs, 10), instant(rs, 11),
                toShiftType == null ? null : new ShiftTypeId(toShiftType), rs.getObject(13, LocalDate.class),
                instant(rs, 14), instant(rs, 15),
                rs.getString(16), instant(rs, 17), instant(rs, 18), instant(rs, 19), rs.getString(20), rs.getLong(21));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
