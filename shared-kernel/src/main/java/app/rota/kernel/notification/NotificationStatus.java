package app.rota.kernel.notification;

/**
 * Where an SMS is. {@code PENDING}: waiting (quiet hours, a retry, or being handed to Twilio right now);
 * {@code SENT}: accepted by Twilio, or logged when SMS is log-only; {@code DELIVERED}/{@code UNDELIVERED}:
 * as Twilio's status callback reported; {@code FAILED}: refused for good, out of attempts, or moot (its
 * shift is over); {@code SKIPPED}: never sent (opted out, or the member is inactive).
 */
public enum NotificationStatus {
    PENDING, SENT, DELIVERED, UNDELIVERED, FAILED, SKIPPED
}
