package app.rota.query.history;

import app.rota.kernel.common.ActorMetadata;
import app.rota.kernel.common.ActorRef;
import app.rota.kernel.common.SaneDates;
import app.rota.kernel.coverage.CoverageRequestId;
import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.error.RotaException;
import app.rota.kernel.member.MemberId;
import app.rota.kernel.member.MemberRef;
import app.rota.kernel.rotation.RotationId;
import app.rota.kernel.schedule.FindSlotHistoryQuery;
import app.rota.kernel.schedule.SlotAssignedEvent;
import app.rota.kernel.schedule.SlotHistoryResponse;
import app.rota.kernel.schedule.SlotHistoryResponse.Entry;
import app.rota.kernel.schedule.SlotUnassignedEvent;
import app.rota.kernel.schedule.SlotVersion;
import app.rota.kernel.swap.SwapId;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.time.ZoneId;
import app.rota.kernel.schedule.ShiftTiming;
import app.rota.kernel.schedule.SlotInterval;
import java.util.Map;
import java.util.UUID;

/**
 * A slot's history, read from the slot aggregate's own event stream in the event store (not from a read
 * model, so it is exactly what was recorded), with who did each change, for whom, why and through which
 * workflow. Members' names come from the calendar's member table.
 */
@Component
class SlotHistory {

    /**
     * The metadata key a workflow names itself under on the slot moves it makes, and how the history names it
     * (one move is made by at most one workflow).
     */
    private static final Map<String, String> CAUSES = Map.of(
            SwapId.METADATA_KEY, "swap:", CoverageRequestId.METADATA_KEY, "coverage:", RotationId.METADATA_KEY, "rotation:");

    private final EventStore events;
    private final JdbcTemplate jdbc;

    SlotHistory(EventStore events, JdbcTemplate jdbc) {
        this.events = events;
        this.jdbc = jdbc;
    }

    @QueryHandler
    SlotHistoryResponse handle(FindSlotHistoryQuery query) {
        SaneDates.checked(query.slot().date(), "date");
        List<SlotHistoryResponse.Slot> slot = jdbc.query("""
                        select t.start_time, t.duration_hours, g.time_zone from shift_type_view t
                        join calendar_group g on g.group_id = t.group_id where t.id = ? and t.group_id = ?""",
                (rs, i) -> {
                    SlotInterval interval = new ShiftTiming(rs.getTime(1).toLocalTime(), rs.getInt(2))
                            .intervalOn(query.slot().date(), ZoneId.of(rs.getString(3)));
                    return new SlotHistoryResponse.Slot(query.slot().shiftTypeId(), query.slot().date(), interval.startOffset(),
                            interval.endOffset());
                }, query.slot().shiftTypeId().value(), query.groupId().value());
        if (slot.isEmpty()) {
            throw new RotaException(ErrorCode.SHIFT_TYPE_NOT_FOUND, "shiftTypeId", "No shift type " + query.slot().shiftTypeId() + " in this group.");
        }
        Map<MemberId, String> names = new HashMap<>();
        jdbc.query("select id, name from member_view where group_id = ?",
                (org.springframework.jdbc.core.RowCallbackHandler) rs -> names.put(new MemberId(rs.getObject(1, UUID.class)), rs.getString(2)),
                query.groupId().value());
        List<Entry> entries = new ArrayList<>();
        DomainEventStream stream = events.readEvents(query.slot().toString());
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            MetaData metaData = event.getMetaData();
            long version = SlotVersion.afterEvent(event.getSequenceNumber());
            if (event.getPayload() instanceof SlotAssignedEvent assigned && assigned.groupId().equals(query.groupId())) {
                entries.add(new Entry(version, event.getTimestamp(), "ASSIGNED", ref(assigned.memberId(), names),
                        ref(assigned.previousMemberId(), names), assigned.reason(), ActorRef.fromMetaData(metaData), ActorRef.onBehalfOf(metaData),
                        text(metaData, ActorMetadata.CORRELATION_ID), cause(metaData)));
            } else if (event.getPayload() instanceof SlotUnassignedEvent unassigned && unassigned.groupId().equals(query.groupId())) {
                entries.add(new Entry(version, event.getTimestamp(), "UNASSIGNED", null, ref(unassigned.previousMemberId(), names),
                        unassigned.reason(), ActorRef.fromMetaData(metaData), ActorRef.onBehalfOf(metaData), text(metaData, ActorMetadata.CORRELATION_ID),
                        cause(metaData)));
            }
        }
        return new SlotHistoryResponse(slot.get(0), entries, query.slot().shiftTypeId(), query.slot().date());
    }

    private static MemberRef ref(MemberId member, Map<MemberId, String> names) {
        return member == null ? null : new MemberRef(member, names.get(member));
    }

    /** The workflow that moved the slot, from the metadata its command carried. */
    private static String cause(MetaData metaData) {
        for (Map.Entry<String, String> cause : CAUSES.entrySet()) {
            String id = text(metaData, cause.getKey());
            if (id != null) {
                return cause.getValue() + id;
            }
        }
        return null;
    }

    private static String text(MetaData metaData, String key) {
        Object value = metaData.get(key);
        return value == null ? null : value.toString();
    }
}
