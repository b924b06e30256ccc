package app.rota.command.slot;

import app.rota.command.tables.CommandTables;
import app.rota.kernel.coverage.CoverageEndedEvent;
import app.rota.kernel.coverage.CoverageRequestedEvent;
import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.error.RotaException;
import app.rota.kernel.schedule.SlotKey;
import app.rota.kernel.swap.SwapEndedEvent;
import app.rota.kernel.swap.SwapProposedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Which slots are held by a pending swap (next: coverage request), table {@code cmd_pending_slot}: a
 * slot is in at most one at a time. {@link #requireFree} locks each slot (in key order) before it
 * looks, so of two requests for one slot the second sees the first; the primary key is the backstop.
 */
@Component
@ProcessingGroup(CommandTables.PROCESSING_GROUP)
public class PendingSlots {

    private static final int LOCK_SPACE = 0x524F5453;
    private static final String SWAP = "SWAP";
    private static final String COVERAGE = "COVERAGE";

    private final JdbcTemplate jdbc;

    PendingSlots(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(SwapProposedEvent event) {
        Stream.of(event.fromSlot(), event.toSlot()).filter(Objects::nonNull).forEach(slot -> {
            try {
                jdbc.update("insert into cmd_pending_slot (slot_key, group_id, owner_kind, owner_id) values (?, ?, ?, ?)",
                        slot.toString(), event.groupId().value(), SWAP, event.swapId().value());
            } catch (DuplicateKeyException alreadyPending) {
                throw pending(slot);
            }
        });
    }

    @EventHandler
    void on(SwapEndedEvent event) {
        released(event.swapId().value());
    }

    @EventHandler
    void on(CoverageRequestedEvent event) {
        try {
            jdbc.update("insert into cmd_pending_slot (slot_key, group_id, owner_kind, owner_id) values (?, ?, ?, ?)",
                    event.slot().toString(), event.groupId().value(), COVERAGE, event.requestId().value());
        } catch (DuplicateKeyException alreadyPending) {
            throw pending(event.slot());
        }
    }

    @EventHandler
    void on(CoverageEndedEvent event) {
        released(event.requestId().value());
    }

    private void released(UUID owner) {
        jdbc.update("delete from cmd_pending_slot where owner_id = ?", owner);
    }

    /** How many coverage requests are open (or claimed, awaiting approval) right now. */
    public long openCoverageRequests() {
        return jdbc.queryForObject("select count(*) from cmd_pending_slot where owner_kind = ?", Long.class, COVERAGE);
    }

    /** Refuses with {@code SLOT_PENDING} if any of the slots is in a pending swap or coverage request. */
    public void requireFree(List<SlotKey> slots) {
        List<SlotKey> ordered = slots.stream().filter(Objects::nonNull).sorted(Comparator.comparing(SlotKey::toString)).toList();
        for (SlotKey slot : ordered) {
            jdbc.queryForObject("select pg_advisory_xact_lock(?, ?)", Object.class, LOCK_SPACE, slot.toString().hashCode());
        }
        for (SlotKey slot : ordered) {
            if (!jdbc.queryForList("select 1 from cmd_pending_slot where slot_key = ?", Integer.class, slot.toString()).isEmpty()) {
                throw pending(slot);
            }
        }
    }

    private static RotaException pending(SlotKey slot) {
        return new RotaException(ErrorCode.SLOT_PENDING, null,
                "Slot " + slot + " is already in a pending swap or coverage request.");
    }
}
