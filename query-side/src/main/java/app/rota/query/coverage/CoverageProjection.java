package app.rota.query.coverage;

import app.rota.kernel.common.ActorRef;
import app.rota.kernel.coverage.CoverageApprovedEvent;
import app.rota.kernel.coverage.CoverageCancelledEvent;
import app.rota.kernel.coverage.CoverageClaimedEvent;
import app.rota.kernel.coverage.CoverageCoveredEvent;
import app.rota.kernel.coverage.CoverageEscalatedEvent;
import app.rota.kernel.coverage.CoverageRejectedEvent;
import app.rota.kernel.coverage.CoverageRequestId;
import app.rota.kernel.coverage.CoverageRequestPage;
import app.rota.kernel.coverage.CoverageRequestResponse;
import app.rota.kernel.coverage.CoverageRequestResponse.HistoryEntry;
import app.rota.kernel.coverage.CoverageRequestedEvent;
import app.rota.kernel.coverage.CoverageStatus;
import app.rota.kernel.coverage.CoverageUnfilledEvent;
import app.rota.kernel.coverage.FindCoverageRequestQuery;
import app.rota.kernel.coverage.FindCoverageRequestsQuery;
import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.error.RotaException;
import app.rota.kernel.group.GroupCreatedEvent;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.member.MemberAddedEvent;
import app.rota.kernel.member.MemberChangedEvent;
import app.rota.kernel.member.MemberRef;
import app.rota.query.coverage.CoverageStore.Filter;
import app.rota.query.coverage.CoverageStore.RequestRow;
import app.rota.query.coverage.CoverageStore.Step;
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
 * Keeps the groups' coverage requests (open shifts included) with their history, for the coverage
 * queries, in tables of its own: the groups' zones and the members' names are its own copies, never
 * another projection's tables.
 * <p>
 * The history has one entry per status step: OPEN at the request, CLAIMED at a claim, OPEN again when an
 * admin rejects the claim, then how it ended (COVERED, CANCELLED, UNFILLED), each with the event's time,
 * actor and {@code onBehalfOf} (from the metadata). The status is CLAIMED only while an admin's approval
 * is pending: without approval the CLAIMED entry (the claimant's) is followed by COVERED in the same
 * transaction. An approval has no entry of its own: the COVERED entry that follows it in the same
 * transaction is the approving admin's. An escalation is no status step either: the request stays OPEN
 * and shows {@code escalatedAt}. Every event counts in {@code version}.
 */
@Component
@ProcessingGroup(CoverageProjection.PROCESSING_GROUP)
class CoverageProjection {

    static final String PROCESSING_GROUP = "coverage";
    static final int MAX_PAGE = 1_000_000;
    static final int MAX_PAGE_SIZE = 500;

    private final CoverageStore store;

    CoverageProjection(CoverageStore store) {
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
    void on(CoverageRequestedEvent e, @Timestamp Instant at, @SequenceNumber long sequence, MetaData metaData) {
        store.coverageRequested(e, step(sequence, at, metaData));
    }

    @EventHandler
    void on(CoverageClaimedEvent e, @Timestamp Instant at, @SequenceNumber long sequence, MetaData metaData) {
        store.coverageClaimed(e.requestId(), e.claimantId(), e.approvalRequired(), step(sequence, at, metaData));
    }

    @EventHandler
    void on(CoverageApprovedEvent e, @Timestamp Instant at, @SequenceNumber long sequence, MetaData metaData) {
        store.coverageApproved(e.requestId(), step(sequence, at, metaData));
    }

    @EventHandler
    void on(CoverageRejectedEvent e, @Timestamp Instant at, @SequenceNumber long sequence, MetaData metaData) {
        store.claimRejected(e.requestId(), step(sequence, at, metaData));
    }

    @EventHandler
    void on(CoverageEscalatedEvent e, @Timestamp Instant at, @SequenceNumber long sequence, MetaData metaData) {
        store.coverageEscalated(e.requestId(), step(sequence, at, metaData));
    }

    @EventHandler
    void on(CoverageCoveredEvent e, @Timestamp Instant at, @SequenceNumber long sequence, MetaData metaData) {
        store.coverageCovered(e.requestId(), e.claimantId(), step(sequence, at, metaData));
    }

    @EventHandler
    void on(CoverageCancelledEvent e, @Timestamp Instant at, @SequenceNumber long sequence, MetaData metaData) {
        store.coverageEnded(e.requestId(), CoverageStatus.CANCELLED, step(sequence, at, metaData));
    }

    @EventHandler
    void on(CoverageUnfilledEvent e, @Timestamp Instant at, @SequenceNumber long sequence, MetaData metaData) {
        store.coverageEnded(e.requestId(), CoverageStatus.UNFILLED, step(sequence, at, metaData));
    }

    @ResetHandler
    void reset() {
        store.reset();
    }

    @QueryHandler
    CoverageRequestResponse handle(FindCoverageRequestQuery query) {
        RequestRow request = store.request(query.groupId(), query.requestId())
                .orElseThrow(() -> new RotaException(ErrorCode.COVERAGE_REQUEST_NOT_FOUND,
                        "No coverage request " + query.requestId() + " in this group."));
        List<CoverageRequestId> ids = List.of(request.id());
        return request.toResponse(zoneOf(query.groupId()), store.offeredTo(ids).get(request.id()),
                store.histories(ids).get(request.id()));
    }

    /** Newest first; a group this projection has not seen is GROUP_NOT_FOUND, like the calendar's. */
    @QueryHandler
    CoverageRequestPage handle(FindCoverageRequestsQuery query) {
        if (query.page() < 0 || query.page() > MAX_PAGE) {
            throw new RotaException(ErrorCode.MALFORMED_REQUEST, "page", "page is 0 or more.");
        }
        if (query.size() < 1 || query.size() > MAX_PAGE_SIZE) {
            throw new RotaException(ErrorCode.MALFORMED_REQUEST, "size", "size is 1 to " + MAX_PAGE_SIZE + ".");
        }
        ZoneId zone = zoneOf(query.groupId());
        Filter filter = new Filter(query.groupId(), query.status());
        List<RequestRow> rows = store.requests(filter, query.page(), query.size());
        List<CoverageRequestId> ids = rows.stream().map(RequestRow::id).toList();
        Map<CoverageRequestId, List<MemberRef>> offeredTo = store.offeredTo(ids);
        Map<CoverageRequestId, List<HistoryEntry>> histories = store.histories(ids);
        return new CoverageRequestPage(rows.stream()
                .map(row -> row.toResponse(zone, offeredTo.get(row.id()), histories.get(row.id())))
                .toList(), query.page(), query.size(), store.count(filter));
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
