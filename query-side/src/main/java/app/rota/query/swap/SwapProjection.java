package app.rota.query.swap;

import app.rota.kernel.common.ActorRef;
import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.error.RotaException;
import app.rota.kernel.group.GroupCreatedEvent;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.member.MemberAddedEvent;
import app.rota.kernel.member.MemberChangedEvent;
import app.rota.kernel.swap.FindSwapQuery;
import app.rota.kernel.swap.FindSwapsQuery;
import app.rota.kernel.swap.SwapAcceptedEvent;
import app.rota.kernel.swap.SwapApprovedEvent;
import app.rota.kernel.swap.SwapCancelledEvent;
import app.rota.kernel.swap.SwapCompletedEvent;
import app.rota.kernel.swap.SwapDeclinedEvent;
import app.rota.kernel.swap.SwapExpiredEvent;
import app.rota.kernel.swap.SwapFailedEvent;
import app.rota.kernel.swap.SwapId;
import app.rota.kernel.swap.SwapPage;
import app.rota.kernel.swap.SwapProposedEvent;
import app.rota.kernel.swap.SwapRejectedEvent;
import app.rota.kernel.swap.SwapResponse;
import app.rota.kernel.swap.SwapResponse.HistoryEntry;
import app.rota.kernel.swap.SwapStatus;
import app.rota.query.swap.SwapStore.Filter;
import app.rota.query.swap.SwapStore.Step;
import app.rota.query.swap.SwapStore.SwapRow;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Keeps the groups' swaps with their history, for the swap queries, in tables of its own: the groups'
 * zones and the members' names are its own copies, never another projection's tables.
 * <p>
 * The history has one entry per step: PROPOSED, ACCEPTED, then how it ended (COMPLETED, DECLINED,
 * REJECTED, CANCELLED, EXPIRED, FAILED), each with the event's time, actor and {@code onBehalfOf} (from
 * the metadata). The status is ACCEPTED only while an admin's approval is pending: without approval the
 * completion or failure follows the acceptance in the same transaction. An approval has no entry of its
 * own: the completion or failure that follows it in the same transaction is the approving admin's entry.
 * Every event counts in {@code version}.
 */
@Component
@ProcessingGroup(SwapProjection.PROCESSING_GROUP)
class SwapProjection {

    static final String PROCESSING_GROUP = "swaps";
    static final int MAX_PAGE = 1_000_000;
    static final int MAX_PAGE_SIZE = 500;

    private final SwapStore store;

    SwapProjection(SwapStore store) {
        this.store = store;
    }

    @EventHandler
    void on(GroupCreatedEvent e) {
        store.groupCreated(e.groupId(), e.timeZone());
    }

    @EventHandler
    void on(MemberAddedEvent e) {
        store.memberAdded(e.memberId(), e.groupId(), e.name());
    }

    @EventHandler
    void on(MemberChangedEvent e) {
        store.memberRenamed(e.memberId(), e.name());
    }

    @EventHandler
    void on(SwapProposedEvent e, @Timestamp Instant at, @SequenceNumber long sequence, MetaData metaData) {
        store.swapProposed(e, step(sequence, at, metaData));
    }

    @EventHandler
    void on(SwapAcceptedEvent e, @Timestamp Instant at, @SequenceNumber long sequence, MetaData metaData) {
        store.swapAccepted(e.swapId(), e.approvalRequired(), step(sequence, at, metaData));
    }

    @EventHandler
    void on(SwapApprovedEvent e, @Timestamp Instant at, @SequenceNumber long sequence, MetaData metaData) {
        store.swapApproved(e.swapId(), step(sequence, at, metaData));
    }

    @EventHandler
    void on(SwapCompletedEvent e, @Timestamp Instant at, @SequenceNumber long sequence, MetaData metaData) {
        store.swapEnded(e.swapId(), SwapStatus.COMPLETED, null, step(sequence, at, metaData));
    }

    @EventHandler
    void on(SwapDeclinedEvent e, @Timestamp Instant at, @SequenceNumber long sequence, MetaData metaData) {
        store.swapEnded(e.swapId(), SwapStatus.DECLINED, null, step(sequence, at, metaData));
    }

    @EventHandler
    void on(SwapRejectedEvent e, @Timestamp Instant at, @SequenceNumber long sequence, MetaData metaData) {
        store.swapEnded(e.swapId(), SwapStatus.REJECTED, null, step(sequence, at, metaData));
    }

    @EventHandler
    void on(SwapCancelledEvent e, @Timestamp Instant at, @SequenceNumber long sequence, MetaData metaData) {
        store.swapEnded(e.swapId(), SwapStatus.CANCELLED, null, step(sequence, at, metaData));
    }

    @EventHandler
    void on(SwapExpiredEvent e, @Timestamp Instant at, @SequenceNumber long sequence, MetaData metaData) {
        store.swapEnded(e.swapId(), SwapStatus.EXPIRED, null, step(sequence, at, metaData));
    }

    @EventHandler
    void on(SwapFailedEvent e, @Timestamp Instant at, @SequenceNumber long sequence, MetaData metaData) {
        store.swapEnded(e.swapId(), SwapStatus.FAILED, e.failureReason(), step(sequence, at, metaData));
    }

    @ResetHandler
    void reset() {
        store.reset();
    }

    @QueryHandler
    SwapResponse handle(FindSwapQuery query) {
        SwapRow swap = store.swap(query.groupId(), query.swapId())
                .orElseThrow(() -> new RotaException(ErrorCode.SWAP_NOT_FOUND, "No swap " + query.swapId() + " in this group."));
        return swap.toResponse(zoneOf(query.groupId()), store.histories(List.of(swap.id())).get(swap.id()));
    }

    /** Newest first; a group this projection has not seen is GROUP_NOT_FOUND, like the calendar's. */
    @QueryHandler
    SwapPage handle(FindSwapsQuery query) {
        if (query.page() < 0 || query.page() > MAX_PAGE) {
            throw new RotaException(ErrorCode.MALFORMED_REQUEST, "page", "page is 0 or more.");
        }
        if (query.size() < 1 || query.size() > MAX_PAGE_SIZE) {
            throw new RotaException(ErrorCode.MALFORMED_REQUEST, "size", "size is 1 to " + MAX_PAGE_SIZE + ".");
        }
        ZoneId zone = zoneOf(query.groupId());
        Filter filter = new Filter(query.groupId(), query.status(), query.memberId());
        List<SwapRow> rows = store.swaps(filter, query.page(), query.size());
        Map<SwapId, List<HistoryEntry>> histories = store.histories(rows.stream().map(SwapRow::id).toList());
        return new SwapPage(rows.stream().map(row -> row.toResponse(zone, histories.get(row.id()))).toList(),
                query.page(), query.size(), store.count(filter));
    }

    private ZoneId zoneOf(GroupId groupId) {
        return store.zoneOf(groupId)
                .orElseThrow(() -> new RotaException(ErrorCode.GROUP_NOT_FOUND, "No group with id " + groupId + "."));
    }

    /** The event as its history entry: actor and onBehalfOf from the metadata its command passed on. */
    private static Step step(long sequence, Instant at, MetaData metaData) {
        return new Step(sequence, at, ActorRef.fromMetaData(metaData), ActorRef.onBehalfOf(metaData));
    }
}
