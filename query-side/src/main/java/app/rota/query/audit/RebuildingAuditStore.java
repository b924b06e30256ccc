package app.rota.query.audit;

import app.rota.kernel.group.GroupId;
import app.rota.kernel.member.MemberId;
import app.rota.kernel.schedule.ShiftTypeId;
import app.rota.kernel.schedule.SlotKey;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The audit store a rebuild writes through: the directory (groups' zones, members, shift types, swaps, coverage
 * requests) is written to its tables and kept in memory too, so that the audit's handlers, which look the directory
 * up for almost every event, do not stop the rebuild's batched writes with a read each time. Only the rebuild
 * writes its tables, so memory and tables agree; a read not in memory (after a rollback the rebuild starts a fresh
 * instance) goes to the table. Each group, member, shift type, swap and request is created by the first event of
 * its aggregate, so a creation is never one the table holds already.
 */
class RebuildingAuditStore extends AuditStore {

    private final Map<GroupId, ZoneId> zones = new HashMap<>();
    private final Map<MemberId, MemberRow> members = new HashMap<>();
    private final Map<ShiftTypeId, ShiftTypeRow> shiftTypes = new HashMap<>();
    private final Map<UUID, SwapRow> swaps = new HashMap<>();
    private final Map<UUID, CoverageRow> coverage = new HashMap<>();

    RebuildingAuditStore(JdbcTemplate jdbc) {
        super(jdbc);
    }

    @Override
    void groupCreated(GroupId id, String name, ZoneId zone) {
        super.groupCreated(id, name, zone);
        zones.putIfAbsent(id, zone);
    }

    @Override
    void memberAdded(MemberId id, GroupId groupId, String name, String role) {
        super.memberAdded(id, groupId, name, role);
        members.putIfAbsent(id, new MemberRow(id, groupId, name, role));
    }

    @Override
    void memberChanged(MemberId id, String name, String role) {
        super.memberChanged(id, name, role);
        member(id).ifPresent(was -> members.put(id, new MemberRow(id, was.groupId(), name, role)));
    }

    @Override
    void shiftTypeDefined(ShiftTypeId id, GroupId groupId, String name, String daysOfWeek) {
        super.shiftTypeDefined(id, groupId, name, daysOfWeek);
        shiftTypes.putIfAbsent(id, new ShiftTypeRow(id, name, daysOfWeek));
    }

    @Override
    void shiftTypeChanged(ShiftTypeId id, String name, String daysOfWeek) {
        super.shiftTypeChanged(id, name, daysOfWeek);
        shiftType(id).ifPresent(was -> shiftTypes.put(id, new ShiftTypeRow(id, name, daysOfWeek)));
    }

    @Override
    void swapProposed(UUID id, GroupId groupId, String kind, MemberId proposer, MemberId counterpart, SlotKey from, SlotKey to) {
        super.swapProposed(id, groupId, kind, proposer, counterpart, from, to);
        swaps.putIfAbsent(id, new SwapRow(kind, "PROPOSED", proposer, counterpart, from, to));
    }

    @Override
    void swapStatusChanged(UUID id, String status) {
        super.swapStatusChanged(id, status);
        swap(id).ifPresent(was -> swaps.put(id, new SwapRow(was.kind(), status, was.proposer(), was.counterpart(), was.from(), was.to())));
    }

    @Override
    void coverageRequested(UUID id, GroupId groupId, SlotKey slot, MemberId requester) {
        super.coverageRequested(id, groupId, slot, requester);
        coverage.putIfAbsent(id, new CoverageRow("OPEN", requester, null));
    }

    @Override
    void coverageChanged(UUID id, String status, MemberId claimant) {
        super.coverageChanged(id, status, claimant);
        coverage(id).ifPresent(was -> coverage.put(id, new CoverageRow(status, was.requester(), claimant)));
    }

    @Override
    Optional<ZoneId> zoneOf(GroupId groupId) {
        return remembered(zones, groupId, super::zoneOf);
    }

    @Override
    Optional<MemberRow> member(MemberId id) {
        return id == null ? Optional.empty() : remembered(members, id, super::member);
    }

    @Override
    Optional<ShiftTypeRow> shiftType(ShiftTypeId id) {
        return remembered(shiftTypes, id, super::shiftType);
    }

    @Override
    Optional<SwapRow> swap(UUID id) {
        return remembered(swaps, id, super::swap);
    }

    @Override
    Optional<CoverageRow> coverage(UUID id) {
        return remembered(coverage, id, super::coverage);
    }

    /** From memory, else from the table (and then remembered); what neither holds is not remembered as absent. */
    private static <K, V> Optional<V> remembered(Map<K, V> memory, K key, Function<K, Optional<V>> table) {
        V known = memory.get(key);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<V> read = table.apply(key);
        read.ifPresent(value -> memory.put(key, value));
        return read;
    }
}
