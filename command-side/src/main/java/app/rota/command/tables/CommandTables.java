package app.rota.command.tables;

import app.rota.command.group.GroupDirectory;
import app.rota.command.member.MemberDirectory;
import app.rota.command.member.TimeOffRegister;
import app.rota.command.shifttype.ShiftTypeCatalogue;
import app.rota.command.slot.Bookings;
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

    private static final String TABLES = "cmd_time_off, cmd_booking, cmd_member, cmd_shift_type, cmd_group";

    public record Rebuilt(long events) {
    }

    private final JdbcTemplate jdbc;
    private final EventStorageEngine eventStore;
    private final List<AnnotationEventHandlerAdapter> handlers;

    CommandTables(JdbcTemplate jdbc, EventStorageEngine events, GroupDirectory groups, MemberDirectory members,
                  TimeOffRegister timeOff, ShiftTypeCatalogue shiftTypes, Bookings bookings) {
        this.jdbc = jdbc;
        this.eventStore = events;
        this.handlers = Stream.of(groups, members, timeOff, shiftTypes, bookings)
                .map(AnnotationEventHandlerAdapter::new)
                .toList();
    }

    /**
     * Empties the tables and replays every stored event through their handlers, in one transaction.
     * The tables are locked meanwhile: commands that would change them wait, and see the rebuilt rows.
     */
    @Transactional
    public Rebuilt rebuild() {
        jdbc.execute("lock table " + TABLES + " in exclusive mode");
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
