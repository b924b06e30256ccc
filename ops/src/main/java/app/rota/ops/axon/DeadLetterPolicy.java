package app.rota.ops.axon;

import app.rota.ops.persistence.DatabaseFailures;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When a projection's handler fails on an event:
 * <ul>
 *   <li>if the database itself is unusable (unreachable, shutting down, a table missing), every event
 *   would fail alike: the failure is rethrown, the processor retries the batch with back-off and
 *   readiness is DOWN meanwhile, as before;</li>
 *   <li>otherwise the failure belongs to this event: it goes to the dead-letter queue, and so does every
 *   later event of the same sequence (the same aggregate), in order, while every other sequence, every
 *   other group, carries on. The cause is kept (without control characters, phone numbers masked) for
 *   the admin endpoint; a retry that fails again keeps the letter in the queue.</li>
 * </ul>
 */
class DeadLetterPolicy implements EnqueuePolicy<EventMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterPolicy.class);
    private static final int MAX_CAUSE_LENGTH = 1000;

    private final String processor;
    private final Counter deadLettered;

    DeadLetterPolicy(String processor, MeterRegistry registry) {
        this.processor = processor;
        this.deadLettered = Counter.builder("rota.dead.letters.enqueued")
                .description("Events whose handler failed and that went to the dead-letter queue")
                .tag("processor", processor)
                .register(registry);
    }

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        if (DatabaseFailures.isDatabaseUnusable(cause)) {
            throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
        }
        deadLettered.increment();
        log.warn("Event {} ({}) of sequence {} goes to the dead-letter queue of '{}': {}",
                letter.message().getIdentifier(), letter.message().getPayloadType().getSimpleName(),
                letter.message() instanceof org.axonframework.eventhandling.DomainEventMessage<?> domain
                        ? domain.getAggregateIdentifier() : "-",
                processor, cause.getClass().getSimpleName());
        return Decisions.enqueue(new ThrowableCause(cause.getClass().getName(), clean(String.valueOf(cause.getMessage()))));
    }

    /** A cause's message as recorded: no control characters, phone numbers masked, bounded. */
    static String clean(String message) {
        String cleaned = message.replaceAll("\\p{Cntrl}", " ").replaceAll("\\+[1-9][0-9]{4,12}([0-9]{2})", "+***$1");
        return cleaned.length() > MAX_CAUSE_LENGTH ? cleaned.substring(0, MAX_CAUSE_LENGTH) : cleaned;
    }
}
