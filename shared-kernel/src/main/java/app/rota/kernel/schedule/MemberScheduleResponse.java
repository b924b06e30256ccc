package app.rota.kernel.schedule;

import app.rota.kernel.member.MemberId;

import java.util.List;

public record MemberScheduleResponse(MemberId memberId, String name, List<CalendarSlot> slots) {
}
