package app.rota.query.audit;

import app.rota.kernel.audit.AuditEntry;
import app.rota.kernel.audit.AuditPage;
import app.rota.kernel.audit.FindAuditLogQuery;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.member.MemberId;
import app.rota.kernel.schedule.ShiftTypeId;
import app.rota.query.csv.Csv;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * The group's audit log, newest first, as JSON or (with {@code Accept: text/csv}) as CSV, one row per entry of
 * the page. Only the group's admins and auditors and the super admin may read it.
 */
@RestController
@RequestMapping("/api/v1/groups/{groupId}/audit")
@Tag(name = "Audit")
@PreAuthorize("hasAnyRole('SUPER_ADMIN', 'GROUP_ADMIN', 'GROUP_AUDITOR')")
class AuditController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final QueryGateway queries;

    AuditController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping
    AuditPage audit(@PathVariable UUID groupId,
                    @RequestParam(required = false) String from,
                    @RequestParam(required = false) String to,
                    @RequestParam(required = false) UUID memberId,
                    @RequestParam(required = false) UUID shiftTypeId,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                    @RequestParam(required = false) String type,
                    @RequestParam(defaultValue = "0") int page,
                    @RequestParam(defaultValue = "" + FindAuditLogQuery.DEFAULT_SIZE) int size) {
        return queries.query(new FindAuditLogQuery(new GroupId(groupId), from, to,
                        memberId == null ? null : new MemberId(memberId), shiftTypeId == null ? null : new ShiftTypeId(shiftTypeId),
                        date, type, page, size),
                ResponseTypes.instanceOf(AuditPage.class)).join();
    }

    /** The same page as CSV: flat columns, before and after as JSON text. */
    @GetMapping(produces = Csv.MEDIA_TYPE)
    ResponseEntity<String> auditCsv(@PathVariable UUID groupId,
                                    @RequestParam(required = false) String from,
                                    @RequestParam(required = false) String to,
                                    @RequestParam(required = false) UUID memberId,
                                    @RequestParam(required = false) UUID shiftTypeId,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                                    @RequestParam(required = false) String type,
                                    @RequestParam(defaultValue = "0") int page,
                                    @RequestParam(defaultValue = "" + FindAuditLogQuery.DEFAULT_SIZE) int size) {
        AuditPage audit = audit(groupId, from, to, memberId, shiftTypeId, date, type, page, size);
        Csv csv = Csv.withHeader("eventId", "position", "at", "type", "actorName", "actorRole", "actorSource", "actorMemberId",
                "onBehalfOf", "correlationId", "summary", "shiftTypeId", "date", "before", "after", "reason");
        for (AuditEntry entry : audit.items()) {
            AuditEntry.Actor actor = entry.actor();
            csv.row(entry.eventId(), entry.position(), entry.at(), entry.type(),
                    actor == null ? null : actor.name(), actor == null ? null : actor.role(), actor == null ? null : actor.source(),
                    actor == null ? null : actor.memberId(),
                    entry.onBehalfOf() == null ? null : entry.onBehalfOf().name(), entry.correlationId(), entry.summary(),
                    entry.slot() == null ? null : entry.slot().shiftTypeId(), entry.slot() == null ? null : entry.slot().date(),
                    json(entry.before()), json(entry.after()), entry.reason());
        }
        return csv.response("audit-" + groupId + ".csv");
    }

    private static String json(Map<String, Object> object) {
        return object == null ? null : JSON.writeValueAsString(object);
    }
}
