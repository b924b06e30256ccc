package rotatest.deadline;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Test-only deadline owner: its creation schedules {@value #DEADLINE} through whichever
 * {@link DeadlineManager} the application has, and the deadline, when it fires, stores {@link ProbeFired}.
 * Kept outside {@code app.rota} so no component scan of the application picks it up.
 */
public class ProbeAggregate {

    public static final String DEADLINE = "probe-deadline";

    @AggregateIdentifier
    private String probeId;
    private boolean fired;

    ProbeAggregate() {
    }

    @CommandHandler
    ProbeAggregate(StartProbe command, DeadlineManager deadlineManager) {
        apply(new ProbeStarted(command.probeId(), command.fireAt()));
        deadlineManager.schedule(command.fireAt(), DEADLINE, new ProbeDue(command.probeId()));
    }

    @DeadlineHandler(deadlineName = DEADLINE)
    void on(ProbeDue due) {
        if (!fired) {
            apply(new ProbeFired(due.probeId(), Instant.now()));
        }
    }

    @EventSourcingHandler
    void on(ProbeStarted event) {
        probeId = event.probeId();
    }

    @EventSourcingHandler
    void on(ProbeFired event) {
        fired = true;
    }

    public record StartProbe(String probeId, Instant fireAt) {
    }

    public record ProbeStarted(String probeId, Instant fireAt) {
    }

    public record ProbeDue(String probeId) {
    }

    public record ProbeFired(String probeId, Instant firedAt) {
    }
}
