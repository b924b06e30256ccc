package app.rota.kernel.notification;

import app.rota.kernel.common.GroupScoped;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.member.MemberId;

import java.time.LocalDate;

/**
 * A group's notification log. {@code from}/{@code to} are group-local dates of creation (inclusive); every
 * filter may be null. A member asking sees only their own notifications, whatever {@code memberId} says.
 */
public record FindNotificationsQuery(GroupId groupId, LocalDate from, LocalDate to, NotificationStatus status,
                                     NotificationPurpose purpose, MemberId memberId, int page, int size)
        implements GroupScoped {
}
