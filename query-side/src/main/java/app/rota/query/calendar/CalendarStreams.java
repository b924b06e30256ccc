package app.rota.query.calendar;

import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.error.RotaException;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.member.MemberId;
import app.rota.kernel.schedule.ShiftTypeId;
import app.rota.query.calendar.CalendarStore.MemberRow;
import app.rota.query.calendar.CalendarStore.ShiftTypeRow;
import app.rota.query.calendar.CalendarStore.SlotChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The live calendar streams (server-sent events). Each subscriber is only a cursor — the global position of the
 * last change it was sent — and a task that, every poll interval, reads the group's changes recorded after that one
 * from the calendar's record of changes (about {@link #BATCH_CHANGES} at a time, in the order the calendar recorded
 * them, so that an event committed late at a lower position is sent, not jumped over) and sends them. Nothing
 * is queued per client: a slow client is simply read for later, a vanished one is dropped at its first failed
 * write, and a stream ends after {@code rota.stream.max-duration} (the browser's EventSource reconnects with
 * {@code Last-Event-ID} and loses nothing). The changes of one event (a swap holds two slots) share its position,
 * so only the last of them carries the {@code id}. A comment line goes out as a heartbeat when nothing else has
 * for {@code rota.stream.heartbeat}.
 */
@Component
class CalendarStreams {

    static final int BATCH_CHANGES = 200;
    private static final Logger log = LoggerFactory.getLogger(CalendarStreams.class);

    private final CalendarStore store;
    private final Clock clock;
    private final Duration heartbeat;
    private final Duration maxDuration;
    private final Duration pollInterval;
    private final int maxStreams;
    private final AtomicInteger open = new AtomicInteger();
    private final ScheduledExecutorService pollers;

    CalendarStreams(CalendarStore store, Clock clock,
                    @Value("${rota.stream.heartbeat:PT15S}") Duration heartbeat,
                    @Value("${rota.stream.max-duration:PT30M}") Duration maxDuration,
                    @Value("${rota.stream.poll-interval:PT0.5S}") Duration pollInterval,
                    @Value("${rota.stream.max-streams:500}") int maxStreams,
                    @Value("${rota.stream.threads:4}") int threads) {
        this.store = store;
        this.clock = clock;
        this.heartbeat = heartbeat;
        this.maxDuration = maxDuration;
        this.pollInterval = pollInterval;
        this.maxStreams = maxStreams;
        AtomicInteger names = new AtomicInteger();
        this.pollers = Executors.newScheduledThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "calendar-stream-" + names.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The position a new stream without {@code Last-Event-ID} starts after: the newest change recorded. */
    long newest() {
        return store.lastSlotChange();
    }

    SseEmitter open(GroupId groupId, ZoneId zone, long after) {
        if (open.incrementAndGet() > maxStreams) {
            open.decrementAndGet();
            throw new RotaException(ErrorCode.TOO_MANY_STREAMS,
                    "This node already serves " + maxStreams + " live streams; try again shortly.");
        }
        SseEmitter emitter = new SseEmitter(maxDuration.toMillis());
        Subscriber subscriber = new Subscriber(groupId, zone, emitter, after);
        emitter.onCompletion(subscriber::close);
        emitter.onTimeout(() -> {
            subscriber.close();
            emitter.complete();
        });
        emitter.onError(error -> subscriber.close());
        try {
            subscriber.task = pollers.scheduleWithFixedDelay(subscriber::poll, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException refused) {
            subscriber.close();
            throw refused;
        }
        if (subscriber.closed) {
            subscriber.task.cancel(false);
        }
        return emitter;
    }

    int openStreams() {
        return open.get();
    }

    @PreDestroy
    void stop() {
        pollers.shutdownNow();
    }

    private final class Subscriber {

        private final GroupId groupId;
        private final ZoneId zone;
        private final SseEmitter emitter;
        private long cursor;
        private Instant lastSent;
        private volatile ScheduledFuture<?> task;
        private volatile boolean closed;

        Subscriber(GroupId groupId, ZoneId zone, SseEmitter emitter, long after) {
            this.groupId = groupId;
            this.zone = zone;
            this.emitter = emitter;
            this.cursor = after;
            this.lastSent = clock.instant();
        }

        void poll() {
            try {
                if (closed) {
                    return;
                }
                List<SlotChange> changes = store.slotChangesAfter(groupId, cursor, BATCH_CHANGES);
                if (!changes.isEmpty()) {
                    send(changes);
                } else if (!clock.instant().isBefore(lastSent.plus(heartbeat))) {
                    emitter.send(SseEmitter.event().comment("heartbeat"));
                    lastSent = clock.instant();
                }
            } catch (IOException | IllegalStateException gone) {
                close();
            } catch (RuntimeException e) {
                log.warn("Live calendar stream of group {} failed: {}", groupId, e.toString());
                emitter.completeWithError(e);
                close();
            }
        }

        private void send(List<SlotChange> changes) throws IOException {
            Map<ShiftTypeId, ShiftTypeRow> shiftTypes = store.shiftTypes(groupId);
            Map<MemberId, MemberRow> members = store.members(groupId);
            Instant now = clock.instant();
            for (int i = 0; i < changes.size(); i++) {
                SlotChange change = changes.get(i);
                boolean lastOfItsEvent = i + 1 == changes.size() || changes.get(i + 1).position() != change.position();
                ShiftTypeRow type = shiftTypes.get(change.slot().slot().shiftTypeId());
                SseEmitter.SseEventBuilder event = SseEmitter.event().name("slot");
                if (type != null) {
                    event.data(CalendarAssembler.slot(zone, type, change.slot(), members, now), MediaType.APPLICATION_JSON);
                }
                if (lastOfItsEvent) {
                    event.id(Long.toString(change.position()));
                }
                if (type != null || lastOfItsEvent) {
                    emitter.send(event);
                }
                cursor = change.position();
            }
            lastSent = now;
        }

        synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            open.decrementAndGet();
            ScheduledFuture<?> scheduled = task;
            if (scheduled != null) {
                scheduled.cancel(false);
            }
        }
    }
}
