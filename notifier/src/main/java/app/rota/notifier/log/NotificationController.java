package app.rota.notifier.log;

import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.error.RotaException;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.member.MemberId;
import app.rota.kernel.notification.FindNotificationsQuery;
import app.rota.kernel.notification.NotificationPage;
import app.rota.kernel.notification.NotificationPurpose;
import app.rota.kernel.notification.NotificationStatus;
import app.rota.kernel.notification.SendTestNotificationCommand;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/** The notification log (admins and auditors: the group's; members: their own) and the admin's test SMS. */
@RestController
@RequestMapping("/api/v1/groups/{groupId}/notifications")
@Tag(name = "Notifications")
class NotificationController {

    record TestRequest(UUID memberId) {
    }

    private final QueryGateway queries;
    private final CommandGateway commands;

    NotificationController(QueryGateway queries, CommandGateway commands) {
        this.queries = queries;
        this.commands = commands;
    }

    @GetMapping
    NotificationPage notifications(@PathVariable UUID groupId,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                   @RequestParam(required = false) NotificationStatus status,
                                   @RequestParam(required = false) NotificationPurpose purpose,
                                   @RequestParam(required = false) UUID memberId,
                                   @RequestParam(defaultValue = "0") int page,
                                   @RequestParam(defaultValue = "50") int size) {
        return queries.query(new FindNotificationsQuery(new GroupId(groupId), from, to, status, purpose,
                memberId == null ? null : new MemberId(memberId), page, size), ResponseTypes.instanceOf(NotificationPage.class)).join();
    }

    /** Queues a test SMS to the member: 202 with the log entry's id. */
    @PostMapping("/test")
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'GROUP_ADMIN')")
    ResponseEntity<Map<String, UUID>> test(@PathVariable UUID groupId, @RequestBody TestRequest request) {
        if (request == null || request.memberId() == null) {
            throw new RotaException(ErrorCode.FIELD_REQUIRED, "memberId", "memberId is required.");
        }
        UUID id = UUID.randomUUID();
        commands.sendAndWait(new SendTestNotificationCommand(id, new GroupId(groupId), new MemberId(request.memberId())));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("id", id));
    }
}
