package app.rota.query.calendar;

import app.rota.kernel.group.GroupId;
import app.rota.kernel.schedule.Assignee;
import app.rota.kernel.schedule.CalendarResponse;
import app.rota.kernel.schedule.CalendarSlot;
import app.rota.query.csv.Csv;
import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.error.RotaException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import java.time.ZoneId;
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

import static java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME;

/** Reads are answered from the calendar projection; any member, admin or auditor of the group may read. */
@RestController
@RequestMapping("/api/v1/groups/{groupId}")
@Tag(name = "Calendar")
class CalendarQueryController {

    private final QueryGateway queries;
    private final Clock clock;
    private final CalendarStreams streams;

    CalendarQueryController(QueryGateway queries, Clock clock, CalendarStreams streams) {
        this.queries = queries;
        this.clock = clock;
        this.streams = streams;
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
            csv.row(slot.date(), slot.shiftTypeId(), slot.shiftTypeName(), ISO_OFFSET_DATE_TIME.format(slot.start()),
                    ISO_OFFSET_DATE_TIME.format(slot.end()), slot.realHours(), slot.status(),
                    assignee == null ? null : assignee.memberId(), assignee == null ? null : assignee.name(),
                    assignee == null ? null : assignee.reachableBySms(), slot.version(), slot.swapId(), slot.coverageRequestId());
        }
        return csv.response("calendar-" + from + "-" + to + ".csv");
    }

    /**
     * The group's slot changes as server-sent events, from after {@code Last-Event-ID} (a global position) or, without
     * it, from now on. Any member, admin or auditor of the group may listen, like the calendar.
     */
    @GetMapping(path = "/calendar/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@PathVariable UUID groupId,
                      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        long after = lastEventId == null || lastEventId.isBlank() ? streams.newest() : position(lastEventId);
        LocalDate today = LocalDate.now(clock);
        CalendarResponse group = ask(new FindCalendarQuery(new GroupId(groupId), today, today), CalendarResponse.class);
        return streams.open(new GroupId(groupId), ZoneId.of(group.timeZone()), after);
    }

    private static long position(String lastEventId) {
        try {
            long position = Long.parseLong(lastEventId.trim());
            if (position >= -1) {
                return position;
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw new RotaException(ErrorCode.LAST_EVENT_ID_INVALID, "Last-Event-ID",
                "Last-Event-ID '" + lastEventId + "' is not the id of an event this stream sent.");
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
