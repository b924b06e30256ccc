package app.rota.kernel.coverage;

import app.rota.kernel.group.GroupId;
import app.rota.kernel.member.MemberId;
import app.rota.kernel.schedule.SlotKey;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * {@code requesterId} is the slot's holder, null for an open shift. {@code offeredTo}: every member who
 * could take it when it was requested. The slot's real interval is recorded as it was then.
 */
@Revision("1")
public record CoverageRequestedEvent(CoverageRequestId requestId, GroupId groupId, SlotKey slot, Instant start, Instant end,
                                     MemberId requesterId, List<MemberId> offeredTo, String reason, Instant escalatesAt) {
}
