package app.rota.kernel.schedule;

import app.rota.kernel.common.ActorRef;
import app.rota.kernel.member.MemberId;
import app.rota.kernel.member.MemberRef;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.LocalDate;
import java.util.List;

/**
 * A slot's history: one entry per event of its stream, never rewritten. {@code slot} names the slot with its interval
 * (null start and end when its shift type is unknown to the calendar); {@code shiftTypeId} and {@code date} repeat it
 * at the top level, as the first release answered.
 */
public record SlotHistoryResponse(Slot slot, List<Entry> entries, ShiftTypeId shiftTypeId, LocalDate date) {

    public record Slot(ShiftTypeId shiftTypeId, LocalDate date, OffsetDateTime start, OffsetDateTime end) {
    }

    /**
     * One recorded change. {@code type} is ASSIGNED or UNASSIGNED; {@code version} the slot's version once it was
     * applied; {@code assignee} and {@code previousAssignee} the members after and before; {@code actor} who did it
     * (name, role, channel) and {@code onBehalfOf} the member an admin acted for; {@code cause} the workflow that
     * moved the slot ({@code swap:<id>}, {@code coverage:<id>}, {@code rotation:<id>}), null for a direct edit.
     * {@code change} and {@code previous} repeat {@code type} and {@code previousAssignee} under the names the first
     * release used.
     */
    public record Entry(long version, Instant at, String type, MemberRef assignee, MemberRef previousAssignee, ActorRef actor,
                        MemberId onBehalfOf, String reason, String correlationId, String cause, String change, MemberRef previous) {

        public Entry(long version, Instant at, String type, MemberRef assignee, MemberRef previousAssignee, String reason,
                     ActorRef actor, MemberId onBehalfOf, String correlationId, String cause) {
            this(version, at, type, assignee, previousAssignee, actor, onBehalfOf, reason, correlationId, cause, type,
                    previousAssignee);
        }
    }
}
