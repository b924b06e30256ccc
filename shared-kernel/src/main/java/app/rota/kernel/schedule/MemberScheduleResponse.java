package app.rota.kernel.schedule;

import java.util.List;

public record MemberScheduleResponse(MemberId memberId, String name, List<CalendarSlot> slots) {
}
