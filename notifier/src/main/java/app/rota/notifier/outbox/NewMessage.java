package app.rota.notifier.outbox;

import app.rota.kernel.group.GroupId;
import app.rota.kernel.member.MemberId;
import app.rota.kernel.notification.NotificationPurpose;

import java.time.Instant;
import java.util.UUID;

/**
 * An SMS to record in the outbox: once per (cause, member, purpose). {@code skippedBecause} non-null
 * records it as SKIPPED (opted out, inactive) instead of sending it. {@code offerKind}/{@code offerRef} mark
 * an offer the recipient can answer by SMS; the outbox gives it a code, written into the body where
 * {@link #CODE} stands.
 */
public record NewMessage(String cause, MemberId memberId, NotificationPurpose purpose, GroupId groupId, String toPhone,
                         String body, boolean urgent, Instant mootAt, OfferKind offerKind, UUID offerRef,
                         Instant createdAt, Instant notBefore, String correlationId, String skippedBecause) {

    /** Placeholder for the offer code in an offer's body. */
    public static final String CODE = "{code}";

    public enum OfferKind { SWAP, COVERAGE }
}
