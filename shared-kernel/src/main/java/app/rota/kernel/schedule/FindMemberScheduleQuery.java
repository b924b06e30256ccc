package app.rota.kernel.schedule;

import app.rota.kernel.member.MemberId;

import app.rota.kernel.common.GroupScoped;
import app.rota.kernel.group.GroupId;

import java.time.LocalDate;

public record FindMemberScheduleQuery(GroupId groupId, MemberId memberId, LocalDate from, LocalDate to) implements GroupScoped {
}
