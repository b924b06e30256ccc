package app.rota.kernel.schedule;

import app.rota.kernel.group.GroupId;

import java.util.List;

public record CalendarResponse(GroupId groupId, String timeZone, List<CalendarSlot> slots) {
}
