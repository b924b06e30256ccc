package app.rota.query.replay;

import org.axonframework.eventhandling.TrackedEventMessage;

import java.util.Iterator;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.stream.Stream;

/**
 * Reads the events and deserializes them on a thread of its own, at most a bounded queue ahead of the rebuild that
 * applies them, so that reading the event store and writing the rebuilt tables overlap. An event that fails to
 * deserialize is handed over all the same: the rebuild meets the failure when it applies it, and skips it as a
 * poison event.
 */
final class ReadAhead implements AutoCloseable {

    private static final Object END = new Object();

    private final BlockingQueue<Object> queue;
    private final Thread reader;
    private volatile boolean closed;

    ReadAhead(Stream<? extends TrackedEventMessage<?>> events, int capacity, String name) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.reader = new Thread(() -> read(events), name + "-read-ahead");
        reader.setDaemon(true);
        reader.start();
    }

    private void read(Stream<? extends TrackedEventMessage<?>> events) {
        Object last = END;
        try (events) {
            Iterator<? extends TrackedEventMessage<?>> iterator = events.iterator();
            while (!closed && iterator.hasNext()) {
                TrackedEventMessage<?> event = iterator.next();
                deserialize(event);
                queue.put(event);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException e) {
            last = e;
        }
        try {
            queue.put(last);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deserialize(TrackedEventMessage<?> event) {
        try {
            event.getPayload();
            event.getMetaData();
        } catch (RuntimeException unreadable) {
            // handed over as it is: applying it fails again, and the rebuild skips it
        }
    }

    /** The next event, or null after the last; a failure to read the store is thrown here. */
    TrackedEventMessage<?> next() {
        Object item;
        try {
            item = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the next event", e);
        }
        if (item == END) {
            return null;
        }
        if (item instanceof RuntimeException failure) {
            throw failure;
        }
        return (TrackedEventMessage<?>) item;
    }

    /** Stops reading (if it has not ended) and closes the stream. */
    @Override
    public void close() {
        closed = true;
        reader.interrupt();
        try {
            reader.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
