package app.rota.kernel.audit;

import app.rota.kernel.common.GroupScoped;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.member.MemberId;
import app.rota.kernel.schedule.ShiftTypeId;

import java.time.LocalDate;

/**
 * A page of a group's audit log, newest first. Every filter may be null. {@code from} and {@code to} are
 * the text the caller gave: an ISO instant ({@code 2027-03-07T08:00:00Z}) or a group-local ISO date
 * ({@code 2027-03-07}, from its first moment; as {@code to}, the whole day is included). {@code memberId}
 * finds the entries that concern the member (as assignee before or after, actor, acted-for, swap or coverage
 * party, subject of a member event); {@code shiftTypeId} and {@code date} match the entry's slot; {@code type}
 * is one of {@link AuditEntry#TYPES}.
 */
public record FindAuditLogQuery(GroupId groupId, String from, String to, MemberId memberId, ShiftTypeId shiftTypeId,
                                LocalDate date, String type, int page, int size) implements GroupScoped {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;
}
