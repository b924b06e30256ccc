package app.rota.notifier.policy;

import app.rota.kernel.common.ActorMetadata;
import app.rota.kernel.coverage.CoverageCancelledEvent;
import app.rota.kernel.coverage.CoverageClaimedEvent;
import app.rota.kernel.coverage.CoverageCoveredEvent;
import app.rota.kernel.coverage.CoverageEscalatedEvent;
import app.rota.kernel.coverage.CoverageRequestId;
import app.rota.kernel.coverage.CoverageRequestedEvent;
import app.rota.kernel.coverage.CoverageUnfilledEvent;
import app.rota.kernel.group.GroupCreatedEvent;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.group.GroupSettingsChangedEvent;
import app.rota.kernel.member.MemberAddedEvent;
import app.rota.kernel.member.MemberChangedEvent;
import app.rota.kernel.member.MemberDeactivatedEvent;
import app.rota.kernel.member.MemberId;
import app.rota.kernel.member.MemberOptedInToSmsEvent;
import app.rota.kernel.member.MemberOptedOutOfSmsEvent;
import app.rota.kernel.notification.NotificationPurpose;
import app.rota.kernel.rotation.RotationId;
import app.rota.kernel.rotation.RotationPublishedEvent;
import app.rota.kernel.rotation.RotationShare;
import app.rota.kernel.schedule.ShiftTypeChangedEvent;
import app.rota.kernel.schedule.ShiftTypeDefinedEvent;
import app.rota.kernel.schedule.SlotAssignedEvent;
import app.rota.kernel.schedule.SlotKey;
import app.rota.kernel.schedule.SlotUnassignedEvent;
import app.rota.kernel.swap.SwapAcceptedEvent;
import app.rota.kernel.swap.SwapCancelledEvent;
import app.rota.kernel.swap.SwapCompletedEvent;
import app.rota.kernel.swap.SwapDeclinedEvent;
import app.rota.kernel.swap.SwapExpiredEvent;
import app.rota.kernel.swap.SwapFailedEvent;
import app.rota.kernel.swap.SwapId;
import app.rota.kernel.swap.SwapKind;
import app.rota.kernel.swap.SwapProposedEvent;
import app.rota.kernel.swap.SwapRejectedEvent;
import app.rota.notifier.directory.NotifierDirectory;
import app.rota.notifier.directory.NotifierDirectory.CoverageInfo;
import app.rota.notifier.directory.NotifierDirectory.GroupInfo;
import app.rota.notifier.directory.NotifierDirectory.MemberInfo;
import app.rota.notifier.directory.NotifierDirectory.SwapInfo;
import app.rota.notifier.outbox.NewMessage;
import app.rota.notifier.outbox.NewMessage.OfferKind;
import app.rota.notifier.outbox.Outbox;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Who is told what, by SMS, when something happens (the rules are listed in the README, "SMS"). Handlers
 * only record intent: each keeps the notifier's directory up to date and adds outbox rows keyed by (event
 * id, recipient, purpose), so a redelivered or replayed event adds nothing. Twilio is never called here.
 *
 * <p>Never told: the member who made the change themself, anyone about an event stored before the notifier
 * existed, and anyone about a slot whose shift had already started when it was edited (a correction of the past).
 */
@Component
@ProcessingGroup(NotificationPolicy.PROCESSING_GROUP)
public class NotificationPolicy {

    public static final String PROCESSING_GROUP = "notifier";

    /** A shift this close is urgent: its SMS ignore quiet hours. */
    static final Duration URGENT_WITHIN = Duration.ofHours(12);
    static final Set<NotificationPurpose> ALWAYS_URGENT = EnumSet.of(NotificationPurpose.COVERAGE_ESCALATED,
            NotificationPurpose.COVERAGE_UNFILLED, NotificationPurpose.DAILY_REMINDER, NotificationPurpose.SHIFT_REMINDER,
            NotificationPurpose.TEST, NotificationPurpose.REPLY);
    /** Metadata keys naming the workflow whose completion moved a slot: those moves are told as the workflow's outcome. */
    private static final List<String> WORKFLOW_KEYS = List.of(SwapId.METADATA_KEY, CoverageRequestId.METADATA_KEY, RotationId.METADATA_KEY);
    private static final int MAX_SLOTS_LISTED = 5;

    private final NotifierDirectory directory;
    private final Outbox outbox;
    private final Clock clock;
    private volatile Instant epoch;

    public NotificationPolicy(NotifierDirectory directory, Outbox outbox, Clock clock) {
        this.directory = directory;
        this.outbox = outbox;
        this.clock = clock;
    }

    // ---- the directory ----

    @EventHandler
    void on(GroupCreatedEvent event) {
        directory.groupSet(event.groupId(), event.name(), event.timeZone(), event.settings());
    }

    @EventHandler
    void on(GroupSettingsChangedEvent event) {
        directory.settingsChanged(event.groupId(), event.after());
    }

    @EventHandler
    void on(MemberAddedEvent event) {
        directory.memberAdded(event.memberId(), event.groupId(), event.name(), event.phone(), event.role());
    }

    @EventHandler
    void on(MemberChangedEvent event) {
        directory.memberChanged(event.memberId(), event.name(), event.phone(), event.role());
    }

    @EventHandler
    void on(MemberDeactivatedEvent event) {
        directory.memberDeactivated(event.memberId());
    }

    @EventHandler
    void on(MemberOptedOutOfSmsEvent event) {
        directory.optedOut(event.memberId(), true);
    }

    @EventHandler
    void on(MemberOptedInToSmsEvent event) {
        directory.optedOut(event.memberId(), false);
    }

    @EventHandler
    void on(ShiftTypeDefinedEvent event) {
        directory.shiftTypeNamed(event.shiftTypeId(), event.groupId(), event.name());
    }

    @EventHandler
    void on(ShiftTypeChangedEvent event) {
        directory.shiftTypeRenamed(event.shiftTypeId(), event.name());
    }

    // ---- schedule edits ----

    @EventHandler
    void on(SlotAssignedEvent event, EventMessage<?> message) {
        directory.slotHeld(event.slot(), event.groupId(), event.memberId(), event.start(), event.end());
        if (byWorkflow(message) || !event.start().isAfter(message.getTimestamp())) {
            return;
        }
        if (Objects.equals(event.memberId(), event.previousMemberId())) {
            return;
        }
        String slot = slot(event.groupId(), event.slot(), event.start());
        tell(message, event.groupId(), event.memberId(), NotificationPurpose.ASSIGNED,
                "you are now on " + slot + reason(event.reason()) + ".", event.start(), event.end(), null, null);
        if (event.previousMemberId() != null) {
            tell(message, event.groupId(), event.previousMemberId(), NotificationPurpose.UNASSIGNED,
                    "you are no longer on " + slot + reason(event.reason()) + ".", event.start(), event.end(), null, null);
        }
    }

    @EventHandler
    void on(SlotUnassignedEvent event, EventMessage<?> message) {
        var held = directory.slot(event.slot());
        directory.slotFreed(event.slot());
        if (held.isEmpty() || byWorkflow(message) || !held.get().start().isAfter(message.getTimestamp())
                || event.previousMemberId() == null) {
            return;
        }
        tell(message, event.groupId(), event.previousMemberId(), NotificationPurpose.UNASSIGNED,
                "you are no longer on " + slot(event.groupId(), event.slot(), held.get().start()) + reason(event.reason()) + ".",
                held.get().start(), held.get().end(), null, null);
    }

    /** One summary per member per rotation run, not one SMS per slot. */
    @EventHandler
    void on(RotationPublishedEvent event, EventMessage<?> message) {
        for (RotationShare share : event.shares()) {
            if (share.slots().isEmpty()) {
                continue;
            }
            List<String> listed = share.slots().stream().limit(MAX_SLOTS_LISTED)
                    .map(slot -> directory.shiftTypeName(slot.shiftTypeId()) + " on " + SmsTexts.day(slot.date())).toList();
            int more = share.slots().size() - listed.size();
            String text = "the rotation for " + SmsTexts.day(event.from()) + " to " + SmsTexts.day(event.to()) + " gives you "
                    + share.slots().size() + (share.slots().size() == 1 ? " shift: " : " shifts: ") + String.join(", ", listed)
                    + (more > 0 ? " and " + more + " more" : "") + ".";
            Instant first = directory.slot(share.slots().get(0)).map(NotifierDirectory.HeldSlot::start).orElse(null);
            tell(message, event.groupId(), share.memberId(), NotificationPurpose.ROTATION_PUBLISHED, text, first, null, null, null);
        }
    }

    // ---- swaps ----

    @EventHandler
    void on(SwapProposedEvent event, EventMessage<?> message) {
        SwapInfo swap = new SwapInfo(event.swapId().value(), event.groupId(), event.proposerId(), event.counterpartId(),
                event.fromSlot(), event.fromStart(), event.fromEnd(), event.toSlot(), event.toStart(), event.toEnd());
        directory.swapProposed(swap);
        String proposer = name(event.proposerId());
        String text = event.kind() == SwapKind.TRADE
                ? proposer + " asks to swap their " + from(swap) + " for your " + to(swap)
                        + ". Reply YES " + NewMessage.CODE + " to accept or NO " + NewMessage.CODE + " to decline."
                : proposer + " offers you their " + from(swap)
                        + ". Reply YES " + NewMessage.CODE + " to take it or NO " + NewMessage.CODE + " to decline.";
        Instant moot = earliest(event.expiresAt(), event.fromStart(), event.toStart());
        tell(message, event.groupId(), event.counterpartId(), NotificationPurpose.SWAP_PROPOSED, text,
                earliest(event.fromStart(), event.toStart()), moot, OfferKind.SWAP, event.swapId().value());
    }

    @EventHandler
    void on(SwapAcceptedEvent event, EventMessage<?> message) {
        outbox.closeOffers(event.swapId().value());
        if (!event.approvalRequired()) {
            return; // completion follows at once and is told then
        }
        directory.swap(event.swapId().value()).ifPresent(swap -> {
            tell(message, event.groupId(), event.proposerId(), NotificationPurpose.SWAP_ACCEPTED,
                    name(event.counterpartId()) + " accepted your swap of " + from(swap) + "; it now waits for an admin's approval.",
                    start(swap), end(swap), null, null);
            String text = "the swap of " + from(swap) + " between " + name(event.proposerId()) + " and " + name(event.counterpartId())
                    + " needs an admin's approval in Rota.";
            directory.admins(event.groupId()).forEach(admin -> tell(message, event.groupId(), admin.memberId(),
                    NotificationPurpose.SWAP_APPROVAL_NEEDED, text, start(swap), start(swap), null, null));
        });
    }

    @EventHandler
    void on(SwapCompletedEvent event, EventMessage<?> message) {
        outbox.closeOffers(event.swapId().value());
        directory.swap(event.swapId().value()).ifPresent(swap -> {
            String proposerText = swap.toSlot() == null
                    ? "your give-away is done: " + name(event.counterpartId()) + " now holds " + from(swap) + "."
                    : "your swap is done: you now hold " + to(swap) + " and " + name(event.counterpartId()) + " holds " + from(swap) + ".";
            String counterpartText = swap.toSlot() == null
                    ? "the give-away is done: you now hold " + from(swap) + "."
                    : "the swap is done: you now hold " + from(swap) + " and " + name(event.proposerId()) + " holds " + to(swap) + ".";
            tell(message, event.groupId(), event.proposerId(), NotificationPurpose.SWAP_COMPLETED, proposerText, start(swap), end(swap), null, null);
            tell(message, event.groupId(), event.counterpartId(), NotificationPurpose.SWAP_COMPLETED, counterpartText, start(swap), end(swap), null, null);
        });
    }

    @EventHandler
    void on(SwapDeclinedEvent event, EventMessage<?> message) {
        outbox.closeOffers(event.swapId().value());
        directory.swap(event.swapId().value()).ifPresent(swap -> tell(message, event.groupId(), event.proposerId(),
                NotificationPurpose.SWAP_DECLINED, name(event.counterpartId()) + " declined your swap of " + from(swap) + reason(event.reason()) + ".",
                start(swap), end(swap), null, null));
    }

    @EventHandler
    void on(SwapRejectedEvent event, EventMessage<?> message) {
        outbox.closeOffers(event.swapId().value());
        directory.swap(event.swapId().value()).ifPresent(swap -> {
            String text = "an admin rejected the swap of " + from(swap) + reason(event.reason()) + "; the schedule is unchanged.";
            tell(message, event.groupId(), event.proposerId(), NotificationPurpose.SWAP_REJECTED, text, start(swap), end(swap), null, null);
            tell(message, event.groupId(), event.counterpartId(), NotificationPurpose.SWAP_REJECTED, text, start(swap), end(swap), null, null);
        });
    }

    @EventHandler
    void on(SwapCancelledEvent event, EventMessage<?> message) {
        outbox.closeOffers(event.swapId().value());
        directory.swap(event.swapId().value()).ifPresent(swap -> tell(message, event.groupId(), event.counterpartId(),
                NotificationPurpose.SWAP_CANCELLED, name(event.proposerId()) + " cancelled the swap of " + from(swap) + ".",
                start(swap), end(swap), null, null));
    }

    @EventHandler
    void on(SwapExpiredEvent event, EventMessage<?> message) {
        outbox.closeOffers(event.swapId().value());
        directory.swap(event.swapId().value()).ifPresent(swap -> tell(message, event.groupId(), event.proposerId(),
                NotificationPurpose.SWAP_EXPIRED, "your swap of " + from(swap) + " expired without an answer from "
                        + name(event.counterpartId()) + ".", start(swap), end(swap), null, null));
    }

    @EventHandler
    void on(SwapFailedEvent event, EventMessage<?> message) {
        outbox.closeOffers(event.swapId().value());
        directory.swap(event.swapId().value()).ifPresent(swap -> {
            String text = "the swap of " + from(swap) + " could not be completed"
                    + (event.failureReason() == null ? "" : " (" + clip(event.failureReason(), 120) + ")") + "; the schedule is unchanged.";
            tell(message, event.groupId(), event.proposerId(), NotificationPurpose.SWAP_FAILED, text, start(swap), end(swap), null, null);
            tell(message, event.groupId(), event.counterpartId(), NotificationPurpose.SWAP_FAILED, text, start(swap), end(swap), null, null);
        });
    }

    // ---- coverage requests ----

    @EventHandler
    void on(CoverageRequestedEvent event, EventMessage<?> message) {
        CoverageInfo request = new CoverageInfo(event.requestId().value(), event.groupId(), event.slot(), event.start(), event.end(),
                event.requesterId(), event.offeredTo() == null ? List.of() : event.offeredTo());
        directory.coverageRequested(request);
        String text = slot(event.groupId(), event.slot(), event.start()) + " needs cover"
                + (event.requesterId() == null ? "" : " (" + name(event.requesterId()) + " asked)")
                + ". Reply YES " + NewMessage.CODE + " to take it.";
        for (MemberId member : request.offeredTo()) {
            if (!member.equals(event.requesterId())) {
                tell(message, event.groupId(), member, NotificationPurpose.COVERAGE_OFFERED, text, event.start(), event.start(),
                        OfferKind.COVERAGE, event.requestId().value());
            }
        }
    }

    @EventHandler
    void on(CoverageClaimedEvent event, EventMessage<?> message) {
        outbox.closeOffers(event.requestId().value());
        if (!event.approvalRequired()) {
            return; // covered at once, told then
        }
        directory.coverage(event.requestId().value()).ifPresent(request -> {
            String slot = slot(request);
            if (request.requesterId() != null) {
                tell(message, event.groupId(), request.requesterId(), NotificationPurpose.COVERAGE_CLAIMED,
                        name(event.claimantId()) + " claimed your " + slot + "; it now waits for an admin's approval.",
                        request.start(), request.end(), null, null);
            }
            String text = name(event.claimantId()) + " claimed " + slot + "; the claim needs an admin's approval in Rota.";
            directory.admins(event.groupId()).forEach(admin -> tell(message, event.groupId(), admin.memberId(),
                    NotificationPurpose.COVERAGE_APPROVAL_NEEDED, text, request.start(), request.start(), null, null));
        });
    }

    @EventHandler
    void on(CoverageCoveredEvent event, EventMessage<?> message) {
        outbox.closeOffers(event.requestId().value());
        directory.coverage(event.requestId().value()).ifPresent(request -> {
            if (request.requesterId() != null) {
                tell(message, event.groupId(), request.requesterId(), NotificationPurpose.COVERAGE_COVERED,
                        name(event.claimantId()) + " covers your " + slot(request) + ".", request.start(), request.end(), null, null);
            }
            tell(message, event.groupId(), event.claimantId(), NotificationPurpose.COVERAGE_COVERED,
                    "you now hold " + slot(request) + ".", request.start(), request.end(), null, null);
        });
    }

    @EventHandler
    void on(CoverageCancelledEvent event, EventMessage<?> message) {
        List<MemberId> stillOffered = outbox.openOfferRecipients(event.requestId().value());
        outbox.closeOffers(event.requestId().value());
        directory.coverage(event.requestId().value()).ifPresent(request -> stillOffered.forEach(member -> tell(message,
                event.groupId(), member, NotificationPurpose.COVERAGE_CANCELLED, slot(request) + " no longer needs cover.",
                request.start(), request.start(), null, null)));
    }

    @EventHandler
    void on(CoverageEscalatedEvent event, EventMessage<?> message) {
        directory.coverage(event.requestId().value()).ifPresent(request -> directory.admins(event.groupId()).forEach(admin ->
                tell(message, event.groupId(), admin.memberId(), NotificationPurpose.COVERAGE_ESCALATED,
                        slot(request) + " still needs cover: nobody has claimed it.", request.start(), request.start(), null, null)));
    }

    @EventHandler
    void on(CoverageUnfilledEvent event, EventMessage<?> message) {
        outbox.closeOffers(event.requestId().value());
        directory.coverage(event.requestId().value()).ifPresent(request -> {
            String text = slot(request) + " started with nobody covering it.";
            Set<MemberId> told = new LinkedHashSet<>();
            directory.admins(event.groupId()).forEach(admin -> told.add(admin.memberId()));
            if (request.requesterId() != null) {
                told.add(request.requesterId());
            }
            told.forEach(member -> tell(message, event.groupId(), member, NotificationPurpose.COVERAGE_UNFILLED, text,
                    request.start(), request.end(), null, null));
        });
    }

    // ---- recording ----

    /**
     * Adds one SMS to the outbox, unless the event is older than the notifier or the recipient made the change
     * themself. An opted-out or deactivated recipient gets a SKIPPED row, so the log shows who was not told.
     */
    private void tell(EventMessage<?> message, GroupId groupId, MemberId recipient, NotificationPurpose purpose, String text,
                      Instant subjectStart, Instant mootAt, OfferKind offerKind, UUID offerRef) {
        if (recipient == null || message.getTimestamp().isBefore(epoch())
                || recipient.toString().equals(message.getMetaData().get(ActorMetadata.ACTOR_MEMBER_ID))) {
            return;
        }
        GroupInfo group = directory.group(groupId).orElse(null);
        MemberInfo member = directory.member(recipient).orElse(null);
        if (group == null || member == null) {
            return;
        }
        Instant now = clock.instant();
        boolean urgent = ALWAYS_URGENT.contains(purpose) || subjectStart != null && subjectStart.isBefore(now.plus(URGENT_WITHIN));
        String skipped = member.skipReason();
        QuietHours quiet = new QuietHours(group.quietHoursStart(), group.quietHoursEnd(), group.zone());
        outbox.add(new NewMessage(message.getIdentifier(), recipient, purpose, groupId, member.phone(),
                SmsTexts.fromGroup(group.name(), text), urgent, mootAt, offerKind, offerRef, now, quiet.notBefore(now, urgent),
                message.getMetaData().get(ActorMetadata.CORRELATION_ID) instanceof String id ? id : null, skipped));
    }

    private Instant epoch() {
        Instant known = epoch;
        if (known == null) {
            known = directory.epoch();
            epoch = known;
        }
        return known;
    }

    private static boolean byWorkflow(EventMessage<?> message) {
        return WORKFLOW_KEYS.stream().anyMatch(key -> message.getMetaData().get(key) != null);
    }

    private String name(MemberId memberId) {
        return directory.member(memberId).map(MemberInfo::name).orElse("A member");
    }

    private String slot(GroupId groupId, SlotKey slot, Instant start) {
        return SmsTexts.slot(directory.shiftTypeName(slot.shiftTypeId()), slot.date(), start,
                directory.group(groupId).map(GroupInfo::zone).orElse(java.time.ZoneOffset.UTC));
    }

    private String slot(CoverageInfo request) {
        return slot(request.groupId(), request.slot(), request.start());
    }

    private String from(SwapInfo swap) {
        return slot(swap.groupId(), swap.fromSlot(), swap.fromStart());
    }

    private String to(SwapInfo swap) {
        return slot(swap.groupId(), swap.toSlot(), swap.toStart());
    }

    private static Instant start(SwapInfo swap) {
        return earliest(swap.fromStart(), swap.toStart());
    }

    private static Instant end(SwapInfo swap) {
        return Stream.of(swap.fromEnd(), swap.toEnd()).filter(Objects::nonNull).max(Instant::compareTo).orElse(null);
    }

    private static Instant earliest(Instant... instants) {
        return Stream.of(instants).filter(Objects::nonNull).min(Instant::compareTo).orElse(null);
    }

    private static String reason(String reason) {
        return reason == null || reason.isBlank() ? "" : " (" + clip(reason, 100) + ")";
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

}
