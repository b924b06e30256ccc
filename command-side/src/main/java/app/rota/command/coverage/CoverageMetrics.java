package app.rota.command.coverage;

import app.rota.command.OnCommit;
import app.rota.command.slot.PendingSlots;
import app.rota.kernel.coverage.CoverageEscalatedEvent;
import app.rota.kernel.coverage.CoverageUnfilledEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * {@code rota_coverage_requests_open} (gauge: open or claimed, read from the command tables),
 * {@code rota_coverage_escalations_total} and {@code rota_coverage_unfilled_total} (counted by a
 * subscribing processor when they happen, never on a replay). No labels: nothing unbounded.
 */
@Component
@ProcessingGroup(CoverageMetrics.PROCESSING_GROUP)
class CoverageMetrics {

    static final String PROCESSING_GROUP = "coverage-metrics";

    private final Counter escalations;
    private final Counter unfilled;

    CoverageMetrics(MeterRegistry registry, PendingSlots pendingSlots) {
        Gauge.builder("rota.coverage.requests.open", pendingSlots, PendingSlots::openCoverageRequests)
                .description("Coverage requests open or awaiting approval")
                .register(registry);
        escalations = Counter.builder("rota.coverage.escalations").description("Coverage requests escalated to the admins")
                .register(registry);
        unfilled = Counter.builder("rota.coverage.unfilled").description("Coverage requests still open when the shift started")
                .register(registry);
    }

    @EventHandler
    void on(CoverageEscalatedEvent event) {
        OnCommit.increment(escalations);
    }

    @EventHandler
    void on(CoverageUnfilledEvent event) {
        OnCommit.increment(unfilled);
    }
}
