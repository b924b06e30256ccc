package app.rota.command.swap;

import app.rota.command.OnCommit;
import app.rota.kernel.swap.SwapEndedEvent;
import app.rota.kernel.swap.SwapStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.Map;

/**
 * {@code rota_swaps_ended_total{outcome}}: swaps by how they ended (completed, declined, cancelled,
 * rejected, expired, failed). A subscribing processor, so each outcome is counted once, when its
 * command commits, and never again on a replay.
 */
@Component
@ProcessingGroup(SwapOutcomes.PROCESSING_GROUP)
class SwapOutcomes {

    static final String PROCESSING_GROUP = "swap-metrics";

    private final Map<SwapStatus, Counter> ended = new EnumMap<>(SwapStatus.class);

    SwapOutcomes(MeterRegistry registry) {
        for (SwapStatus status : SwapStatus.values()) {
            if (!status.isPending()) {
                ended.put(status, Counter.builder("rota.swaps.ended")
                        .description("Swaps by how they ended")
                        .tag("outcome", status.name())
                        .register(registry));
            }
        }
    }

    @EventHandler
    void on(SwapEndedEvent event) {
        OnCommit.increment(ended.get(event.outcome()));
    }
}
