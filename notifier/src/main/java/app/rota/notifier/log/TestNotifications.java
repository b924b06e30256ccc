package app.rota.notifier.log;

import app.rota.kernel.common.Actor;
import app.rota.kernel.common.ActorMetadata;
import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.error.RotaException;
import app.rota.kernel.notification.NotificationPurpose;
import app.rota.kernel.notification.SendTestNotificationCommand;
import app.rota.notifier.directory.NotifierDirectory;
import app.rota.notifier.directory.NotifierDirectory.GroupInfo;
import app.rota.notifier.directory.NotifierDirectory.MemberInfo;
import app.rota.notifier.outbox.NewMessage;
import app.rota.notifier.outbox.Outbox;
import app.rota.notifier.policy.SmsTexts;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * An admin's test SMS to a member: urgent (quiet hours do not hold it), sent like any other, logged as {@code TEST}.
 * An opted-out or deactivated member's test is recorded SKIPPED, which is what the admin wants to find out.
 */
@Component
class TestNotifications {

    private final NotifierDirectory directory;
    private final Outbox outbox;
    private final Clock clock;

    TestNotifications(NotifierDirectory directory, Outbox outbox, Clock clock) {
        this.directory = directory;
        this.outbox = outbox;
        this.clock = clock;
    }

    @CommandHandler
    UUID handle(SendTestNotificationCommand command, MetaData metaData) {
        Actor actor = Actor.fromMetaData(metaData);
        if (!actor.actsAsAdmin()) {
            throw new RotaException(ErrorCode.ACCESS_DENIED, "Only an admin may send a test SMS.");
        }
        GroupInfo group = directory.group(command.groupId())
                .orElseThrow(() -> new RotaException(ErrorCode.GROUP_NOT_FOUND, "No group with id " + command.groupId() + "."));
        MemberInfo member = directory.member(command.memberId()).filter(m -> m.groupId().equals(command.groupId()))
                .orElseThrow(() -> new RotaException(ErrorCode.MEMBER_NOT_FOUND, "memberId", "No member " + command.memberId() + " in this group."));
        Instant now = clock.instant();
        String skipped = member.skipReason();
        outbox.add(command.notificationId(), new NewMessage("test:" + command.notificationId(), member.memberId(),
                NotificationPurpose.TEST, group.groupId(), member.phone(),
                SmsTexts.fromGroup(group.name(), "this is a test message for " + member.name() + ". No reply needed."),
                true, null, null, null, now, now, metaData.get(ActorMetadata.CORRELATION_ID) instanceof String id ? id : null, skipped));
        return command.notificationId();
    }
}
