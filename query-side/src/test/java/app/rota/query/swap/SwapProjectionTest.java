package app.rota.query.swap;

import app.rota.kernel.common.ActorMetadata;
import app.rota.kernel.common.ActorRef;
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
import app.rota.kernel.swap.SwapKind;
import app.rota.kernel.swap.SwapPage;
import app.rota.kernel.swap.SwapProposedEvent;
import app.rota.kernel.swap.SwapRejectedEvent;
import app.rota.kernel.swap.SwapResponse;
import app.rota.kernel.swap.SwapResponse.HistoryEntry;
import app.rota.kernel.swap.SwapStatus;
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
 * The swap projection as a plain object on a real PostgreSQL: events go in through its event handlers
 * with what Axon would pass (timestamp, the swap aggregate's sequence number, the metadata the command
 * passed on), answers come out of its query handlers.
 */
class SwapProjectionTest {

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
    private static final MemberId YANN = id(MemberId::new, "b6");
    private static final MetaData BY_ALICE = by("Alice", "GROUP_MEMBER", "WEB");
    private static final MetaData BY_BOB = by("Bob", "GROUP_MEMBER", "SMS");
    private static final MetaData BY_OLGA = by("Olga", "GROUP_ADMIN", "WEB");
    private static final MetaData BY_SYSTEM = by("system", "SYSTEM", "SYSTEM");

    private static JdbcTemplate jdbc;

    private SwapProjection projection;
    /** Every event handed to the projection, in order, as Axon would deliver it. */
    private final List<Delivery> delivered = new ArrayList<>();
    /** The next sequence number of each swap's stream, as the swap aggregate would number its events. */
    private final Map<SwapId, Long> sequences = new HashMap<>();

    @BeforeAll
    static void database() {
        jdbc = new JdbcTemplate(ProjectionDatabase.migrated());
    }

    @BeforeEach
    void emptyProjectionWithAChicagoGroup() {
        projection = new SwapProjection(new SwapStore(jdbc));
        projection.reset();
        happen(new GroupCreatedEvent(GROUP, "Cardiology", CHICAGO, GroupSettings.defaults()));
        happen(new MemberAddedEvent(ALICE, GROUP, "Alice", "+13125550101", MemberRole.MEMBER));
        happen(new MemberAddedEvent(BOB, GROUP, "Bob", "+13125550102", MemberRole.MEMBER));
        happen(new MemberAddedEvent(CAROL, GROUP, "Carol", "+13125550103", MemberRole.MEMBER));
        happen(new MemberAddedEvent(OLGA, GROUP, "Olga", "+13125550104", MemberRole.ADMIN));
    }

    // ---- one swap

    @Test
    void aProposedTradeShowsBothMembersByNameBothSlotsInTheGroupsZoneAndWhoProposedIt() {
        Swap swap = trade("d1", ALICE, "2026-03-07", BOB, "2026-03-10");

        happen(proposed(swap, "dentist", "2026-03-06T12:00:00Z"), "2026-03-05T15:30:00Z", BY_ALICE);

        SwapResponse read = find(swap);
        assertThat(read.id()).isEqualTo(swap.id());
        assertThat(read.kind()).isEqualTo(SwapKind.TRADE);
        assertThat(read.status()).isEqualTo(SwapStatus.PROPOSED);
        assertThat(read.proposer()).isEqualTo(new MemberRef(ALICE, "Alice"));
        assertThat(read.counterpart()).isEqualTo(new MemberRef(BOB, "Bob"));
        assertThat(read.fromSlot().shiftTypeId()).isEqualTo(PRIMARY);
        assertThat(read.fromSlot().date()).isEqualTo("2026-03-07");
        assertThat(read.fromSlot().start()).as("before spring-forward").hasToString("2026-03-07T08:00-06:00");
        assertThat(read.fromSlot().end()).as("after spring-forward: 23 real hours").hasToString("2026-03-08T08:00-05:00");
        assertThat(read.toSlot().date()).isEqualTo("2026-03-10");
        assertThat(read.toSlot().start()).hasToString("2026-03-10T08:00-05:00");
        assertThat(read.reason()).isEqualTo("dentist");
        assertThat(read.createdAt()).isEqualTo("2026-03-05T15:30:00Z");
        assertThat(read.expiresAt()).isEqualTo("2026-03-06T12:00:00Z");
        assertThat(read.closedAt()).isNull();
        assertThat(read.failureReason()).isNull();
        assertThat(read.version()).isEqualTo(1);
        assertThat(read.history()).containsExactly(new HistoryEntry(SwapStatus.PROPOSED,
                Instant.parse("2026-03-05T15:30:00Z"), new ActorRef("Alice", "GROUP_MEMBER", "WEB"), null));
    }

    @Test
    void aGiveAwayHasNoSecondSlot() {
        Swap swap = giveAway("d1", ALICE, "2026-06-10", BOB);

        happen(proposed(swap, null, "2026-06-09T12:00:00Z"), "2026-06-08T09:00:00Z", BY_ALICE);

        SwapResponse read = find(swap);
        assertThat(read.kind()).isEqualTo(SwapKind.GIVE_AWAY);
        assertThat(read.toSlot()).isNull();
        assertThat(read.fromSlot()).isEqualTo(new SlotRef(PRIMARY, LocalDate.parse("2026-06-10"),
                OffsetDateTime.parse("2026-06-10T08:00-05:00"), OffsetDateTime.parse("2026-06-11T08:00-05:00")));
    }

    @Test
    void anAcceptedSwapInAGroupWithoutApprovalShowsTheAcceptanceAndTheCompletionByTheCounterpart() {
        Swap swap = proposedTrade("d1");

        happen(accepted(swap, false), "2026-06-08T10:00:00Z", BY_BOB);
        assertThat(find(swap).status()).as("never ACCEPTED without an approval pending").isEqualTo(SwapStatus.PROPOSED);
        happen(completed(swap), "2026-06-08T10:00:00Z", BY_BOB);

        SwapResponse read = find(swap);
        assertThat(read.status()).isEqualTo(SwapStatus.COMPLETED);
        assertThat(read.closedAt()).isEqualTo("2026-06-08T10:00:00Z");
        assertThat(read.version()).as("proposed, accepted, completed").isEqualTo(3);
        assertThat(read.history()).extracting(HistoryEntry::status, HistoryEntry::at, HistoryEntry::actor)
                .containsExactly(
                        tuple(SwapStatus.PROPOSED, Instant.parse("2026-06-08T09:00:00Z"), new ActorRef("Alice", "GROUP_MEMBER", "WEB")),
                        tuple(SwapStatus.ACCEPTED, Instant.parse("2026-06-08T10:00:00Z"), new ActorRef("Bob", "GROUP_MEMBER", "SMS")),
                        tuple(SwapStatus.COMPLETED, Instant.parse("2026-06-08T10:00:00Z"), new ActorRef("Bob", "GROUP_MEMBER", "SMS")));
    }

    @Test
    void aSwapThatNeedsApprovalWaitsAsAcceptedThenCompletesWithTheApprovingAdminAsItsActor() {
        Swap swap = proposedTrade("d1");

        happen(accepted(swap, true), "2026-06-08T10:00:00Z", BY_BOB);

        SwapResponse waiting = find(swap);
        assertThat(waiting.status()).isEqualTo(SwapStatus.ACCEPTED);
        assertThat(waiting.closedAt()).isNull();
        assertThat(waiting.version()).isEqualTo(2);

        happen(approved(swap), "2026-06-08T11:00:00Z", BY_OLGA);
        happen(completed(swap), "2026-06-08T11:00:00Z", BY_OLGA);

        SwapResponse done = find(swap);
        assertThat(done.status()).isEqualTo(SwapStatus.COMPLETED);
        assertThat(done.closedAt()).isEqualTo("2026-06-08T11:00:00Z");
        assertThat(done.version()).as("proposed, accepted, approved, completed").isEqualTo(4);
        assertThat(done.history()).as("the approval is the admin's COMPLETED entry").extracting(HistoryEntry::status, HistoryEntry::actor)
                .containsExactly(
                        tuple(SwapStatus.PROPOSED, new ActorRef("Alice", "GROUP_MEMBER", "WEB")),
                        tuple(SwapStatus.ACCEPTED, new ActorRef("Bob", "GROUP_MEMBER", "SMS")),
                        tuple(SwapStatus.COMPLETED, new ActorRef("Olga", "GROUP_ADMIN", "WEB")));
    }

    @Test
    void anAdminActingForAMemberIsTheActorAndTheMemberIsWhomTheyActedFor() {
        Swap swap = trade("d1", ALICE, "2026-06-10", BOB, "2026-06-12");

        happen(proposed(swap, null, "2026-06-09T12:00:00Z"), "2026-06-08T09:00:00Z", forMember(BY_OLGA, ALICE));
        happen(accepted(swap, true), "2026-06-08T10:00:00Z", forMember(BY_OLGA, BOB));
        happen(approved(swap), "2026-06-08T11:00:00Z", BY_OLGA);
        happen(completed(swap), "2026-06-08T11:00:00Z", BY_OLGA);

        assertThat(find(swap).history()).extracting(HistoryEntry::status, entry -> entry.actor().name(), HistoryEntry::onBehalfOf)
                .containsExactly(
                        tuple(SwapStatus.PROPOSED, "Olga", ALICE),
                        tuple(SwapStatus.ACCEPTED, "Olga", BOB),
                        tuple(SwapStatus.COMPLETED, "Olga", null));
    }

    @Test
    void aDeclinedSwapIsClosedWhenTheCounterpartDeclined() {
        Swap swap = proposedTrade("d1");

        happen(new SwapDeclinedEvent(swap.id(), GROUP, swap.proposer(), swap.counterpart(), "busy"), "2026-06-08T10:00:00Z", BY_BOB);

        assertEnded(swap, SwapStatus.DECLINED, "2026-06-08T10:00:00Z", new ActorRef("Bob", "GROUP_MEMBER", "SMS"));
    }

    @Test
    void aCancelledSwapIsClosedWhenTheProposerCancelled() {
        Swap swap = proposedTrade("d1");

        happen(new SwapCancelledEvent(swap.id(), GROUP, swap.proposer(), swap.counterpart(), null), "2026-06-08T10:00:00Z", BY_ALICE);

        assertEnded(swap, SwapStatus.CANCELLED, "2026-06-08T10:00:00Z", new ActorRef("Alice", "GROUP_MEMBER", "WEB"));
    }

    @Test
    void aRejectedSwapIsClosedWhenTheAdminRejectedItsAcceptance() {
        Swap swap = proposedTrade("d1");
        happen(accepted(swap, true), "2026-06-08T10:00:00Z", BY_BOB);

        happen(new SwapRejectedEvent(swap.id(), GROUP, swap.proposer(), swap.counterpart(), "no"), "2026-06-08T12:00:00Z", BY_OLGA);

        assertEnded(swap, SwapStatus.REJECTED, "2026-06-08T12:00:00Z", new ActorRef("Olga", "GROUP_ADMIN", "WEB"));
        assertThat(find(swap).history()).extracting(HistoryEntry::status)
                .containsExactly(SwapStatus.PROPOSED, SwapStatus.ACCEPTED, SwapStatus.REJECTED);
    }

    @Test
    void anExpiredSwapIsClosedBySystemAtItsExpiry() {
        Swap swap = proposedTrade("d1");

        happen(new SwapExpiredEvent(swap.id(), GROUP, swap.proposer(), swap.counterpart()), "2026-06-09T12:00:00Z", BY_SYSTEM);

        assertEnded(swap, SwapStatus.EXPIRED, "2026-06-09T12:00:00Z", new ActorRef("system", "SYSTEM", "SYSTEM"));
    }

    @Test
    void aFailedSwapTellsWhyItFailed() {
        Swap swap = proposedTrade("d1");
        happen(accepted(swap, false), "2026-06-08T10:00:00Z", BY_BOB);

        happen(new SwapFailedEvent(swap.id(), GROUP, swap.proposer(), swap.counterpart(), "Bob would be double-booked"),
                "2026-06-08T10:00:00Z", BY_BOB);

        assertEnded(swap, SwapStatus.FAILED, "2026-06-08T10:00:00Z", new ActorRef("Bob", "GROUP_MEMBER", "SMS"));
        assertThat(find(swap).failureReason()).isEqualTo("Bob would be double-booked");
        assertThat(find(swap).history()).extracting(HistoryEntry::status)
                .containsExactly(SwapStatus.PROPOSED, SwapStatus.ACCEPTED, SwapStatus.FAILED);
    }

    @Test
    void aRenamedMemberShowsUnderTheirNewName() {
        Swap swap = proposedTrade("d1");

        happen(new MemberChangedEvent(BOB, GROUP, "Robert", "+13125550102", MemberRole.MEMBER, "Bob", "+13125550102",
                MemberRole.MEMBER));

        assertThat(find(swap).counterpart()).isEqualTo(new MemberRef(BOB, "Robert"));
    }

    @Test
    void aSwapOfAnotherGroupOrNoSwapAtAllIsSwapNotFound() {
        happen(new GroupCreatedEvent(OTHER_GROUP, "Elsewhere", ZoneId.of("Europe/Berlin"), GroupSettings.defaults()));
        happen(new MemberAddedEvent(ZOE, OTHER_GROUP, "Zoe", "+493012345678", MemberRole.MEMBER));
        happen(new MemberAddedEvent(YANN, OTHER_GROUP, "Yann", "+493012345679", MemberRole.MEMBER));
        Swap theirs = new Swap(id(SwapId::new, "e1"), OTHER_GROUP, ZOE, YANN, slot("2026-06-10"), null);
        happen(proposed(theirs, null, "2026-06-09T12:00:00Z"), "2026-06-08T09:00:00Z", BY_OLGA);

        assertSwapNotFound(() -> projection.handle(new FindSwapQuery(GROUP, theirs.id())));
        assertSwapNotFound(() -> projection.handle(new FindSwapQuery(GROUP, id(SwapId::new, "ff"))));
        assertThat(list(GROUP, null, null, 0, 50).items()).isEmpty();
        assertThat(projection.handle(new FindSwapQuery(OTHER_GROUP, theirs.id())).fromSlot().start())
                .as("in the other group's zone").hasToString("2026-06-10T08:00+02:00");
    }

    // ---- lists

    @Test
    void theListIsNewestFirstAndFiltersByStatusAndByProposerOrCounterpart() {
        Swap first = proposed(trade("d1", ALICE, "2026-06-10", BOB, "2026-06-12"), "2026-06-01T09:00:00Z");
        Swap second = proposed(giveAway("d2", BOB, "2026-06-14", CAROL), "2026-06-02T09:00:00Z");
        Swap third = proposed(trade("d3", CAROL, "2026-06-16", ALICE, "2026-06-18"), "2026-06-03T09:00:00Z");
        happen(new SwapDeclinedEvent(second.id(), GROUP, BOB, CAROL, null), "2026-06-04T09:00:00Z", BY_BOB);

        assertThat(ids(list(GROUP, null, null, 0, 50))).containsExactly(third.id(), second.id(), first.id());
        assertThat(ids(list(GROUP, SwapStatus.PROPOSED, null, 0, 50))).containsExactly(third.id(), first.id());
        assertThat(ids(list(GROUP, SwapStatus.DECLINED, null, 0, 50))).containsExactly(second.id());
        assertThat(ids(list(GROUP, null, ALICE, 0, 50))).as("as proposer or as counterpart").containsExactly(third.id(), first.id());
        assertThat(ids(list(GROUP, SwapStatus.DECLINED, ALICE, 0, 50))).isEmpty();
        assertThat(ids(list(GROUP, null, OLGA, 0, 50))).isEmpty();
        assertThat(list(GROUP, null, BOB, 0, 50).items()).allSatisfy(swap -> assertThat(swap.history()).isNotEmpty());
    }

    @Test
    void pagesSplitTheListAndTotalCountsEveryMatch() {
        List<SwapId> newestFirst = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            newestFirst.add(0, proposed(giveAway("d" + i, ALICE, "2026-06-1" + i, BOB), "2026-06-0" + i + "T09:00:00Z").id());
        }

        SwapPage page0 = list(GROUP, null, null, 0, 2);
        SwapPage page2 = list(GROUP, null, null, 2, 2);
        SwapPage beyond = list(GROUP, null, null, 3, 2);

        assertThat(ids(page0)).containsExactlyElementsOf(newestFirst.subList(0, 2));
        assertThat(ids(list(GROUP, null, null, 1, 2))).containsExactlyElementsOf(newestFirst.subList(2, 4));
        assertThat(ids(page2)).containsExactlyElementsOf(newestFirst.subList(4, 5));
        assertThat(beyond.items()).isEmpty();
        assertThat(List.of(page0, page2, beyond)).allSatisfy(page -> assertThat(page.total()).isEqualTo(5));
        assertThat(page2.page()).isEqualTo(2);
        assertThat(page2.size()).isEqualTo(2);
    }

    @Test
    void aNegativePageOrASizeOutsideOneToFiveHundredIsMalformed() {
        assertMalformed(() -> list(GROUP, null, null, -1, 50), "page");
        assertMalformed(() -> list(GROUP, null, null, 0, 0), "size");
        assertMalformed(() -> list(GROUP, null, null, 0, 501), "size");
        assertThat(list(GROUP, null, null, 0, 500).items()).isEmpty();
    }

    @Test
    void theListOfAGroupTheProjectionHasNeverSeenIsGroupNotFound() {
        assertThatThrownBy(() -> list(id(GroupId::new, "ff"), null, null, 0, 50))
                .isInstanceOfSatisfying(RotaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.GROUP_NOT_FOUND));
    }

    // ---- replay

    @Test
    void handlingAnEventAgainLateOrTwiceInARowChangesNothing() {
        everyKindOfSwap();
        List<Delivery> history = List.copyOf(delivered);
        Answers once = answers();

        history.forEach(this::deliver);
        assertThat(answers()).as("the whole history again, without a reset").isEqualTo(once);

        history.stream().filter(delivery -> delivery.event() instanceof SwapAcceptedEvent).forEach(this::deliver);
        assertThat(answers()).as("an acceptance again, after the swap ended").isEqualTo(once);

        projection.reset();
        history.forEach(delivery -> {
            deliver(delivery);
            deliver(delivery);
        });
        assertThat(answers()).as("each event twice in a row").isEqualTo(once);
    }

    @Test
    void resetEmptiesEveryTableAndTheEventsBuildTheSameAnswersAgain() {
        everyKindOfSwap();
        List<Delivery> history = List.copyOf(delivered);
        Answers before = answers();

        projection.reset();

        for (String table : List.of("swap_group", "swap_member", "swap_view", "swap_history")) {
            assertThat(jdbc.queryForObject("select count(*) from " + table, Long.class)).as(table).isZero();
        }
        history.forEach(this::deliver);
        assertThat(answers()).isEqualTo(before);
    }

    private void everyKindOfSwap() {
        Swap completed = proposed(trade("d1", ALICE, "2026-06-10", BOB, "2026-06-12"), "2026-06-01T09:00:00Z");
        happen(accepted(completed, true), "2026-06-01T10:00:00Z", BY_BOB);
        happen(approved(completed), "2026-06-01T11:00:00Z", BY_OLGA);
        happen(completed(completed), "2026-06-01T11:00:00Z", BY_OLGA);
        Swap failed = proposed(giveAway("d2", BOB, "2026-06-14", CAROL), "2026-06-02T09:00:00Z");
        happen(accepted(failed, false), "2026-06-02T10:00:00Z", BY_BOB);
        happen(new SwapFailedEvent(failed.id(), GROUP, BOB, CAROL, "Carol is on time off"), "2026-06-02T10:00:00Z", BY_BOB);
        Swap declined = proposed(giveAway("d3", CAROL, "2026-06-16", ALICE), "2026-06-03T09:00:00Z");
        happen(new SwapDeclinedEvent(declined.id(), GROUP, CAROL, ALICE, null), "2026-06-03T10:00:00Z", forMember(BY_OLGA, ALICE));
        proposed(giveAway("d4", ALICE, "2026-06-18", CAROL), "2026-06-04T09:00:00Z");
        happen(new MemberChangedEvent(CAROL, GROUP, "Caroline", "+13125550103", MemberRole.MEMBER, "Carol", "+13125550103",
                MemberRole.MEMBER));
    }

    private record Answers(SwapPage all, SwapPage pending) {
    }

    private Answers answers() {
        return new Answers(list(GROUP, null, null, 0, 50), list(GROUP, SwapStatus.PROPOSED, null, 0, 50));
    }

    // ---- fixtures

    /** A swap's identity, to build its events from: a give-away has no {@code to} slot. */
    private record Swap(SwapId id, GroupId group, MemberId proposer, MemberId counterpart, SlotKey from, SlotKey to) {

        SwapKind kind() {
            return to == null ? SwapKind.GIVE_AWAY : SwapKind.TRADE;
        }
    }

    private record Delivery(Object event, Instant at, long sequence, MetaData metaData) {
    }

    private static Swap trade(String suffix, MemberId proposer, String fromDate, MemberId counterpart, String toDate) {
        return new Swap(id(SwapId::new, suffix), GROUP, proposer, counterpart, slot(fromDate), slot(toDate));
    }

    private static Swap giveAway(String suffix, MemberId proposer, String fromDate, MemberId counterpart) {
        return new Swap(id(SwapId::new, suffix), GROUP, proposer, counterpart, slot(fromDate), null);
    }

    /** Alice offers her 10 June for Bob's 12 June, on 8 June at 09:00 UTC. */
    private Swap proposedTrade(String suffix) {
        Swap swap = trade(suffix, ALICE, "2026-06-10", BOB, "2026-06-12");
        happen(proposed(swap, null, "2026-06-09T12:00:00Z"), "2026-06-08T09:00:00Z", BY_ALICE);
        return swap;
    }

    private Swap proposed(Swap swap, String at) {
        happen(proposed(swap, null, Instant.parse(at).plusSeconds(48 * 3600).toString()), at, BY_ALICE);
        return swap;
    }

    /** As the swap aggregate records it: each slot's real interval in the group's zone. */
    private static SwapProposedEvent proposed(Swap swap, String reason, String expiresAt) {
        ZoneId zone = swap.group().equals(GROUP) ? CHICAGO : ZoneId.of("Europe/Berlin");
        SlotInterval from = PRIMARY_TIMING.intervalOn(swap.from().date(), zone);
        SlotInterval to = swap.to() == null ? null : PRIMARY_TIMING.intervalOn(swap.to().date(), zone);
        return new SwapProposedEvent(swap.id(), swap.group(), swap.kind(), swap.proposer(), swap.counterpart(),
                swap.from(), from.startInstant(), from.endInstant(),
                swap.to(), to == null ? null : to.startInstant(), to == null ? null : to.endInstant(),
                reason, Instant.parse(expiresAt));
    }

    private static SwapAcceptedEvent accepted(Swap swap, boolean approvalRequired) {
        return new SwapAcceptedEvent(swap.id(), swap.group(), swap.proposer(), swap.counterpart(), null, approvalRequired);
    }

    private static SwapApprovedEvent approved(Swap swap) {
        return new SwapApprovedEvent(swap.id(), swap.group(), swap.proposer(), swap.counterpart(), null);
    }

    private static SwapCompletedEvent completed(Swap swap) {
        return new SwapCompletedEvent(swap.id(), swap.group(), swap.kind(), swap.proposer(), swap.counterpart(), swap.from(), swap.to());
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

    /** A group or member event: not part of a swap's stream. */
    private void happen(Object event) {
        happen(event, "2026-01-01T00:00:00Z", BY_OLGA);
    }

    /** A swap event at that time by that actor, with the next sequence number of its swap's stream. */
    private void happen(Object event, String at, MetaData metaData) {
        long sequence = swapOf(event) == null ? 0 : sequences.merge(swapOf(event), 1L, Long::sum) - 1;
        Delivery delivery = new Delivery(event, Instant.parse(at), sequence, metaData);
        delivered.add(delivery);
        deliver(delivery);
    }

    private static SwapId swapOf(Object event) {
        if (event instanceof SwapProposedEvent e) {
            return e.swapId();
        } else if (event instanceof SwapAcceptedEvent e) {
            return e.swapId();
        } else if (event instanceof SwapApprovedEvent e) {
            return e.swapId();
        } else if (event instanceof SwapCompletedEvent e) {
            return e.swapId();
        } else if (event instanceof SwapDeclinedEvent e) {
            return e.swapId();
        } else if (event instanceof SwapRejectedEvent e) {
            return e.swapId();
        } else if (event instanceof SwapCancelledEvent e) {
            return e.swapId();
        } else if (event instanceof SwapExpiredEvent e) {
            return e.swapId();
        } else if (event instanceof SwapFailedEvent e) {
            return e.swapId();
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
        } else if (event instanceof SwapProposedEvent e) {
            projection.on(e, d.at(), d.sequence(), d.metaData());
        } else if (event instanceof SwapAcceptedEvent e) {
            projection.on(e, d.at(), d.sequence(), d.metaData());
        } else if (event instanceof SwapApprovedEvent e) {
            projection.on(e, d.at(), d.sequence(), d.metaData());
        } else if (event instanceof SwapCompletedEvent e) {
            projection.on(e, d.at(), d.sequence(), d.metaData());
        } else if (event instanceof SwapDeclinedEvent e) {
            projection.on(e, d.at(), d.sequence(), d.metaData());
        } else if (event instanceof SwapRejectedEvent e) {
            projection.on(e, d.at(), d.sequence(), d.metaData());
        } else if (event instanceof SwapCancelledEvent e) {
            projection.on(e, d.at(), d.sequence(), d.metaData());
        } else if (event instanceof SwapExpiredEvent e) {
            projection.on(e, d.at(), d.sequence(), d.metaData());
        } else if (event instanceof SwapFailedEvent e) {
            projection.on(e, d.at(), d.sequence(), d.metaData());
        } else {
            throw new IllegalArgumentException("the swap projection does not handle " + event);
        }
    }

    private SwapResponse find(Swap swap) {
        return projection.handle(new FindSwapQuery(swap.group(), swap.id()));
    }

    private SwapPage list(GroupId group, SwapStatus status, MemberId member, int page, int size) {
        return projection.handle(new FindSwapsQuery(group, status, member, page, size));
    }

    private static List<SwapId> ids(SwapPage page) {
        return page.items().stream().map(SwapResponse::id).toList();
    }

    private void assertEnded(Swap swap, SwapStatus status, String at, ActorRef actor) {
        SwapResponse read = find(swap);
        assertThat(read.status()).isEqualTo(status);
        assertThat(read.closedAt()).isEqualTo(at);
        assertThat(read.history()).last().isEqualTo(new HistoryEntry(status, Instant.parse(at), actor, null));
        assertThat(read.version()).isEqualTo(sequences.get(swap.id()));
    }

    private static void assertSwapNotFound(ThrowingCallable read) {
        assertThatThrownBy(read)
                .isInstanceOfSatisfying(RotaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SWAP_NOT_FOUND));
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
