package app.rota.ops.health;

import app.rota.ops.axon.DeadLetters;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * {@code deadLetters} health, part of readiness: {@code DEGRADED} (still answered 200, so the node keeps
 * serving every other group) while any processor has events in its dead-letter queue, with the number
 * per processor in the details; {@code UNKNOWN} while the database cannot be read (the {@code db}
 * component is DOWN then). Operators alert on it or on {@code rota_dead_letters}.
 */
@Component("deadLetters")
class DeadLettersHealthIndicator implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "Some events wait in a dead-letter queue");

    private final DeadLetters deadLetters;

    DeadLettersHealthIndicator(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Override
    public Health health() {
        Map<String, Long> counts;
        try {
            counts = deadLetters.countsByProcessor();
        } catch (RuntimeException databaseUnreachable) {
            return Health.unknown().withException(databaseUnreachable).build();
        }
        return (counts.isEmpty() ? Health.up() : Health.status(DEGRADED)).withDetails(Map.copyOf(counts)).build();
    }
}
