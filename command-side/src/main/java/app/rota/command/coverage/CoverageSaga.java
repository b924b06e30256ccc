package app.rota.command.coverage;

import app.rota.command.DueTime;
import app.rota.kernel.coverage.CancelCoverageCommand;
import app.rota.kernel.coverage.CoverageEndedEvent;
import app.rota.kernel.coverage.CoverageRequestId;
import app.rota.kernel.coverage.CoverageRequestedEvent;
import app.rota.kernel.coverage.EscalateCoverageCommand;
import app.rota.kernel.coverage.MarkCoverageUnfilledCommand;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.schedule.SlotAssignedEvent;
import app.rota.kernel.schedule.SlotKey;
import app.rota.kernel.schedule.SlotUnassignedEvent;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

import java.time.Clock;
import java.time.Instant;

/**
 * The life of a coverage request outside its own commands: at {@code escalatesAt} a request still open
 * is escalated, at the shift's start a request still open is UNFILLED (JobRunr deadlines, so they
 * survive restarts, cancelled when the request ends); and a change of its slot by anything but the
 * request itself (an admin's edit wins) cancels it at once. Handlers send and wait, so a failed command fails the job or the
 * handler, which is then retried.
 */
@Saga
public class CoverageSaga {

    static final String REQUEST_ID = "requestId";
    static final String SLOT = "slot";
    static final String ESCALATION = "coverage-escalation";
    static final String UNFILLED = "coverage-unfilled";

    private String requestId;
    private String groupId;
    private String escalationId;
    private String unfilledId;
    /** When the escalation and the unfilled deadlines are due (ISO instants; null for a saga started before they were kept). */
    private String escalatesAt;
    private String startsAt;

    @StartSaga
    @SagaEventHandler(associationProperty = REQUEST_ID)
    void on(CoverageRequestedEvent event, DeadlineManager deadlines) {
        requestId = event.requestId().toString();
        groupId = event.groupId().toString();
        escalatesAt = event.escalatesAt().toString();
        startsAt = event.start().toString();
        escalationId = deadlines.schedule(event.escalatesAt(), ESCALATION, event.requestId());
        SagaLifecycle.associateWith(SLOT, event.slot().toString());
        unfilledId = deadlines.schedule(event.start(), UNFILLED, event.requestId());
    }

    /** The slot was changed by something other than this request (an admin's edit wins): the request is void. */
    @SagaEventHandler(associationProperty = SLOT)
    void on(SlotAssignedEvent event, MetaData metaData, CommandGateway commands) {
        slotChanged(event.slot(), metaData, commands);
    }

    @SagaEventHandler(associationProperty = SLOT)
    void on(SlotUnassignedEvent event, MetaData metaData, CommandGateway commands) {
        slotChanged(event.slot(), metaData, commands);
    }

    private void slotChanged(SlotKey slot, MetaData metaData, CommandGateway commands) {
        if (requestId.equals(metaData.get(CoverageRequestAggregate.CAUSED_BY_COVERAGE))) {
            return;
        }
        commands.sendAndWait(new CancelCoverageCommand(CoverageRequestId.of(requestId), GroupId.of(groupId),
                "Slot " + slot + " was changed by someone else while coverage was requested."));
    }

    @DeadlineHandler(deadlineName = ESCALATION)
    void escalate(CoverageRequestId request, CommandGateway commands, Clock clock) {
        DueTime.waitUntil(escalatesAt == null ? null : Instant.parse(escalatesAt), clock);
        commands.sendAndWait(new EscalateCoverageCommand(request, GroupId.of(groupId)));
    }

    @DeadlineHandler(deadlineName = UNFILLED)
    void unfilled(CoverageRequestId request, CommandGateway commands, Clock clock) {
        DueTime.waitUntil(startsAt == null ? null : Instant.parse(startsAt), clock);
        commands.sendAndWait(new MarkCoverageUnfilledCommand(request, GroupId.of(groupId)));
    }

    @EndSaga
    @SagaEventHandler(associationProperty = REQUEST_ID)
    void on(CoverageEndedEvent event, DeadlineManager deadlines) {
        if (escalationId != null) {
            deadlines.cancelSchedule(ESCALATION, escalationId);
        }
        if (unfilledId != null) {
            deadlines.cancelSchedule(UNFILLED, unfilledId);
        }
    }

    public String getRequestId() {
        return requestId;
    }

    public void setRequestId(String requestId) {
        this.requestId = requestId;
    }

    public String getGroupId() {
        return groupId;
    }

    public void setGroupId(String groupId) {
        this.groupId = groupId;
    }

    public String getEscalationId() {
        return escalationId;
    }

    public void setEscalationId(String escalationId) {
        this.escalationId = escalationId;
    }

    public String getUnfilledId() {
        return unfilledId;
    }

    public void setUnfilledId(String unfilledId) {
        this.unfilledId = unfilledId;
    }

    public String getEscalatesAt() {
        return escalatesAt;
    }

    public void setEscalatesAt(String escalatesAt) {
        this.escalatesAt = escalatesAt;
    }

    public String getStartsAt() {
        return startsAt;
    }

    public void setStartsAt(String startsAt) {
        this.startsAt = startsAt;
    }
}
