package app.rota.query.support;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.MetaData;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Delivers events to a projection as its tracking processor would: through Axon's annotation adapter (so every
 * handler parameter is resolved as in production), each at the next global position, recorded at an instant that a
 * test sets ({@link #recordAt}) or that advances by a second per event.
 */
public final class Deliveries {

    private final AnnotationEventHandlerAdapter adapter;
    private long position;
    private Instant recordedAt;

    public Deliveries(Object projection, Instant firstRecordedAt) {
        this.adapter = new AnnotationEventHandlerAdapter(projection);
        this.recordedAt = firstRecordedAt;
    }

    /** The next events are recorded at this instant (and a second later each). */
    public void recordAt(Instant instant) {
        this.recordedAt = instant;
    }

    public Instant nextRecordedAt() {
        return recordedAt;
    }

    public long lastPosition() {
        return position - 1;
    }

    /** An event that no aggregate sequence number matters for. */
    public void event(Object payload) {
        EventMessage<?> message = new GenericEventMessage<>(UUID.randomUUID().toString(), payload, MetaData.emptyInstance(),
                recordedAt);
        handle(new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(position), message));
    }

    /** An aggregate's event at its sequence number. */
    public void domainEvent(String aggregateType, String aggregateId, long sequence, Object payload) {
        GenericDomainEventMessage<?> message = new GenericDomainEventMessage<>(aggregateType, aggregateId, sequence, payload,
                MetaData.emptyInstance(), UUID.randomUUID().toString(), recordedAt);
        handle(new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(position), message));
    }

    private void handle(EventMessage<?> message) {
        try {
            adapter.handle(message);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        position++;
        recordedAt = recordedAt.plus(Duration.ofSeconds(1));
    }
}
