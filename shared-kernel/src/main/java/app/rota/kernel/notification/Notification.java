package app.rota.kernel.notification;

import app.rota.kernel.member.MemberId;

import java.time.Instant;
import java.util.UUID;

/** One SMS as the notification log shows it; {@code to} is masked (e.g. {@code +1******4567}). */
public record Notification(UUID id, MemberId memberId, String memberName, String to, NotificationPurpose purpose,
                           String body, NotificationStatus status, String twilioSid, String errorCode,
                           String errorMessage, int attempts, Instant createdAt, Instant notBefore, Instant sentAt,
                           Instant updatedAt, String correlationId) {
}
