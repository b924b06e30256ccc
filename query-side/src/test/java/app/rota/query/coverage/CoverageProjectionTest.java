package app.rota.query.coverage;

import app.rota.kernel.common.ActorMetadata;
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
import app.rota.kernel.group.GroupSettings;
import app.rota.kernel.member.MemberAddedEvent;
import app.rota.kernel.member.MemberChangedEvent;
import app.rota.kernel.member.MemberId;
import app.rota.kernel.member.MemberRef;
import app.rota.kernel.member.MemberRole;
import app.rota.kernel.schedule.ShiftTiming;
import app.rota.kernel.schedule.ShiftTypeId;
import app.rota.kernel.schedule.SlotInterval;
import app.rota.kernel.schedule.SlotKey;
import app.rota.kernel.schedule.SlotRef;
import app.rota.query.support.ProjectionDatabase;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The coverage projection as a plain object on a real PostgreSQL: events go in through its event handlers
 * with what Axon would pass (timestamp, the request aggregate's sequence number, the metadata the command
 * passed on), answers come out of its query handlers.
 */
class CoverageProjectionTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final GroupId GROUP = id(GroupId::new, "a1");
    private static final GroupId OTHER_GROUP = id(GroupId::new, "a2");
    private static final ShiftTypeId PRIMARY = id(ShiftTypeId::new, "c1");
    private static final ShiftTiming PRIMARY_TIMING = new ShiftTiming(LocalTime.of(8, 0), 24);
    private static final MemberId ALICE = id(MemberId::new, "b1");
    private static final MemberId BOB = id(MemberId::new, "b2");
    private static final MemberId CAROL = id(MemberId::new, "b3");
    private static final MemberId OLGA = id(MemberId::new, "b4");
    private static final MemberId ZOE = id(MemberId::new, "b5");
    private static final MetaData BY_ALICE = by("Alice", "GROUP_MEMBER", "WEB");
    private static final MetaData BY_BOB = by("Bob", "GROUP_MEMBER", "SMS");
    private static final MetaData BY_OLGA = by("Olga", "GROUP_ADMIN", "WEB");
    private static final MetaData BY_SYSTEM = by("system", "SYSTEM", "SYSTEM");

    private static JdbcTemplate jdbc;

    private CoverageProjection projection;
    /** Every event handed to the projection, in order, as Axon would deliver it. */
    private final List<Delivery> delivered = new ArrayList<>();
    /** The next sequence number of each request's stream, as the request aggregate would number its events. */
    private final Map<CoverageRequestId, Long> sequences = new HashMap<>();

    @BeforeAll
    static void database() {
        jdbc = new JdbcTemplate(ProjectionDatabase.migrated());
    }

    @BeforeEach
    void emptyProjectionWithAChicagoGroup() {
        projection = new CoverageProjection(new CoverageStore(jdbc));
        projection.reset();
        happen(new GroupCreatedEvent(GROUP, "Cardiology", CHICAGO, GroupSettings.defaults()));
        happen(new MemberAddedEvent(ALICE, GROUP, "Alice", "+13125550101", MemberRole.MEMBER));
        happen(new MemberAddedEvent(BOB, GROUP, "Bob", "+13125550102", MemberRole.MEMBER));
        happen(new MemberAddedEvent(CAROL, GROUP, "Carol", "+13125550103", MemberRole.MEMBER));
        happen(new MemberAddedEvent(OLGA, GROUP, "Olga", "+13125550104", MemberRole.ADMIN));
    }

    // ---- one request

    @Test
    void aRequestByTheHolderShowsTheSlotInTheGroupsZoneTheRequesterAndWhomItWasOfferedToByName() {
        Request request = request("d1", ALICE, "2026-03-07");

        happen(requested(request, List.of(BOB, CAROL, OLGA), "dentist", "2026-03-06T12:00:00Z"), "2026-03-05T15:30:00Z", BY_ALICE);

        CoverageRequestResponse read = find(request);
        assertThat(read.id()).isEqualTo(request.id());
        assertThat(read.status()).isEqualTo(CoverageStatus.OPEN);
        assertThat(read.slot().shiftTypeId()).isEqualTo(PRIMARY);
        assertThat(read.slot().date()).isEqualTo("2026-03-07");
        assertThat(read.slot().start()).as("before spring-forward").hasToString("2026-03-07T08:00-06:00");
        assertThat(read.slot().end()).as("after spring-forward: 23 real hours").hasToString("2026-03-08T08:00-05:00");
        assertThat(read.requester()).isEqualTo(new MemberRef(ALICE, "Alice"));
        assertThat(read.claimant()).isNull();
        assertThat(read.offeredTo()).as("in the order offered")
                .containsExactly(new MemberRef(BOB, "Bob"), new MemberRef(CAROL, "Carol"), new MemberRef(OLGA, "Olga"));
        assertThat(read.reason()).isEqualTo("dentist");
        assertThat(read.createdAt()).isEqualTo("2026-03-05T15:30:00Z");
        assertThat(read.escalatesAt()).isEqualTo("2026-03-06T12:00:00Z");
        assertThat(read.escalatedAt()).isNull();
        assertThat(read.closedAt()).isNull();
        assertThat(read.version()).isEqualTo(1);
        assertThat(read.history()).containsExactly(new HistoryEntry(CoverageStatus.OPEN,
                Instant.parse("2026-03-05T15:30:00Z"), new ActorRef("Alice", "GROUP_MEMBER", "WEB"), null));
    }

    @Test
    void anOpenShiftHasNoRequester() {
        Request request = request("d1", null, "2026-06-10");

        happen(requested(request, List.of(ALICE, BOB), null, "2026-06-09T12:00:00Z"), "2026-06-08T09:00:00Z", BY_OLGA);

        CoverageRequestResponse read = find(request);
        assertThat(read.requester()).isNull();
        assertThat(read.status()).isEqualTo(CoverageStatus.OPEN);
        assertThat(read.offeredTo()).extracting(MemberRef::memberId).containsExactly(ALICE, BOB);
        assertThat(read.slot()).isEqualTo(new SlotRef(PRIMARY, LocalDate.parse("2026-06-10"),
                OffsetDateTime.parse("2026-06-10T08:00-05:00"), OffsetDateTime.parse("2026-06-11T08:00-05:00")));
        assertThat(read.history()).singleElement().satisfies(entry -> assertThat(entry.actor().name()).isEqualTo("Olga"));
    }

    @Test
    void aClaimWithoutApprovalShowsTheClaimAndTheCoverageByTheClaimant() {
        Request request = openRequest("d1");

        happen(claimed(request, BOB, false), "2026-06-08T10:00:00Z", BY_BOB);
        assertThat(find(request).status()).as("never CLAIMED without an approval pending").isEqualTo(CoverageStatus.OPEN);
        happen(covered(request, BOB), "2026-06-08T10:00:00Z", BY_BOB);

        CoverageRequestResponse read = find(request);
        assertThat(read.status()).isEqualTo(CoverageStatus.COVERED);
        assertThat(read.claimant()).isEqualTo(new MemberRef(BOB, "Bob"));
        assertThat(read.closedAt()).isEqualTo("2026-06-08T10:00:00Z");
        assertThat(read.version()).as("requested, claimed, covered").isEqualTo(3);
        assertThat(read.history()).extracting(HistoryEntry::status, HistoryEntry::at, HistoryEntry::actor)
                .containsExactly(
                        tuple(CoverageStatus.OPEN, Instant.parse("2026-06-08T09:00:00Z"), new ActorRef("Alice", "GROUP_MEMBER", "WEB")),
                        tuple(CoverageStatus.CLAIMED, Instant.parse("2026-06-08T10:00:00Z"), new ActorRef("Bob", "GROUP_MEMBER", "SMS")),
                        tuple(CoverageStatus.COVERED, Instant.parse("2026-06-08T10:00:00Z"), new ActorRef("Bob", "GROUP_MEMBER", "SMS")));
    }

    @Test
    void aClaimThatNeedsApprovalWaitsAsClaimedThenIsCoveredWithTheApprovingAdminAsItsActor() {
        Request request = openRequest("d1");

        happen(claimed(request, BOB, true), "2026-06-08T10:00:00Z", BY_BOB);

        CoverageRequestResponse waiting = find(request);
        assertThat(waiting.status()).isEqualTo(CoverageStatus.CLAIMED);
        assertThat(waiting.claimant()).isEqualTo(new MemberRef(BOB, "Bob"));
        assertThat(waiting.closedAt()).isNull();
        assertThat(waiting.version()).isEqualTo(2);

        happen(new CoverageApprovedEvent(request.id(), GROUP, request.slot(), ALICE, BOB, "ok"), "2026-06-08T11:00:00Z", BY_OLGA);
        happen(covered(request, BOB), "2026-06-08T11:00:00Z", BY_OLGA);

        CoverageRequestResponse done = find(request);
        assertThat(done.status()).isEqualTo(CoverageStatus.COVERED);
        assertThat(done.closedAt()).isEqualTo("2026-06-08T11:00:00Z");
        assertThat(done.version()).as("requested, claimed, approved, covered").isEqualTo(4);
        assertThat(done.history()).as("the approval is the admin's COVERED entry").extracting(HistoryEntry::status, HistoryEntry::actor)
                .containsExactly(
                        tuple(CoverageStatus.OPEN, new ActorRef("Alice", "GROUP_MEMBER", "WEB")),
                        tuple(CoverageStatus.CLAIMED, new ActorRef("Bob", "GROUP_MEMBER", "SMS")),
                        tuple(CoverageStatus.COVERED, new ActorRef("Olga", "GROUP_ADMIN", "WEB")));
    }

    @Test
    void aRejectedClaimReturnsTheRequestToOpenWithoutAClaimantAndItCanBeClaimedAgain() {
        Request request = openRequest("d1");
        happen(claimed(request, BOB, true), "2026-06-08T10:00:00Z", BY_BOB);

        happen(new CoverageRejectedEvent(request.id(), GROUP, request.slot(), ALICE, BOB, "no"), "2026-06-08T11:00:00Z", BY_OLGA);

        CoverageRequestResponse reopened = find(request);
        assertThat(reopened.status()).isEqualTo(CoverageStatus.OPEN);
        assertThat(reopened.claimant()).isNull();
        assertThat(reopened.closedAt()).isNull();
        assertThat(reopened.version()).isEqualTo(3);
        assertThat(reopened.history()).extracting(HistoryEntry::status, entry -> entry.actor().name())
                .containsExactly(tuple(CoverageStatus.OPEN, "Alice"), tuple(CoverageStatus.CLAIMED, "Bob"),
                        tuple(CoverageStatus.OPEN, "Olga"));

        happen(claimed(request, CAROL, true), "2026-06-08T12:00:00Z", forMember(BY_OLGA, CAROL));
        CoverageRequestResponse again = find(request);
        assertThat(again.status()).isEqualTo(CoverageStatus.CLAIMED);
        assertThat(again.claimant()).isEqualTo(new MemberRef(CAROL, "Carol"));
        assertThat(again.history()).last().isEqualTo(new HistoryEntry(CoverageStatus.CLAIMED,
                Instant.parse("2026-06-08T12:00:00Z"), new ActorRef("Olga", "GROUP_ADMIN", "WEB"), CAROL));
    }

    @Test
    void aCancelledRequestIsClosedWhenTheRequesterCancelled() {
        Request request = openRequest("d1");

        happen(new CoverageCancelledEvent(request.id(), GROUP, request.slot(), ALICE, null), "2026-06-08T10:00:00Z", BY_ALICE);

        assertEnded(request, CoverageStatus.CANCELLED, "2026-06-08T10:00:00Z", new ActorRef("Alice", "GROUP_MEMBER", "WEB"));
    }

    @Test
    void anEscalationSetsEscalatedAtWithoutAStatusStep() {
        Request request = openRequest("d1");

        happen(new CoverageEscalatedEvent(request.id(), GROUP, request.slot(), ALICE), "2026-06-09T08:00:00Z", BY_SYSTEM);

        CoverageRequestResponse read = find(request);
        assertThat(read.status()).isEqualTo(CoverageStatus.OPEN);
        assertThat(read.escalatedAt()).isEqualTo("2026-06-09T08:00:00Z");
        assertThat(read.closedAt()).isNull();
        assertThat(read.version()).isEqualTo(2);
        assertThat(read.history()).extracting(HistoryEntry::status).containsExactly(CoverageStatus.OPEN);
    }

    @Test
    void anUnfilledRequestIsClosedBySystemAtTheShiftsStartAndKeepsItsEscalation() {
        Request request = openRequest("d1");
        happen(new CoverageEscalatedEvent(request.id(), GROUP, request.slot(), ALICE), "2026-06-09T08:00:00Z", BY_SYSTEM);

        happen(new CoverageUnfilledEvent(request.id(), GROUP, request.slot(), ALICE), "2026-06-10T13:00:00Z", BY_SYSTEM);

        assertEnded(request, CoverageStatus.UNFILLED, "2026-06-10T13:00:00Z", new ActorRef("system", "SYSTEM", "SYSTEM"));
        assertThat(find(request).escalatedAt()).isEqualTo("2026-06-09T08:00:00Z");
    }

    @Test
    void aRenamedMemberShowsUnderTheirNewNameEverywhere() {
        Request request = openRequest("d1");
        happen(claimed(request, BOB, true), "2026-06-08T10:00:00Z", BY_BOB);

        happen(new MemberChangedEvent(BOB, GROUP, "Robert", "+13125550102", MemberRole.MEMBER, "Bob", "+13125550102",
                MemberRole.MEMBER));

        CoverageRequestResponse read = find(request);
        assertThat(read.claimant()).isEqualTo(new MemberRef(BOB, "Robert"));
        assertThat(read.offeredTo()).contains(new MemberRef(BOB, "Robert"));
    }

    @Test
    void aRequestOfAnotherGroupOrNoRequestAtAllIsCoverageRequestNotFound() {
        happen(new GroupCreatedEvent(OTHER_GROUP, "Elsewhere", ZoneId.of("Europe/Berlin"), GroupSettings.defaults()));
        happen(new MemberAddedEvent(ZOE, OTHER_GROUP, "Zoe", "+493012345678", MemberRole.MEMBER));
        Request theirs = new Request(id(CoverageRequestId::new, "e1"), OTHER_GROUP, ZOE, slot("2026-06-10"));
        happen(requested(theirs, List.of(), null, "2026-06-09T12:00:00Z"), "2026-06-08T09:00:00Z", BY_OLGA);

        assertNotFound(() -> projection.handle(new FindCoverageRequestQuery(GROUP, theirs.id())));
        assertNotFound(() -> projection.handle(new FindCoverageRequestQuery(GROUP, id(CoverageRequestId::new, "ff"))));
        assertThat(list(GROUP, null, 0, 50).items()).isEmpty();
        CoverageRequestResponse read = projection.handle(new FindCoverageRequestQuery(OTHER_GROUP, theirs.id()));
        assertThat(read.slot().start()).as("in the other group's zone").hasToString("2026-06-10T08:00+02:00");
        assertThat(read.offeredTo()).isEmpty();
    }

    // ---- lists

    @Test
    void theListIsNewestFirstAndFiltersByStatus() {
        Request first = requested(request("d1", ALICE, "2026-06-10"), "2026-06-01T09:00:00Z");
        Request second = requested(request("d2", null, "2026-06-12"), "2026-06-02T09:00:00Z");
        Request third = requested(request("d3", BOB, "2026-06-14"), "2026-06-03T09:00:00Z");
        happen(claimed(second, CAROL, true), "2026-06-04T09:00:00Z", BY_ALICE);
        happen(new CoverageCancelledEvent(third.id(), GROUP, third.slot(), BOB, null), "2026-06-04T10:00:00Z", BY_BOB);

        assertThat(ids(list(GROUP, null, 0, 50))).containsExactly(third.id(), second.id(), first.id());
        assertThat(ids(list(GROUP, CoverageStatus.OPEN, 0, 50))).containsExactly(first.id());
        assertThat(ids(list(GROUP, CoverageStatus.CLAIMED, 0, 50))).containsExactly(second.id());
        assertThat(ids(list(GROUP, CoverageStatus.CANCELLED, 0, 50))).containsExactly(third.id());
        assertThat(ids(list(GROUP, CoverageStatus.COVERED, 0, 50))).isEmpty();
        assertThat(list(GROUP, null, 0, 50).items())
                .allSatisfy(request -> assertThat(request.history()).isNotEmpty())
                .allSatisfy(request -> assertThat(request.offeredTo()).isNotEmpty());
    }

    @Test
    void pagesSplitTheListAndTotalCountsEveryMatch() {
        List<CoverageRequestId> newestFirst = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            newestFirst.add(0, requested(request("d" + i, ALICE, "2026-06-1" + i), "2026-06-0" + i + "T09:00:00Z").id());
        }

        CoverageRequestPage page0 = list(GROUP, null, 0, 2);
        CoverageRequestPage page2 = list(GROUP, null, 2, 2);
        CoverageRequestPage beyond = list(GROUP, null, 3, 2);

        assertThat(ids(page0)).containsExactlyElementsOf(newestFirst.subList(0, 2));
        assertThat(ids(list(GROUP, null, 1, 2))).containsExactlyElementsOf(newestFirst.subList(2, 4));
        assertThat(ids(page2)).containsExactlyElementsOf(newestFirst.subList(4, 5));
        assertThat(beyond.items()).isEmpty();
        assertThat(List.of(page0, page2, beyond)).allSatisfy(page -> assertThat(page.total()).isEqualTo(5));
        assertThat(page2.page()).isEqualTo(2);
        assertThat(page2.size()).isEqualTo(2);
        assertThat(list(GROUP, CoverageStatus.COVERED, 0, 2).total()).isZero();
    }

    @Test
    void aNegativePageOrASizeOutsideOneToFiveHundredIsMalformed() {
        assertMalformed(() -> list(GROUP, null, -1, 50), "page");
        assertMalformed(() -> list(GROUP, null, 0, 0), "size");
        assertMalformed(() -> list(GROUP, null, 0, 501), "size");
        assertThat(list(GROUP, null, 0, 500).items()).isEmpty();
    }

    @Test
    void theListOfAGroupTheProjectionHasNeverSeenIsGroupNotFound() {
        assertThatThrownBy(() -> list(id(GroupId::new, "ff"), null, 0, 50))
                .isInstanceOfSatisfying(RotaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.GROUP_NOT_FOUND));
    }

    // ---- replay

    @Test
    void handlingAnEventAgainLateOrTwiceInARowChangesNothing() {
        everyKindOfRequest();
        List<Delivery> history = List.copyOf(delivered);
        Answers once = answers();

        history.forEach(this::deliver);
        assertThat(answers()).as("the whole history again, without a reset").isEqualTo(once);

        history.stream().filter(delivery -> delivery.event() instanceof CoverageClaimedEvent
                || delivery.event() instanceof CoverageRejectedEvent).forEach(this::deliver);
        assertThat(answers()).as("claims and rejections again, after the requests moved on").isEqualTo(once);

        projection.reset();
        history.forEach(delivery -> {
            deliver(delivery);
            deliver(delivery);
        });
        assertThat(answers()).as("each event twice in a row").isEqualTo(once);
    }

    @Test
    void resetEmptiesEveryTableAndTheEventsBuildTheSameAnswersAgain() {
        everyKindOfRequest();
        List<Delivery> history = List.copyOf(delivered);
        Answers before = answers();

        projection.reset();

        for (String table : List.of("coverage_group", "coverage_member", "coverage_request_view", "coverage_offered",
                "coverage_history")) {
            assertThat(jdbc.queryForObject("select count(*) from " + table, Long.class)).as(table).isZero();
        }
        history.forEach(this::deliver);
        assertThat(answers()).isEqualTo(before);
    }

    private void everyKindOfRequest() {
        Request covered = requested(request("d1", ALICE, "2026-06-10"), "2026-06-01T09:00:00Z");
        happen(claimed(covered, BOB, true), "2026-06-01T10:00:00Z", BY_BOB);
        happen(new CoverageRejectedEvent(covered.id(), GROUP, covered.slot(), ALICE, BOB, null), "2026-06-01T11:00:00Z", BY_OLGA);
        happen(claimed(covered, CAROL, true), "2026-06-01T12:00:00Z", BY_OLGA);
        happen(new CoverageApprovedEvent(covered.id(), GROUP, covered.slot(), ALICE, CAROL, null), "2026-06-01T13:00:00Z", BY_OLGA);
        happen(covered(covered, CAROL), "2026-06-01T13:00:00Z", BY_OLGA);
        Request openShift = requested(request("d2", null, "2026-06-12"), "2026-06-02T09:00:00Z");
        happen(claimed(openShift, BOB, false), "2026-06-02T10:00:00Z", BY_BOB);
        happen(covered(openShift, BOB), "2026-06-02T10:00:00Z", BY_BOB);
        Request unfilled = requested(request("d3", BOB, "2026-06-14"), "2026-06-03T09:00:00Z");
        happen(new CoverageEscalatedEvent(unfilled.id(), GROUP, unfilled.slot(), BOB), "2026-06-04T09:00:00Z", BY_SYSTEM);
        happen(new CoverageUnfilledEvent(unfilled.id(), GROUP, unfilled.slot(), BOB), "2026-06-14T13:00:00Z", BY_SYSTEM);
        Request cancelled = requested(request("d4", CAROL, "2026-06-16"), "2026-06-04T09:00:00Z");
        happen(new CoverageCancelledEvent(cancelled.id(), GROUP, cancelled.slot(), CAROL, null), "2026-06-04T10:00:00Z",
                forMember(BY_OLGA, CAROL));
        requested(request("d5", ALICE, "2026-06-18"), "2026-06-05T09:00:00Z");
        happen(new MemberChangedEvent(CAROL, GROUP, "Caroline", "+13125550103", MemberRole.MEMBER, "Carol", "+13125550103",
                MemberRole.MEMBER));
    }

    private record Answers(CoverageRequestPage all, CoverageRequestPage open) {
    }

    private Answers answers() {
        return new Answers(list(GROUP, null, 0, 50), list(GROUP, CoverageStatus.OPEN, 0, 50));
    }

    // ---- fixtures

    /** A request's identity, to build its events from: an open shift has no requester. */
    private record Request(CoverageRequestId id, GroupId group, MemberId requester, SlotKey slot) {
    }

    private record Delivery(Object event, Instant at, long sequence, MetaData metaData) {
    }

    private static Request request(String suffix, MemberId requester, String date) {
        return new Request(id(CoverageRequestId::new, suffix), GROUP, requester, slot(date));
    }

    /** Alice asks for her 10 June to be covered, on 8 June at 09:00 UTC; offered to Bob and Carol. */
    private Request openRequest(String suffix) {
        Request request = request(suffix, ALICE, "2026-06-10");
        happen(requested(request, List.of(BOB, CAROL), null, "2026-06-09T12:00:00Z"), "2026-06-08T09:00:00Z", BY_ALICE);
        return request;
    }

    private Request requested(Request request, String at) {
        List<MemberId> offeredTo = request.requester() == null ? List.of(ALICE, BOB, CAROL)
                : List.of(ALICE, BOB, CAROL).stream().filter(member -> !member.equals(request.requester())).toList();
        happen(requested(request, offeredTo, null, Instant.parse(at).plusSeconds(24 * 3600).toString()), at,
                request.requester() == null ? BY_OLGA : BY_ALICE);
        return request;
    }

    /** As the request aggregate records it: the slot's real interval in the group's zone. */
    private static CoverageRequestedEvent requested(Request request, List<MemberId> offeredTo, String reason, String escalatesAt) {
        ZoneId zone = request.group().equals(GROUP) ? CHICAGO : ZoneId.of("Europe/Berlin");
        SlotInterval interval = PRIMARY_TIMING.intervalOn(request.slot().date(), zone);
        return new CoverageRequestedEvent(request.id(), request.group(), request.slot(), interval.startInstant(),
                interval.endInstant(), request.requester(), offeredTo, reason, Instant.parse(escalatesAt));
    }

    private static CoverageClaimedEvent claimed(Request request, MemberId claimant, boolean approvalRequired) {
        return new CoverageClaimedEvent(request.id(), request.group(), request.slot(), request.requester(), claimant, approvalRequired);
    }

    private static CoverageCoveredEvent covered(Request request, MemberId claimant) {
        return new CoverageCoveredEvent(request.id(), request.group(), request.slot(), request.requester(), claimant);
    }

    private static SlotKey slot(String date) {
        return new SlotKey(PRIMARY, LocalDate.parse(date));
    }

    private static MetaData by(String name, String role, String source) {
        return MetaData.from(Map.of(ActorMetadata.ACTOR_ACCOUNT_ID, UUID.randomUUID().toString(), ActorMetadata.ACTOR_NAME, name,
                ActorMetadata.ACTOR_ROLE, role, ActorMetadata.ACTOR_SOURCE, source));
    }

    private static MetaData forMember(MetaData admin, MemberId member) {
        return admin.and(ActorMetadata.ON_BEHALF_OF, member.toString());
    }

    /** A group or member event: not part of a request's stream. */
    private void happen(Object event) {
        happen(event, "2026-01-01T00:00:00Z", BY_OLGA);
    }

    /** A request event at that time by that actor, with the next sequence number of its request's stream. */
    private void happen(Object event, String at, MetaData metaData) {
        CoverageRequestId request = requestOf(event);
        long sequence = request == null ? 0 : sequences.merge(request, 1L, Long::sum) - 1;
        Delivery delivery = new Delivery(event, Instant.parse(at), sequence, metaData);
        delivered.add(delivery);
        deliver(delivery);
    }

    private static CoverageRequestId requestOf(Object event) {
        if (event instanceof CoverageRequestedEvent e) {
            return e.requestId();
        } else if (event instanceof CoverageClaimedEvent e) {
            return e.requestId();
        } else if (event instanceof CoverageApprovedEvent e) {
            return e.requestId();
        } else if (event instanceof CoverageRejectedEvent e) {
            return e.requestId();
        } else if (event instanceof CoverageEscalatedEvent e) {
            return e.requestId();
        } else if (event instanceof CoverageCoveredEvent e) {
            return e.requestId();
        } else if (event instanceof CoverageCancelledEvent e) {
            return e.requestId();
        } else if (event instanceof CoverageUnfilledEvent e) {
            return e.requestId();
        }
        return null;
    }

    /** What Axon does: the handler for the event's type, with the parameters that handler takes. */
    private void deliver(Delivery d) {
        Object event = d.event();
        if (event instanceof GroupCreatedEvent e) {
            projection.on(e);
        } else if (event instanceof MemberAddedEvent e) {
            projection.on(e);
        } else if (event instanceof MemberChangedEvent e) {
            projection.on(e);
        } else if (event instanceof CoverageRequestedEvent e) {
            projection.on(e, d.at(), d.sequence(), d.metaData());
        } else if (event instanceof CoverageClaimedEvent e) {
            projection.on(e, d.at(), d.sequence(), d.metaData());
        } else if (event instanceof CoverageApprovedEvent e) {
            projection.on(e, d.at(), d.sequence(), d.metaData());
        } else if (event instanceof CoverageRejectedEvent e) {
            projection.on(e, d.at(), d.sequence(), d.metaData());
        } else if (event instanceof CoverageEscalatedEvent e) {
            projection.on(e, d.at(), d.sequence(), d.metaData());
        } else if (event instanceof CoverageCoveredEvent e) {
            projection.on(e, d.at(), d.sequence(), d.metaData());
        } else if (event instanceof CoverageCancelledEvent e) {
            projection.on(e, d.at(), d.sequence(), d.metaData());
        } else if (event instanceof CoverageUnfilledEvent e) {
            projection.on(e, d.at(), d.sequence(), d.metaData());
        } else {
            throw new IllegalArgumentException("the coverage projection does not handle " + event);
        }
    }

    private CoverageRequestResponse find(Request request) {
        return projection.handle(new FindCoverageRequestQuery(request.group(), request.id()));
    }

    private CoverageRequestPage list(GroupId group, CoverageStatus status, int page, int size) {
        return projection.handle(new FindCoverageRequestsQuery(group, status, page, size));
    }

    private static List<CoverageRequestId> ids(CoverageRequestPage page) {
        return page.items().stream().map(CoverageRequestResponse::id).toList();
    }

    private void assertEnded(Request request, CoverageStatus status, String at, ActorRef actor) {
        CoverageRequestResponse read = find(request);
        assertThat(read.status()).isEqualTo(status);
        assertThat(read.closedAt()).isEqualTo(at);
        assertThat(read.history()).last().isEqualTo(new HistoryEntry(status, Instant.parse(at), actor, null));
        assertThat(read.version()).isEqualTo(sequences.get(request.id()));
    }

    private static void assertNotFound(ThrowingCallable read) {
        assertThatThrownBy(read).isInstanceOfSatisfying(RotaException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.COVERAGE_REQUEST_NOT_FOUND));
    }

    private static void assertMalformed(ThrowingCallable read, String field) {
        assertThatThrownBy(read).isInstanceOfSatisfying(RotaException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_REQUEST);
            assertThat(e.field()).isEqualTo(field);
        });
    }

    private static <T> T id(Function<UUID, T> type, String suffix) {
        return type.apply(UUID.fromString("00000000-0000-0000-0000-0000000000" + suffix));
    }
}
