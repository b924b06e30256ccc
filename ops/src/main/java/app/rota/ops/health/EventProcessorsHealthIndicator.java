package app.rota.ops.health;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code eventProcessors} health, part of readiness: DOWN while any streaming processor is stopped or
 * in error (retrying a failing handler). Details show each processor's state and segments.
 */
@Component("eventProcessors")
class EventProcessorsHealthIndicator implements HealthIndicator {

    private final EventProcessingConfiguration processing;

    EventProcessorsHealthIndicator(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @Override
    public Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        boolean healthy = true;
        for (var entry : processing.eventProcessors().entrySet()) {
            if (entry.getValue() instanceof StreamingEventProcessor processor) {
                boolean ok = processor.isRunning() && !processor.isError();
                healthy &= ok;
                details.put(entry.getKey(), Map.of(
                        "running", processor.isRunning(),
                        "error", processor.isError(),
                        "segmentsClaimed", processor.processingStatus().size(),
                        "caughtUp", processor.processingStatus().values().stream().allMatch(s -> s.isCaughtUp())));
            }
        }
        return (healthy ? Health.up() : Health.down()).withDetails(details).build();
    }
}
