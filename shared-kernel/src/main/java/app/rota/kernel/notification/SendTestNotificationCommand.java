package app.rota.kernel.notification;

import app.rota.kernel.common.GroupScoped;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.member.MemberId;

import java.util.UUID;

/** An admin sends a test SMS to a member of the group; {@code notificationId} is the new log entry's id. */
public record SendTestNotificationCommand(UUID notificationId, GroupId groupId, MemberId memberId) implements GroupScoped {
}
