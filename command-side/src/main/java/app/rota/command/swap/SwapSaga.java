package app.rota.command.swap;

import app.rota.command.DueTime;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.schedule.SlotAssignedEvent;
import app.rota.kernel.schedule.SlotKey;
import app.rota.kernel.schedule.SlotUnassignedEvent;
import app.rota.kernel.swap.ExpireSwapCommand;
import app.rota.kernel.swap.FailSwapCommand;
import app.rota.kernel.swap.SwapEndedEvent;
import app.rota.kernel.swap.SwapId;
import app.rota.kernel.swap.SwapProposedEvent;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

import java.time.Clock;
import java.time.Instant;

/**
 * The life of a pending swap outside its own commands: it expires at {@code expiresAt} (a JobRunr
 * deadline, so it survives restarts), and it fails at once if one of its slots is changed by anything
 * but the swap itself (an admin's edit wins). It ends with the swap. Resources come as handler
 * parameters; its state is plain bean properties, so the saga store's Jackson keeps it.
 */
@Saga
public class SwapSaga {

    static final String SWAP_ID = "swapId";
    static final String SLOT = "slot";
    static final String EXPIRY = "swap-expiry";

    private String swapId;
    private String groupId;
    private String expiryId;
    /** When the expiry is due (ISO instant; null for a saga started before it was kept). */
    private String expiresAt;

    @StartSaga
    @SagaEventHandler(associationProperty = SWAP_ID)
    void on(SwapProposedEvent event, DeadlineManager deadlines) {
        swapId = event.swapId().toString();
        groupId = event.groupId().toString();
        SagaLifecycle.associateWith(SLOT, event.fromSlot().toString());
        if (event.toSlot() != null) {
            SagaLifecycle.associateWith(SLOT, event.toSlot().toString());
        }
        expiresAt = event.expiresAt().toString();
        expiryId = deadlines.schedule(event.expiresAt(), EXPIRY, event.swapId());
    }

    @SagaEventHandler(associationProperty = SLOT)
    void on(SlotAssignedEvent event, MetaData metaData, CommandGateway commands) {
        slotChanged(event.slot(), metaData, commands);
    }

    @SagaEventHandler(associationProperty = SLOT)
    void on(SlotUnassignedEvent event, MetaData metaData, CommandGateway commands) {
        slotChanged(event.slot(), metaData, commands);
    }

    /** Waits for the command, so that a failure to record it fails this handler and is retried. */
    private void slotChanged(SlotKey slot, MetaData metaData, CommandGateway commands) {
        if (swapId.equals(metaData.get(SwapAggregate.CAUSED_BY_SWAP))) {
            return;
        }
        commands.sendAndWait(new FailSwapCommand(SwapId.of(swapId), GroupId.of(groupId),
                "Slot " + slot + " was changed by someone else while the swap was pending."));
    }

    /** A job that throws is retried by JobRunr, so the expiry is never lost to a failed command. */
    @DeadlineHandler(deadlineName = EXPIRY)
    void expire(SwapId expiring, CommandGateway commands, Clock clock) {
        DueTime.waitUntil(expiresAt == null ? null : Instant.parse(expiresAt), clock);
        commands.sendAndWait(new ExpireSwapCommand(expiring, GroupId.of(groupId)));
    }

    @EndSaga
    @SagaEventHandler(associationProperty = SWAP_ID)
    void on(SwapEndedEvent event, DeadlineManager deadlines) {
        if (expiryId != null) {
            deadlines.cancelSchedule(EXPIRY, expiryId);
        }
    }

    public String getSwapId() {
        return swapId;
    }

    public void setSwapId(String swapId) {
        this.swapId = swapId;
    }

    public String getGroupId() {
        return groupId;
    }

    public void setGroupId(String groupId) {
        this.groupId = groupId;
    }

    public String getExpiryId() {
        return expiryId;
    }

    public void setExpiryId(String expiryId) {
        this.expiryId = expiryId;
    }

    public String getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(String expiresAt) {
        this.expiresAt = expiresAt;
    }
}
