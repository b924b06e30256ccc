package app.rota.kernel.audit;

import app.rota.kernel.member.MemberId;
import app.rota.kernel.member.MemberRef;
import app.rota.kernel.schedule.SlotKey;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One event that concerned a group, as the audit log shows it.
 *
 * @param eventId       the event message's id
 * @param position      its global position in the event store: the log's order (newest first)
 * @param at            when the event was recorded
 * @param type          the event's class name without {@code Event}, one of {@link #TYPES}
 * @param actor         who did it, from the event's metadata; null when the metadata names nobody
 * @param onBehalfOf    the member an admin acted for, when not themselves
 * @param correlationId the request that caused it; events of one request share it
 * @param summary       one English sentence, e.g. "Ada assigned to Primary on 2027-03-07 (was Bob)"
 * @param slot          the slot it concerns (a swap: the proposer's), or null
 * @param before        what it changed, as it was (small JSON object; phone numbers masked), or null
 * @param after         what it changed, as it became, or null
 * @param reason        the reason given, or null
 */
public record AuditEntry(String eventId, long position, Instant at, String type, Actor actor, MemberRef onBehalfOf,
                         String correlationId, String summary, SlotKey slot, Map<String, Object> before,
                         Map<String, Object> after, String reason) {

    /** Every type an entry may have, in the order of the domain's areas. */
    public static final List<String> TYPES = List.of(
            "GroupCreated", "GroupSettingsChanged",
            "MemberAdded", "MemberChanged", "MemberDeactivated", "MemberOptedOutOfSms", "MemberOptedInToSms",
            "TimeOffDeclared", "TimeOffWithdrawn",
            "ShiftTypeDefined", "ShiftTypeChanged", "ShiftTypeRetired",
            "SlotAssigned", "SlotUnassigned", "RotationPublished",
            "SwapProposed", "SwapAccepted", "SwapApproved", "SwapRejected", "SwapDeclined", "SwapCancelled",
            "SwapExpired", "SwapFailed", "SwapCompleted",
            "CoverageRequested", "CoverageClaimed", "CoverageApproved", "CoverageRejected", "CoverageEscalated",
            "CoverageCovered", "CoverageCancelled", "CoverageUnfilled");

    /**
     * Who acted: the member (when a member's login or SMS reply acted), the name recorded then, the role
     * they acted in ({@code SUPER_ADMIN}, {@code ADMIN}, {@code MEMBER}, {@code AUDITOR}, {@code SYSTEM} or
     * {@code ANONYMOUS}) and the channel ({@code WEB}, {@code SMS}, {@code SYSTEM}).
     */
    public record Actor(MemberId memberId, String name, String role, String source) {
    }
}
