package app.rota.ops.health;

import app.rota.ops.axon.ProcessorFailures;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code eventProcessors} health, part of readiness: DOWN while any streaming processor is stopped or
 * failing (a handler failed and the retry has not yet succeeded). Details show each processor's state.
 */
@Component("eventProcessors")
class EventProcessorsHealthIndicator implements HealthIndicator {

    private final EventProcessingConfiguration processing;
    private final ProcessorFailures failures;

    EventProcessorsHealthIndicator(EventProcessingConfiguration processing, ProcessorFailures failures) {
        this.processing = processing;
        this.failures = failures;
    }

    @Override
    public Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        Map<String, String> failing = failures.failing();
        boolean healthy = true;
        for (var entry : processing.eventProcessors().entrySet()) {
            if (entry.getValue() instanceof StreamingEventProcessor processor) {
                String lastFailure = failing.get(entry.getKey());
                boolean ok = processor.isRunning() && !processor.isError() && lastFailure == null;
                healthy &= ok;
                details.put(entry.getKey(), Map.of(
                        "running", processor.isRunning(),
                        "error", !ok && processor.isRunning(),
                        "failing", lastFailure != null ? lastFailure : "no",
                        "segmentsClaimed", processor.processingStatus().size(),
                        "caughtUp", processor.processingStatus().values().stream().allMatch(s -> s.isCaughtUp())));
            }
        }
        return (healthy ? Health.up() : Health.down()).withDetails(details).build();
    }
}
