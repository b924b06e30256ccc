package app.rota.query.calendar;

import app.rota.kernel.group.GroupId;
import app.rota.kernel.schedule.Assignee;
import app.rota.kernel.schedule.CalendarResponse;
import app.rota.kernel.schedule.CalendarSlot;
import app.rota.query.csv.Csv;
import org.springframework.http.ResponseEntity;
import app.rota.kernel.schedule.FindCalendarQuery;
import app.rota.kernel.schedule.FindMemberScheduleQuery;
import app.rota.kernel.schedule.FindOnCallQuery;
import app.rota.kernel.member.MemberId;
import app.rota.kernel.schedule.MemberScheduleResponse;
import app.rota.kernel.schedule.OnCallResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Reads are answered from the calendar projection; any member, admin or auditor of the group may read. */
@RestController
@RequestMapping("/api/v1/groups/{groupId}")
@Tag(name = "Calendar")
class CalendarQueryController {

    private final QueryGateway queries;
    private final Clock clock;

    CalendarQueryController(QueryGateway queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping("/calendar")
    CalendarResponse calendar(@PathVariable UUID groupId,
                              @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                              @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime asOf) {
        return ask(new FindCalendarQuery(new GroupId(groupId), from, to, asOf == null ? null : asOf.toInstant()),
                CalendarResponse.class);
    }

    /** The same calendar as CSV: one row per slot. */
    @GetMapping(path = "/calendar", produces = Csv.MEDIA_TYPE)
    ResponseEntity<String> calendarCsv(@PathVariable UUID groupId,
                                       @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                       @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime asOf) {
        CalendarResponse calendar = calendar(groupId, from, to, asOf);
        Csv csv = Csv.withHeader("date", "shiftTypeId", "shiftTypeName", "start", "end", "realHours", "status", "memberId",
                "assigneeName", "reachableBySms", "version", "swapId", "coverageRequestId");
        for (CalendarSlot slot : calendar.slots()) {
            Assignee assignee = slot.assignee();
            csv.row(slot.date(), slot.shiftTypeId(), slot.shiftTypeName(), slot.start(), slot.end(), slot.realHours(), slot.status(),
                    assignee == null ? null : assignee.memberId(), assignee == null ? null : assignee.name(),
                    assignee == null ? null : assignee.reachableBySms(), slot.version(), slot.swapId(), slot.coverageRequestId());
        }
        return csv.response("calendar-" + from + "-" + to + ".csv");
    }

    @GetMapping("/on-call")
    OnCallResponse onCall(@PathVariable UUID groupId,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime at,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime asOf) {
        return ask(new FindOnCallQuery(new GroupId(groupId), at == null ? clock.instant() : at.toInstant(),
                asOf == null ? null : asOf.toInstant()), OnCallResponse.class);
    }

    @GetMapping("/members/{memberId}/schedule")
    MemberScheduleResponse schedule(@PathVariable UUID groupId, @PathVariable UUID memberId,
                                    @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                    @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return ask(new FindMemberScheduleQuery(new GroupId(groupId), new MemberId(memberId), from, to),
                MemberScheduleResponse.class);
    }

    private <R> R ask(Object query, Class<R> type) {
        return queries.query(query, ResponseTypes.instanceOf(type)).join();
    }
}
