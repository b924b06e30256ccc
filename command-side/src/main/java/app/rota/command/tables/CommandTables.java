package app.rota.command.tables;

import app.rota.command.group.GroupDirectory;
import app.rota.command.member.MemberDirectory;
import app.rota.command.member.TimeOffRegister;
import app.rota.command.shifttype.ShiftTypeCatalogue;
import app.rota.command.slot.Bookings;
import app.rota.command.slot.PendingSlots;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The command side's own tables (groups' zones and holidays, the member directory, time off, the
 * shift-type catalogue, bookings): what set-wide rules read. Their event handlers form the processing
 * group {@value #PROCESSING_GROUP}, a subscribing processor, so each table changes in the transaction
 * of the command whose events change it. Being fed only by events, the tables can be rebuilt from the
 * event store at any time ({@link #rebuild()}).
 */
@Component
public class CommandTables {

    public static final String PROCESSING_GROUP = "command-tables";

    /**
     * The advisory lock (its own key space) that a rebuild takes exclusively and every command shares
     * ({@link CommandTablesGuard}): a rebuild waits for the commands in flight and commands wait for it,
     * before either touches a table, so they never deadlock on the tables' own locks.
     */
    static final int REBUILD_LOCK_SPACE = 0x524F5442;
    static final int REBUILD_LOCK = 0;

    private static final String TABLES = "cmd_pending_slot, cmd_time_off, cmd_booking, cmd_member, cmd_shift_type, cmd_group";

    public record Rebuilt(long events) {
    }

    private final JdbcTemplate jdbc;
    private final EventStorageEngine eventStore;
    private final List<AnnotationEventHandlerAdapter> handlers;

    CommandTables(JdbcTemplate jdbc, EventStorageEngine events, GroupDirectory groups, MemberDirectory members,
                  TimeOffRegister timeOff, ShiftTypeCatalogue shiftTypes, Bookings bookings, PendingSlots pendingSlots) {
        this.jdbc = jdbc;
        this.eventStore = events;
        this.handlers = Stream.of(groups, members, timeOff, shiftTypes, bookings, pendingSlots)
                .map(AnnotationEventHandlerAdapter::new)
                .toList();
    }

    /**
     * Empties the tables and replays every stored event through their handlers, in one transaction.
     * It first waits for the commands in flight to finish; commands that arrive meanwhile wait until it
     * has committed, then see the rebuilt rows. No event can be stored while it runs.
     */
    @Transactional
    public Rebuilt rebuild() {
        jdbc.queryForObject("select pg_advisory_xact_lock(?, ?)", Object.class, REBUILD_LOCK_SPACE, REBUILD_LOCK);
        jdbc.execute("truncate " + TABLES + " restart identity");
        long count = 0;
        try (Stream<? extends TrackedEventMessage<?>> stream = eventStore.readEvents(null, false)) {
            Iterator<? extends TrackedEventMessage<?>> events = stream.iterator();
            while (events.hasNext()) {
                TrackedEventMessage<?> event = events.next();
                for (AnnotationEventHandlerAdapter handler : handlers) {
                    if (handler.canHandle(event)) {
                        handle(handler, event);
                    }
                }
                count++;
            }
        }
        return new Rebuilt(count);
    }

    private static void handle(AnnotationEventHandlerAdapter handler, TrackedEventMessage<?> event) {
        try {
            handler.handle(event);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Replaying " + event.getPayloadType().getSimpleName() + " failed", e);
        }
    }
}
