package app.rota.kernel.schedule;

import app.rota.kernel.common.ActorRef;
import app.rota.kernel.member.MemberId;
import app.rota.kernel.member.MemberRef;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A slot's history: one entry per event of its stream, never rewritten. */
public record SlotHistoryResponse(ShiftTypeId shiftTypeId, LocalDate date, List<Entry> entries) {

    /**
     * One recorded change. {@code change} is ASSIGNED or UNASSIGNED; {@code version} the slot's version once it
     * was applied; {@code actor} who did it (name, role, channel) and {@code onBehalfOf} the member an admin acted
     * for; {@code cause} the workflow that moved the slot ({@code swap:<id>}, {@code coverage:<id>},
     * {@code rotation:<id>}), null for a direct edit.
     */
    public record Entry(long version, Instant at, String change, MemberRef assignee, MemberRef previous, String reason,
                        ActorRef actor, MemberId onBehalfOf, String correlationId, String cause) {
    }
}
