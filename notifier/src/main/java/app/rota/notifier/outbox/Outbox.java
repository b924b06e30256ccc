package app.rota.notifier.outbox;

import app.rota.kernel.group.GroupId;
import app.rota.kernel.member.MemberId;
import app.rota.kernel.notification.NotificationPurpose;
import app.rota.kernel.notification.NotificationStatus;
import app.rota.notifier.outbox.NewMessage.OfferKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The SMS outbox, which is also the notification log ({@code ntf_message}). Rows are added once per
 * (cause, member, purpose) — the unique constraint makes a second add of the same message a no-op — and
 * then move PENDING → SENDING → SENT → DELIVERED/UNDELIVERED, or end FAILED or SKIPPED.
 */
@Component
public class Outbox {

    /** An outbox row as the sender needs it. */
    public record Row(UUID id, GroupId groupId, MemberId memberId, NotificationPurpose purpose, String toPhone, String body,
                      String status, int attempts, Instant mootAt, Instant sendingSince, Instant createdAt) {
    }

    /** An offer the recipient can still answer by SMS. */
    public record Offer(UUID messageId, OfferKind kind, UUID ref, String code, MemberId memberId, GroupId groupId) {
    }

    static final RowMapper<Row> ROW = (rs, i) -> new Row(rs.getObject("id", UUID.class),
            new GroupId(rs.getObject("group_id", UUID.class)), new MemberId(rs.getObject("member_id", UUID.class)),
            NotificationPurpose.valueOf(rs.getString("purpose")), rs.getString("to_phone"), rs.getString("body"),
            rs.getString("status"), rs.getInt("attempts"), instant(rs, "moot_at"), instant(rs, "sending_since"),
            instant(rs, "created_at"));

    private static final RowMapper<Offer> OFFER = (rs, i) -> new Offer(rs.getObject("id", UUID.class),
            OfferKind.valueOf(rs.getString("offer_kind")), rs.getObject("offer_ref", UUID.class), rs.getString("offer_code"),
            new MemberId(rs.getObject("member_id", UUID.class)), new GroupId(rs.getObject("group_id", UUID.class)));

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;

    public Outbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds the message unless a message with the same (cause, member, purpose) exists. Returns the id of the
     * row added, or empty when it was there already.
     */
    public Optional<UUID> add(NewMessage message) {
        return add(UUID.randomUUID(), message);
    }

    public Optional<UUID> add(UUID id, NewMessage message) {
        String code = null;
        if (message.offerKind() != null) {
            // an offer takes a code only once: a message already there keeps its own
            Integer existing = jdbc.queryForObject("select count(*) from ntf_message where cause = ? and member_id = ? and purpose = ?",
                    Integer.class, message.cause(), message.memberId().value(), message.purpose().name());
            if (existing != null && existing > 0) {
                return Optional.empty();
            }
            code = freeCode(message.toPhone());
        }
        int added = jdbc.update(INSERT, row(id, message, code));
        return added == 1 ? Optional.of(id) : Optional.empty();
    }

    /**
     * Adds many messages that offer nothing (reminders) in batched inserts; a message whose (cause, member,
     * purpose) exists is left out. Returns how many were added.
     */
    public int addAll(List<NewMessage> messages) {
        List<Object[]> rows = new java.util.ArrayList<>();
        for (NewMessage message : messages) {
            if (message.offerKind() != null) {
                throw new IllegalArgumentException("Offers need a code: add them one by one");
            }
            rows.add(row(UUID.randomUUID(), message, null));
        }
        int added = 0;
        for (int from = 0; from < rows.size(); from += 500) {
            int[][] counts = jdbc.batchUpdate(INSERT, rows.subList(from, Math.min(rows.size(), from + 500)), 500, (ps, row) -> {
                for (int i = 0; i < row.length; i++) {
                    ps.setObject(i + 1, row[i]);
                }
            });
            for (int[] batch : counts) {
                for (int count : batch) {
                    added += Math.max(0, count);
                }
            }
        }
        return added;
    }

    private static final String INSERT = """
            insert into ntf_message (id, cause, member_id, purpose, group_id, to_phone, body, status, urgent, moot_at,
                offer_kind, offer_ref, offer_code, offer_open, error_code, error_message, created_at, not_before,
                next_attempt_at, updated_at, correlation_id)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict on constraint ntf_message_once do nothing
            """;

    /** The INSERT's parameters for a message; {@code code} (an offer's) replaces {@link NewMessage#CODE} in the body. */
    private static Object[] row(UUID id, NewMessage message, String code) {
        boolean skipped = message.skippedBecause() != null;
        Timestamp now = Timestamp.from(message.createdAt());
        Timestamp notBefore = Timestamp.from(message.notBefore() == null ? message.createdAt() : message.notBefore());
        return new Object[]{id, message.cause(), message.memberId().value(), message.purpose().name(), message.groupId().value(),
                message.toPhone(), code == null ? message.body() : message.body().replace(NewMessage.CODE, code),
                skipped ? NotificationStatus.SKIPPED.name() : NotificationStatus.PENDING.name(), message.urgent(),
                message.mootAt() == null ? null : Timestamp.from(message.mootAt()),
                message.offerKind() == null ? null : message.offerKind().name(), message.offerRef(), code,
                code != null && !skipped, skipped ? message.skippedBecause() : null,
                skipped ? skippedSentence(message.skippedBecause()) : null, now, notBefore, notBefore, now, message.correlationId()};
    }

    private static String skippedSentence(String reason) {
        return switch (reason) {
            case "OPTED_OUT" -> "The member opted out of SMS.";
            case "INACTIVE" -> "The member is deactivated.";
            default -> reason;
        };
    }

    /** A 4-digit code not used by any open offer to this phone. */
    private String freeCode(String phone) {
        Set<String> taken = new HashSet<>(jdbc.queryForList(
                "select offer_code from ntf_message where to_phone = ? and offer_open", String.class, phone));
        for (int tries = 0; tries < 200; tries++) {
            String code = String.valueOf(1000 + RANDOM.nextInt(9000));
            if (!taken.contains(code)) {
                return code;
            }
        }
        throw new IllegalStateException("No free offer code for a phone with " + taken.size() + " open offers");
    }

    /** Records an SMS that was answered at once (a reply in TwiML): SENT as it is added. */
    public Optional<UUID> addAnswered(NewMessage message) {
        Optional<UUID> id = add(message);
        id.ifPresent(added -> jdbc.update("update ntf_message set status = 'SENT', sent_at = created_at, attempts = 1 where id = ?", added));
        return id;
    }

    /** The body of the message with this key, if it exists (a repeated inbound webhook answers the same). */
    public Optional<String> bodyOf(String cause, MemberId memberId, NotificationPurpose purpose) {
        return jdbc.queryForList("select body from ntf_message where cause = ? and member_id = ? and purpose = ?", String.class,
                cause, memberId.value(), purpose.name()).stream().findFirst();
    }

    /** Pending messages whose shift is already over, or past their moment, end FAILED (MOOT). */
    public int failMoot(Instant now) {
        return jdbc.update("""
                update ntf_message set status = 'FAILED', error_code = 'MOOT',
                    error_message = 'Not sent: the shift it was about has started or ended.', offer_open = false, updated_at = ?
                where status = 'PENDING' and moot_at is not null and moot_at <= ?
                """, Timestamp.from(now), Timestamp.from(now));
    }

    /**
     * Claims up to {@code limit} due messages for sending: each is marked SENDING with its attempt counted, in
     * a transaction of its own that commits before Twilio is called. Two senders never claim the same row.
     */
    public List<Row> claimDue(Instant now, int limit) {
        return jdbc.query("""
                update ntf_message m set status = 'SENDING', sending_since = ?, attempts = attempts + 1, updated_at = ?
                where id in (select id from ntf_message where status = 'PENDING' and next_attempt_at <= ?
                             order by urgent desc, next_attempt_at limit ? for update skip locked)
                returning m.*
                """, ROW, Timestamp.from(now), Timestamp.from(now), Timestamp.from(now), limit);
    }

    /**
     * Just before a claimed row goes to Twilio: its {@code sending_since} becomes now, so "stuck" counts from the
     * send and not from the claim. False when the claim is no longer this sender's (recovery took the row back).
     */
    public boolean startSending(UUID id, Instant claimedAt, Instant now) {
        return jdbc.update("update ntf_message set sending_since = ?, updated_at = ? where id = ? and status = 'SENDING' and sending_since = ?",
                Timestamp.from(now), Timestamp.from(now), id, Timestamp.from(claimedAt)) == 1;
    }

    /** Messages handed to Twilio before {@code before} whose answer was never recorded (the sender died). */
    public List<Row> stuckSending(Instant before, int limit) {
        return jdbc.query("select * from ntf_message where status = 'SENDING' and sending_since < ? order by sending_since limit ?",
                ROW, Timestamp.from(before), limit);
    }

    public void markSent(UUID id, String sid, Instant now) {
        jdbc.update("""
                update ntf_message set status = 'SENT', twilio_sid = ?, sent_at = ?, updated_at = ?, error_code = null, error_message = null
                where id = ? and status = 'SENDING'
                """, sid, Timestamp.from(now), Timestamp.from(now), id);
    }

    /** Back to PENDING for another attempt at {@code next}, keeping the error for the log. */
    public void markRetry(UUID id, Instant next, String errorCode, String errorMessage, Instant now) {
        jdbc.update("""
                update ntf_message set status = 'PENDING', next_attempt_at = ?, error_code = ?, error_message = ?, updated_at = ?
                where id = ? and status = 'SENDING'
                """, Timestamp.from(next), errorCode, truncate(errorMessage), Timestamp.from(now), id);
    }

    /**
     * Sent without a readable answer: stays SENDING, with the error kept for the log, so that it is looked up in
     * Twilio's list ({@link #stuckSending}) before anything sends it again.
     */
    public void markUnknown(UUID id, String errorCode, String errorMessage, Instant now) {
        jdbc.update("update ntf_message set error_code = ?, error_message = ?, updated_at = ? where id = ? and status = 'SENDING'",
                errorCode, truncate(errorMessage), Timestamp.from(now), id);
    }

    public void markFailed(UUID id, String errorCode, String errorMessage, Instant now) {
        jdbc.update("""
                update ntf_message set status = 'FAILED', error_code = ?, error_message = ?, updated_at = ?, offer_open = false
                where id = ? and status in ('SENDING', 'PENDING')
                """, errorCode, truncate(errorMessage), Timestamp.from(now), id);
    }

    /**
     * Applies a Twilio status callback. Statuses only move forward: queued/sending/sent are SENT, then
     * delivered, undelivered or failed are final; a late {@code sent} after {@code delivered} changes nothing.
     * Returns the status now recorded, or empty for an unknown SID or a status Rota does not track.
     */
    public Optional<NotificationStatus> deliveryStatus(String sid, String twilioStatus, String errorCode, Instant now) {
        NotificationStatus status = switch (twilioStatus == null ? "" : twilioStatus.toLowerCase()) {
            case "accepted", "scheduled", "queued", "sending", "sent" -> NotificationStatus.SENT;
            case "delivered", "read" -> NotificationStatus.DELIVERED;
            case "undelivered" -> NotificationStatus.UNDELIVERED;
            case "failed", "canceled" -> NotificationStatus.FAILED;
            default -> null;
        };
        if (status == null || sid == null) {
            return Optional.empty();
        }
        int rank = rank(status);
        int changed = jdbc.update("""
                update ntf_message set status = ?, error_code = coalesce(?::text, error_code),
                    error_message = case when ?::text is null then error_message else 'Twilio error ' || ?::text end, updated_at = ?
                where twilio_sid = ?
                  and (case status when 'DELIVERED' then 2 when 'UNDELIVERED' then 2 when 'FAILED' then 2
                                   when 'SENT' then 1 else 0 end) < ?
                """, status.name(), blankToNull(errorCode), blankToNull(errorCode), blankToNull(errorCode),
                Timestamp.from(now), sid, rank);
        return changed == 1 ? Optional.of(status) : Optional.empty();
    }

    private static int rank(NotificationStatus status) {
        return switch (status) {
            case PENDING -> 0;
            case SENT -> 1;
            default -> 2;
        };
    }

    public Optional<Offer> openOffer(String phone, String code) {
        return jdbc.query("select * from ntf_message where to_phone = ? and offer_code = ? and offer_open", OFFER, phone, code)
                .stream().findFirst();
    }

    public List<Offer> openOffers(String phone) {
        return jdbc.query("select * from ntf_message where to_phone = ? and offer_open order by created_at", OFFER, phone);
    }

    /** The offers about this swap or coverage request can no longer be answered by SMS. */
    public void closeOffers(UUID ref) {
        jdbc.update("update ntf_message set offer_open = false where offer_ref = ? and offer_open", ref);
    }

    public void closeOffer(UUID messageId) {
        jdbc.update("update ntf_message set offer_open = false where id = ?", messageId);
    }

    /** Members whose offer about {@code ref} is still open. */
    public List<MemberId> openOfferRecipients(UUID ref) {
        return jdbc.query("select member_id from ntf_message where offer_ref = ? and offer_open order by created_at",
                (rs, i) -> new MemberId(rs.getObject(1, UUID.class)), ref);
    }

    public long pendingCount() {
        return jdbc.queryForObject("select count(*) from ntf_message where status in ('PENDING', 'SENDING') and next_attempt_at <= now()", Long.class);
    }

    /** Age in seconds of the oldest message due and not yet sent; 0 when none. */
    public double oldestPendingSeconds(Instant now) {
        Timestamp oldest = jdbc.queryForObject(
                "select min(next_attempt_at) from ntf_message where status in ('PENDING', 'SENDING') and next_attempt_at <= ?",
                Timestamp.class, Timestamp.from(now));
        return oldest == null ? 0 : Math.max(0, (now.toEpochMilli() - oldest.getTime()) / 1000.0);
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 500 ? text : text.substring(0, 500);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
