package app.rota.query.audit;

import app.rota.kernel.audit.AuditEntry;
import app.rota.kernel.audit.AuditPage;
import app.rota.kernel.audit.FindAuditLogQuery;
import app.rota.kernel.common.Actor;
import app.rota.kernel.common.ActorMetadata;
import app.rota.kernel.common.ActorRef;
import app.rota.kernel.common.SaneDates;
import app.rota.kernel.coverage.CoverageApprovedEvent;
import app.rota.kernel.coverage.CoverageCancelledEvent;
import app.rota.kernel.coverage.CoverageClaimedEvent;
import app.rota.kernel.coverage.CoverageCoveredEvent;
import app.rota.kernel.coverage.CoverageEscalatedEvent;
import app.rota.kernel.coverage.CoverageRejectedEvent;
import app.rota.kernel.coverage.CoverageRequestId;
import app.rota.kernel.coverage.CoverageRequestedEvent;
import app.rota.kernel.coverage.CoverageStatus;
import app.rota.kernel.coverage.CoverageUnfilledEvent;
import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.error.RotaException;
import app.rota.kernel.group.GroupCreatedEvent;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.group.GroupSettings;
import app.rota.kernel.group.GroupSettingsChangedEvent;
import app.rota.kernel.member.MemberAddedEvent;
import app.rota.kernel.member.MemberChangedEvent;
import app.rota.kernel.member.MemberDeactivatedEvent;
import app.rota.kernel.member.MemberId;
import app.rota.kernel.member.MemberOptedInToSmsEvent;
import app.rota.kernel.member.MemberOptedOutOfSmsEvent;
import app.rota.kernel.member.MemberRef;
import app.rota.kernel.member.TimeOffDeclaredEvent;
import app.rota.kernel.member.TimeOffId;
import app.rota.kernel.member.TimeOffWithdrawnEvent;
import app.rota.kernel.rotation.RotationPublishedEvent;
import app.rota.kernel.rotation.RotationShare;
import app.rota.kernel.schedule.ShiftTypeChangedEvent;
import app.rota.kernel.schedule.ShiftTypeDefinedEvent;
import app.rota.kernel.schedule.ShiftTypeRetiredEvent;
import app.rota.kernel.schedule.SlotAssignedEvent;
import app.rota.kernel.schedule.SlotKey;
import app.rota.kernel.schedule.SlotUnassignedEvent;
import app.rota.kernel.swap.SwapAcceptedEvent;
import app.rota.kernel.swap.SwapApprovedEvent;
import app.rota.kernel.swap.SwapCancelledEvent;
import app.rota.kernel.swap.SwapCompletedEvent;
import app.rota.kernel.swap.SwapDeclinedEvent;
import app.rota.kernel.swap.SwapExpiredEvent;
import app.rota.kernel.swap.SwapFailedEvent;
import app.rota.kernel.swap.SwapId;
import app.rota.kernel.swap.SwapKind;
import app.rota.kernel.swap.SwapProposedEvent;
import app.rota.kernel.swap.SwapRejectedEvent;
import app.rota.kernel.swap.SwapStatus;
import app.rota.query.audit.AuditStore.CoverageRow;
import app.rota.query.audit.AuditStore.NewEntry;
import app.rota.query.audit.AuditStore.SwapRow;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The audit log: one entry for every event that concerns a group, with who did it (from the metadata its
 * command passed on), for whom, the request it came from, a sentence saying what happened, what it changed
 * before and after, and the reason given. Entries are ordered by the event's global position, so the log
 * reads newest first in the order things were recorded.
 * <p>
 * It keeps, in tables of its own, the little directory it needs to name members and shift types and to find a
 * swap's slots and a coverage request's status (never another projection's tables). Each handler describes
 * the event against the directory as it was before the event, then updates the directory.
 * <p>
 * The actor's name is the member's name in the group when a member acted (whatever their login is called),
 * otherwise the name the metadata records (the super admin's login, {@code system}); the role is the one
 * they acted in, as {@link Actor.Role} names it.
 */
@Component
@ProcessingGroup(AuditProjection.PROCESSING_GROUP)
class AuditProjection {

    static final String PROCESSING_GROUP = "audit";
    static final int MAX_PAGE = 1_000_000;

    private final AuditStore store;

    AuditProjection(AuditStore store) {
        this.store = store;
    }

    /** What Axon passes with every event: its id, global position, time and metadata. */
    record Recorded(String eventId, long position, Instant at, MetaData metaData) {

        static Recorded of(String eventId, TrackingToken token, Instant at, MetaData metaData) {
            long position = token.position()
                    .orElseThrow(() -> new IllegalStateException("The audit log needs events with a global position"));
            return new Recorded(eventId, position, at, metaData);
        }
    }

    // ---- the group

    @EventHandler
    void on(GroupCreatedEvent e, @MessageIdentifier String id, TrackingToken token, @Timestamp Instant at, MetaData metaData) {
        Map<String, Object> after = object("name", e.name(), "timeZone", e.timeZone().getId(), "settings", settings(e.settings()));
        record(Recorded.of(id, token, at, metaData), e.groupId(), "GroupCreated",
                "Group " + e.name() + " created in time zone " + e.timeZone().getId(), null, null, after, null, Set.of());
        store.groupCreated(e.groupId(), e.name(), e.timeZone());
    }

    @EventHandler
    void on(GroupSettingsChangedEvent e, @MessageIdentifier String id, TrackingToken token, @Timestamp Instant at,
            MetaData metaData) {
        Map<String, Object> before = settings(e.before());
        Map<String, Object> after = settings(e.after());
        List<String> changed = before.keySet().stream().filter(key -> !Objects.equals(before.get(key), after.get(key))).toList();
        before.keySet().retainAll(changed);
        after.keySet().retainAll(changed);
        String summary = changed.isEmpty() ? "Group settings saved unchanged" : "Group settings changed: " + String.join(", ", changed);
        record(Recorded.of(id, token, at, metaData), e.groupId(), "GroupSettingsChanged", summary, null, before, after, null, Set.of());
    }

    // ---- members

    @EventHandler
    void on(MemberAddedEvent e, @MessageIdentifier String id, TrackingToken token, @Timestamp Instant at, MetaData metaData) {
        store.memberAdded(e.memberId(), e.groupId(), e.name(), e.role().name());
        record(Recorded.of(id, token, at, metaData), e.groupId(), "MemberAdded", e.name() + " added as " + e.role(), null, null,
                object("name", e.name(), "role", e.role().name(), "phone", PhoneMask.mask(e.phone())), null, Set.of(e.memberId()));
    }

    @EventHandler
    void on(MemberChangedEvent e, @MessageIdentifier String id, TrackingToken token, @Timestamp Instant at, MetaData metaData) {
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> after = new LinkedHashMap<>();
        List<String> changes = new ArrayList<>();
        if (!Objects.equals(e.previousRole(), e.role())) {
            before.put("role", name(e.previousRole()));
            after.put("role", name(e.role()));
            changes.add("role changed from " + e.previousRole() + " to " + e.role());
        }
        if (!Objects.equals(e.previousName(), e.name())) {
            before.put("name", e.previousName());
            after.put("name", e.name());
            changes.add("renamed to " + e.name());
        }
        if (!Objects.equals(e.previousPhone(), e.phone())) {
            before.put("phone", PhoneMask.mask(e.previousPhone()));
            after.put("phone", PhoneMask.mask(e.phone()));
            changes.add("phone number changed");
        }
        String was = e.previousName() != null ? e.previousName() : e.name();
        String summary = was + ": " + (changes.isEmpty() ? "details saved unchanged" : String.join(", ", changes));
        record(Recorded.of(id, token, at, metaData), e.groupId(), "MemberChanged", summary, null, before, after, null,
                Set.of(e.memberId()));
        store.memberChanged(e.memberId(), e.name(), name(e.role()));
    }

    @EventHandler
    void on(MemberDeactivatedEvent e, @MessageIdentifier String id, TrackingToken token, @Timestamp Instant at, MetaData metaData) {
        record(Recorded.of(id, token, at, metaData), e.groupId(), "MemberDeactivated", nameOf(e.memberId()) + " deactivated", null,
                object("active", true), object("active", false), null, Set.of(e.memberId()));
    }

    @EventHandler
    void on(MemberOptedOutOfSmsEvent e, @MessageIdentifier String id, TrackingToken token, @Timestamp Instant at,
            MetaData metaData) {
        record(Recorded.of(id, token, at, metaData), e.groupId(), "MemberOptedOutOfSms",
                nameOf(e.memberId()) + " opted out of SMS (" + e.keyword() + ")", null,
                object("smsOptedOut", false), object("smsOptedOut", true, "keyword", e.keyword()), null, Set.of(e.memberId()));
    }

    @EventHandler
    void on(MemberOptedInToSmsEvent e, @MessageIdentifier String id, TrackingToken token, @Timestamp Instant at,
            MetaData metaData) {
        record(Recorded.of(id, token, at, metaData), e.groupId(), "MemberOptedInToSms",
                nameOf(e.memberId()) + " opted in to SMS again (" + e.keyword() + ")", null,
                object("smsOptedOut", true), object("smsOptedOut", false, "keyword", e.keyword()), null, Set.of(e.memberId()));
    }

    @EventHandler
    void on(TimeOffDeclaredEvent e, @MessageIdentifier String id, TrackingToken token, @Timestamp Instant at, MetaData metaData) {
        record(Recorded.of(id, token, at, metaData), e.groupId(), "TimeOffDeclared",
                nameOf(e.memberId()) + " off " + days(e.from(), e.to()), null, null,
                timeOff(e.memberId(), e.timeOffId(), e.from(), e.to()), e.reason(), Set.of(e.memberId()));
    }

    /** The declaration as it was is the entry's {@code before}; nothing holds after it. */
    @EventHandler
    void on(TimeOffWithdrawnEvent e, @MessageIdentifier String id, TrackingToken token, @Timestamp Instant at, MetaData metaData) {
        record(Recorded.of(id, token, at, metaData), e.groupId(), "TimeOffWithdrawn",
                nameOf(e.memberId()) + "'s time off " + days(e.from(), e.to()) + " withdrawn", null,
                timeOff(e.memberId(), e.timeOffId(), e.from(), e.to()), null, null, Set.of(e.memberId()));
    }

    private static String days(LocalDate from, LocalDate to) {
        return from.equals(to) ? "on " + from : "from " + from + " to " + to;
    }

    /**
     * The declaration, named by its id. A revision 1 declaration has none when it reaches this handler without the
     * upcaster: retried from a dead letter parked before the upgrade (Axon's dead-letter queue stores the event as
     * it was and does not upcast it). Its entry then names no id.
     */
    private Map<String, Object> timeOff(MemberId member, TimeOffId timeOffId, LocalDate from, LocalDate to) {
        Map<String, Object> declared = object("member", ref(member));
        if (timeOffId != null) {
            declared.put("timeOffId", timeOffId.toString());
        }
        declared.put("from", from.toString());
        declared.put("to", to.toString());
        return declared;
    }

    // ---- shift types

    @EventHandler
    void on(ShiftTypeDefinedEvent e, @MessageIdentifier String id, TrackingToken token, @Timestamp Instant at, MetaData metaData) {
        record(Recorded.of(id, token, at, metaData), e.groupId(), "ShiftTypeDefined",
                "Shift type " + e.name() + " defined: " + e.startTime() + " for " + e.durationHours() + " h, " + days(e.daysOfWeek()),
                null, null, object("name", e.name(), "startTime", e.startTime().toString(), "durationHours", e.durationHours(),
                        "daysOfWeek", dayList(e.daysOfWeek())), null, Set.of());
        store.shiftTypeDefined(e.shiftTypeId(), e.groupId(), e.name(), String.join(",", dayList(e.daysOfWeek())));
    }

    @EventHandler
    void on(ShiftTypeChangedEvent e, @MessageIdentifier String id, TrackingToken token, @Timestamp Instant at, MetaData metaData) {
        String days = String.join(",", dayList(e.daysOfWeek()));
        AuditStore.ShiftTypeRow was = store.shiftType(e.shiftTypeId()).orElse(null);
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> after = new LinkedHashMap<>();
        List<String> changes = new ArrayList<>();
        if (was == null || !was.name().equals(e.name())) {
            before.put("name", was == null ? null : was.name());
            after.put("name", e.name());
            changes.add("renamed to " + e.name());
        }
        if (was == null || !was.daysOfWeek().equals(days)) {
            before.put("daysOfWeek", was == null ? null : List.of(was.daysOfWeek().split(",")));
            after.put("daysOfWeek", dayList(e.daysOfWeek()));
            changes.add("now " + days(e.daysOfWeek()));
        }
        String summary = "Shift type " + (was == null ? e.name() : was.name()) + " changed: "
                + (changes.isEmpty() ? "saved unchanged" : String.join(", ", changes));
        record(Recorded.of(id, token, at, metaData), e.groupId(), "ShiftTypeChanged", summary, null, before, after, null, Set.of());
        store.shiftTypeChanged(e.shiftTypeId(), e.name(), days);
    }

    @EventHandler
    void on(ShiftTypeRetiredEvent e, @MessageIdentifier String id, TrackingToken token, @Timestamp Instant at, MetaData metaData) {
        String name = store.shiftType(e.shiftTypeId()).map(AuditStore.ShiftTypeRow::name).orElse(e.shiftTypeId().toString());
        record(Recorded.of(id, token, at, metaData), e.groupId(), "ShiftTypeRetired", "Shift type " + name + " retired", null,
                object("retired", false), object("retired", true), null, Set.of());
    }

    // ---- slots and rotations

    @EventHandler
    void on(SlotAssignedEvent e, @MessageIdentifier String id, TrackingToken token, @Timestamp Instant at, MetaData metaData) {
        String was = e.previousMemberId() == null ? "" : " (was " + nameOf(e.previousMemberId()) + ")";
        record(Recorded.of(id, token, at, metaData), e.groupId(), "SlotAssigned",
                nameOf(e.memberId()) + " assigned to " + slotText(e.slot()) + was + cause(metaData), e.slot(),
                object("assignee", ref(e.previousMemberId())), object("assignee", ref(e.memberId())), e.reason(),
                members(e.memberId(), e.previousMemberId()));
    }

    @EventHandler
    void on(SlotUnassignedEvent e, @MessageIdentifier String id, TrackingToken token, @Timestamp Instant at, MetaData metaData) {
        String was = e.previousMemberId() == null ? "" : " (was " + nameOf(e.previousMemberId()) + ")";
        record(Recorded.of(id, token, at, metaData), e.groupId(), "SlotUnassigned",
                slotText(e.slot()) + " unassigned" + was + cause(metaData), e.slot(),
                object("assignee", ref(e.previousMemberId())), object("assignee", null), e.reason(), members(e.previousMemberId()));
    }

    @EventHandler
    void on(RotationPublishedEvent e, @MessageIdentifier String id, TrackingToken token, @Timestamp Instant at, MetaData metaData) {
        List<Map<String, Object>> shares = new ArrayList<>();
        Set<MemberId> concerned = new LinkedHashSet<>();
        int assigned = 0;
        for (RotationShare share : e.shares()) {
            Map<String, Object> member = ref(share.memberId());
            member.put("slots", share.slots().size());
            shares.add(member);
            concerned.add(share.memberId());
            assigned += share.slots().size();
        }
        record(Recorded.of(id, token, at, metaData), e.groupId(), "RotationPublished",
                "Rotation published for " + e.from() + " to " + e.to() + ": " + assigned + " slots assigned to "
                        + shares.size() + " members, " + e.leftOpen() + " left open", null, null,
                object("from", e.from().toString(), "to", e.to().toString(), "shares", shares, "leftOpen", e.leftOpen()), null,
                concerned);
    }

    // ---- swaps

    @EventHandler
    void on(SwapProposedEvent e, @MessageIdentifier String id, TrackingToken token, @Timestamp Instant at, MetaData metaData) {
        String summary = e.kind() == SwapKind.GIVE_AWAY
                ? nameOf(e.proposerId()) + " offered " + slotText(e.fromSlot()) + " to " + nameOf(e.counterpartId())
                : nameOf(e.proposerId()) + " proposed to trade " + slotText(e.fromSlot()) + " for " + nameOf(e.counterpartId())
                        + "'s " + slotText(e.toSlot());
        record(Recorded.of(id, token, at, metaData), e.groupId(), "SwapProposed", summary, e.fromSlot(), null,
                object("swapId", e.swapId().toString(), "kind", e.kind().name(), "status", SwapStatus.PROPOSED.name(),
                        "proposer", ref(e.proposerId()), "counterpart", ref(e.counterpartId()),
                        "fromSlot", slot(e.fromSlot()), "toSlot", slot(e.toSlot())),
                e.reason(), members(e.proposerId(), e.counterpartId()));
        store.swapProposed(e.swapId().value(), e.groupId(), e.kind().name(), e.proposerId(), e.counterpartId(), e.fromSlot(),
                e.toSlot());
    }

    @EventHandler
    void on(SwapAcceptedEvent e, @MessageIdentifier String id, TrackingToken token, @Timestamp Instant at, MetaData metaData) {
        String waits = e.approvalRequired() ? ", awaiting an admin's approval" : "";
        swapStep(Recorded.of(id, token, at, metaData), e.swapId(), e.groupId(), "SwapAccepted", e.proposerId(), e.counterpartId(),
                SwapStatus.ACCEPTED, slot -> nameOf(e.counterpartId()) + " accepted " + nameOf(e.proposerId()) + "'s swap of " + slot
                        + waits, e.reason());
    }

    @EventHandler
    void on(SwapApprovedEvent e, @MessageIdentifier String id, TrackingToken token, @Timestamp Instant at, MetaData metaData) {
        swapStep(Recorded.of(id, token, at, metaData), e.swapId(), e.groupId(), "SwapApproved", e.proposerId(), e.counterpartId(),
                null, slot -> "Swap of " + slot + " between " + nameOf(e.proposerId()) + " and " + nameOf(e.counterpartId())
                        + " approved", e.reason());
    }

    @EventHandler
    void on(SwapRejectedEvent e, @MessageIdentifier String id, TrackingToken token, @Timestamp Instant at, MetaData metaData) {
        swapStep(Recorded.of(id, token, at, metaData), e.swapId(), e.groupId(), "SwapRejected", e.proposerId(), e.counterpartId(),
                SwapStatus.REJECTED, slot -> "Swap of " + slot + " between " + nameOf(e.proposerId()) + " and "
                        + nameOf(e.counterpartId()) + " rejected", e.reason());
    }

    @EventHandler
    void on(SwapDeclinedEvent e, @MessageIdentifier String id, TrackingToken token, @Timestamp Instant at, MetaData metaData) {
        swapStep(Recorded.of(id, token, at, metaData), e.swapId(), e.groupId(), "SwapDeclined", e.proposerId(), e.counterpartId(),
                SwapStatus.DECLINED, slot -> nameOf(e.counterpartId()) + " declined " + nameOf(e.proposerId()) + "'s swap of " + slot,
                e.reason());
    }

    @EventHandler
    void on(SwapCancelledEvent e, @MessageIdentifier String id, TrackingToken token, @Timestamp Instant at, MetaData metaData) {
        swapStep(Recorded.of(id, token, at, metaData), e.swapId(), e.groupId(), "SwapCancelled", e.proposerId(), e.counterpartId(),
                SwapStatus.CANCELLED, slot -> nameOf(e.proposerId()) + "'s swap of " + slot + " with " + nameOf(e.counterpartId())
                        + " cancelled", e.reason());
    }

    @EventHandler
    void on(SwapExpiredEvent e, @MessageIdentifier String id, TrackingToken token, @Timestamp Instant at, MetaData metaData) {
        swapStep(Recorded.of(id, token, at, metaData), e.swapId(), e.groupId(), "SwapExpired", e.proposerId(), e.counterpartId(),
                SwapStatus.EXPIRED, slot -> nameOf(e.proposerId()) + "'s swap of " + slot + " with " + nameOf(e.counterpartId())
                        + " expired unanswered", null);
    }

    @EventHandler
    void on(SwapFailedEvent e, @MessageIdentifier String id, TrackingToken token, @Timestamp Instant at, MetaData metaData) {
        swapStep(Recorded.of(id, token, at, metaData), e.swapId(), e.groupId(), "SwapFailed", e.proposerId(), e.counterpartId(),
                SwapStatus.FAILED, slot -> nameOf(e.proposerId()) + "'s swap of " + slot + " with " + nameOf(e.counterpartId())
                        + " failed", e.failureReason());
    }

    @EventHandler
    void on(SwapCompletedEvent e, @MessageIdentifier String id, TrackingToken token, @Timestamp Instant at, MetaData metaData) {
        String previous = store.swap(e.swapId().value()).map(SwapRow::status).orElse(null);
        String summary = e.kind() == SwapKind.GIVE_AWAY || e.toSlot() == null
                ? "Swap completed: " + nameOf(e.counterpartId()) + " now holds " + slotText(e.fromSlot())
                : "Swap completed: " + nameOf(e.counterpartId()) + " now holds " + slotText(e.fromSlot()) + " and "
                        + nameOf(e.proposerId()) + " " + slotText(e.toSlot());
        Map<String, Object> before = object("status", previous, "fromSlotAssignee", ref(e.proposerId()));
        Map<String, Object> after = object("status", SwapStatus.COMPLETED.name(), "fromSlotAssignee", ref(e.counterpartId()));
        if (e.toSlot() != null) {
            before.put("toSlotAssignee", ref(e.counterpartId()));
            after.put("toSlotAssignee", ref(e.proposerId()));
        }
        record(Recorded.of(id, token, at, metaData), e.groupId(), "SwapCompleted", summary, e.fromSlot(), before, after, null,
                members(e.proposerId(), e.counterpartId()));
        store.swapStatusChanged(e.swapId().value(), SwapStatus.COMPLETED.name());
    }

    /** A swap event that carries no slots: they come from the directory; {@code status} null leaves it as it was. */
    private void swapStep(Recorded recorded, SwapId swapId, GroupId groupId, String type, MemberId proposer, MemberId counterpart,
                          SwapStatus status, Function<String, String> summary, String reason) {
        SwapRow swap = store.swap(swapId.value()).orElse(null);
        SlotKey slot = swap == null ? null : swap.from();
        String slotText = slot == null ? "swap " + swapId : slotText(slot);
        Map<String, Object> before = status == null || swap == null ? null : object("status", swap.status());
        Map<String, Object> after = status == null ? null : object("status", status.name());
        record(recorded, groupId, type, summary.apply(slotText), slot,
                before, after, reason, members(proposer, counterpart));
        if (status != null) {
            store.swapStatusChanged(swapId.value(), status.name());
        }
    }

    // ---- coverage

    @EventHandler
    void on(CoverageRequestedEvent e, @MessageIdentifier String id, TrackingToken token, @Timestamp Instant at, MetaData metaData) {
        String summary = e.requesterId() == null
                ? "Open shift posted for " + slotText(e.slot())
                : nameOf(e.requesterId()) + " asked for cover for " + slotText(e.slot());
        List<MemberId> offeredTo = e.offeredTo() == null ? List.of() : e.offeredTo();
        record(Recorded.of(id, token, at, metaData), e.groupId(), "CoverageRequested", summary, e.slot(), null,
                object("requestId", e.requestId().toString(), "status", CoverageStatus.OPEN.name(), "requester", ref(e.requesterId()),
                        "offeredTo", offeredTo.stream().map(this::ref).toList()),
                e.reason(), members(e.requesterId()));
        store.coverageRequested(e.requestId().value(), e.groupId(), e.slot(), e.requesterId());
    }

    @EventHandler
    void on(CoverageClaimedEvent e, @MessageIdentifier String id, TrackingToken token, @Timestamp Instant at, MetaData metaData) {
        coverageStep(Recorded.of(id, token, at, metaData), e.requestId(), e.groupId(), e.slot(), "CoverageClaimed",
                nameOf(e.claimantId()) + " claimed " + whose(e.requesterId(), e.slot())
                        + (e.approvalRequired() ? ", awaiting an admin's approval" : ""),
                CoverageStatus.CLAIMED, e.claimantId(), null, e.requesterId(), e.claimantId());
    }

    @EventHandler
    void on(CoverageApprovedEvent e, @MessageIdentifier String id, TrackingToken token, @Timestamp Instant at, MetaData metaData) {
        coverageStep(Recorded.of(id, token, at, metaData), e.requestId(), e.groupId(), e.slot(), "CoverageApproved",
                nameOf(e.claimantId()) + "'s claim of " + whose(e.requesterId(), e.slot()) + " approved",
                null, e.claimantId(), e.reason(), e.requesterId(), e.claimantId());
    }

    @EventHandler
    void on(CoverageRejectedEvent e, @MessageIdentifier String id, TrackingToken token, @Timestamp Instant at, MetaData metaData) {
        coverageStep(Recorded.of(id, token, at, metaData), e.requestId(), e.groupId(), e.slot(), "CoverageRejected",
                nameOf(e.claimantId()) + "'s claim of " + whose(e.requesterId(), e.slot()) + " rejected; open again",
                CoverageStatus.OPEN, null, e.reason(), e.requesterId(), e.claimantId());
    }

    @EventHandler
    void on(CoverageEscalatedEvent e, @MessageIdentifier String id, TrackingToken token, @Timestamp Instant at, MetaData metaData) {
        coverageStep(Recorded.of(id, token, at, metaData), e.requestId(), e.groupId(), e.slot(), "CoverageEscalated",
                "Cover for " + slotText(e.slot()) + " escalated to the admins: nobody has taken it yet",
                null, null, null, e.requesterId());
    }

    @EventHandler
    void on(CoverageCoveredEvent e, @MessageIdentifier String id, TrackingToken token, @Timestamp Instant at, MetaData metaData) {
        CoverageRow was = store.coverage(e.requestId().value()).orElse(null);
        String summary = nameOf(e.claimantId()) + " now covers " + slotText(e.slot())
                + (e.requesterId() == null ? "" : " (was " + nameOf(e.requesterId()) + ")");
        record(Recorded.of(id, token, at, metaData), e.groupId(), "CoverageCovered", summary, e.slot(),
                object("status", was == null ? null : was.status(), "assignee", ref(e.requesterId())),
                object("status", CoverageStatus.COVERED.name(), "assignee", ref(e.claimantId())), null,
                members(e.requesterId(), e.claimantId()));
        store.coverageChanged(e.requestId().value(), CoverageStatus.COVERED.name(), e.claimantId());
    }

    @EventHandler
    void on(CoverageCancelledEvent e, @MessageIdentifier String id, TrackingToken token, @Timestamp Instant at, MetaData metaData) {
        MemberId claimant = store.coverage(e.requestId().value()).map(CoverageRow::claimant).orElse(null);
        coverageStep(Recorded.of(id, token, at, metaData), e.requestId(), e.groupId(), e.slot(), "CoverageCancelled",
                "Cover request for " + whose(e.requesterId(), e.slot()) + " cancelled",
                CoverageStatus.CANCELLED, claimant, e.reason(), e.requesterId(), claimant);
    }

    @EventHandler
    void on(CoverageUnfilledEvent e, @MessageIdentifier String id, TrackingToken token, @Timestamp Instant at, MetaData metaData) {
        MemberId claimant = store.coverage(e.requestId().value()).map(CoverageRow::claimant).orElse(null);
        coverageStep(Recorded.of(id, token, at, metaData), e.requestId(), e.groupId(), e.slot(), "CoverageUnfilled",
                "Cover request for " + whose(e.requesterId(), e.slot()) + " unfilled when the shift started",
                CoverageStatus.UNFILLED, claimant, null, e.requesterId(), claimant);
    }

    /** A coverage event; {@code status} null is no status change (approval, escalation): no before or after. */
    private void coverageStep(Recorded recorded, CoverageRequestId requestId, GroupId groupId, SlotKey slot, String type,
                              String summary, CoverageStatus status, MemberId claimant, String reason, MemberId... parties) {
        CoverageRow was = store.coverage(requestId.value()).orElse(null);
        Map<String, Object> before = status == null || was == null ? null
                : object("status", was.status(), "claimant", ref(was.claimant()));
        Map<String, Object> after = status == null ? null : object("status", status.name(), "claimant", ref(claimant));
        record(recorded, groupId, type, summary, slot, before, after, reason, members(parties));
        if (status != null) {
            store.coverageChanged(requestId.value(), status.name(), claimant);
        }
    }

    @ResetHandler
    void reset() {
        store.reset();
    }

    // ---- the query

    /** Newest first; bad filters are refused with the field they concern; a group this projection has not seen is GROUP_NOT_FOUND. */
    @QueryHandler
    AuditPage handle(FindAuditLogQuery query) {
        if (query.page() < 0 || query.page() > MAX_PAGE) {
            throw new RotaException(ErrorCode.MALFORMED_REQUEST, "page", "page is 0 to " + MAX_PAGE + ".");
        }
        if (query.size() < 1 || query.size() > FindAuditLogQuery.MAX_SIZE) {
            throw new RotaException(ErrorCode.MALFORMED_REQUEST, "size", "size is 1 to " + FindAuditLogQuery.MAX_SIZE + ".");
        }
        if (query.type() != null && !AuditEntry.TYPES.contains(query.type())) {
            throw new RotaException(ErrorCode.MALFORMED_REQUEST, "type",
                    "type is one of " + String.join(", ", AuditEntry.TYPES) + ".");
        }
        SaneDates.checked(query.date(), "date");
        TimeBound fromBound = TimeBound.parse(query.from(), "from");
        TimeBound toBound = TimeBound.parse(query.to(), "to");
        if (fromBound != null && toBound != null && fromBound.isAfterWithoutZone(toBound)) {
            throw reversed();
        }
        ZoneId zone = store.zoneOf(query.groupId())
                .orElseThrow(() -> new RotaException(ErrorCode.GROUP_NOT_FOUND, "No group with id " + query.groupId() + "."));
        Instant from = fromBound == null ? null : fromBound.fromInclusive(zone);
        Instant to = toBound == null ? null : toBound.toExclusive(zone);
        if (from != null && to != null && !to.isAfter(from)) {
            throw reversed();
        }
        AuditStore.Filter filter = new AuditStore.Filter(query.groupId(), from, to, query.memberId(), query.shiftTypeId(),
                query.date(), query.type());
        return new AuditPage(store.entries(filter, query.page(), query.size()), query.page(), query.size(), store.count(filter));
    }

    private static RotaException reversed() {
        return new RotaException(ErrorCode.DATE_RANGE_INVALID, "to", "to is on or after from.");
    }

    // ---- describing

    private void record(Recorded recorded, GroupId groupId, String type, String summary, SlotKey slot, Map<String, Object> before,
                        Map<String, Object> after, String reason, Set<MemberId> concerned) {
        MetaData metaData = recorded.metaData();
        ActorRef ref = ActorRef.fromMetaData(metaData);
        MemberId actorMember = actorMember(metaData);
        String memberName = actorMember == null ? null : store.member(actorMember).map(AuditStore.MemberRow::name).orElse(null);
        AuditEntry.Actor actor = ref == null && actorMember == null ? null : new AuditEntry.Actor(actorMember,
                memberName != null ? memberName : ref == null ? null : ref.name(),
                Actor.fromMetaData(metaData).role().name(), ref == null ? null : ref.source());
        MemberId forMember = ActorRef.onBehalfOf(metaData);
        Set<MemberId> concerns = new LinkedHashSet<>(concerned);
        if (actorMember != null) {
            concerns.add(actorMember);
        }
        if (forMember != null) {
            concerns.add(forMember);
        }
        Object correlation = metaData.get(ActorMetadata.CORRELATION_ID);
        store.recordEntry(new NewEntry(recorded.eventId(), recorded.position(), groupId, recorded.at(), type, actor,
                forMember == null ? null : new MemberRef(forMember, nameOf(forMember)),
                correlation == null ? null : correlation.toString(), summary, slot, before, after, reason, concerns));
    }

    private static MemberId actorMember(MetaData metaData) {
        Object value = metaData.get(ActorMetadata.ACTOR_MEMBER_ID);
        try {
            return value instanceof String text && !text.isBlank() ? MemberId.of(text) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The workflow a slot move was part of, as its metadata names it. */
    private static String cause(MetaData metaData) {
        if (metaData.get(SwapId.METADATA_KEY) != null) {
            return " by a swap";
        }
        if (metaData.get(CoverageRequestId.METADATA_KEY) != null) {
            return " by a coverage request";
        }
        if (metaData.get(app.rota.kernel.rotation.RotationId.METADATA_KEY) != null) {
            return " by a rotation";
        }
        return "";
    }

    private String nameOf(MemberId member) {
        return store.member(member).map(AuditStore.MemberRow::name).orElse(member.toString());
    }

    private Map<String, Object> ref(MemberId member) {
        return member == null ? null : object("memberId", member.toString(), "name", nameOf(member));
    }

    private String slotText(SlotKey slot) {
        if (slot == null) {
            return "no slot";
        }
        String shiftType = store.shiftType(slot.shiftTypeId()).map(AuditStore.ShiftTypeRow::name).orElse(slot.shiftTypeId().toString());
        return shiftType + " on " + slot.date();
    }

    private String whose(MemberId requester, SlotKey slot) {
        return requester == null ? "the open shift " + slotText(slot) : nameOf(requester) + "'s " + slotText(slot);
    }

    private static Map<String, Object> slot(SlotKey slot) {
        return slot == null ? null : object("shiftTypeId", slot.shiftTypeId().toString(), "date", slot.date().toString());
    }

    private static Set<MemberId> members(MemberId... members) {
        Set<MemberId> set = new LinkedHashSet<>();
        for (MemberId member : members) {
            if (member != null) {
                set.add(member);
            }
        }
        return set;
    }

    private static Map<String, Object> settings(GroupSettings s) {
        return object("swapApprovalRequired", s.swapApprovalRequired(), "coverageApprovalRequired", s.coverageApprovalRequired(),
                "dailyReminderTime", text(s.dailyReminderTime()), "reminderLeadMinutes", s.reminderLeadMinutes(),
                "quietHoursStart", text(s.quietHoursStart()), "quietHoursEnd", text(s.quietHoursEnd()),
                "escalationTimeoutMinutes", s.escalationTimeoutMinutes(),
                "holidays", s.holidays().stream().map(LocalDate::toString).toList());
    }

    private static List<String> dayList(Collection<DayOfWeek> days) {
        return days == null ? List.of() : days.stream().sorted().map(DayOfWeek::name).toList();
    }

    private static String days(Collection<DayOfWeek> days) {
        return days != null && days.size() == 7 ? "every day"
                : dayList(days).stream().map(day -> day.charAt(0) + day.substring(1, 3).toLowerCase()).collect(Collectors.joining(" "));
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /** A JSON object in the order given; values may be null. */
    static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            object.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return object;
    }
}
