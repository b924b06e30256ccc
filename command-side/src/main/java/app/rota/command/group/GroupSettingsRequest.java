package app.rota.command.group;

import app.rota.kernel.group.GroupSettings;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * Group settings as a client sends them. Every field is optional; an omitted field takes its default
 * value (so {@code PUT .../settings} replaces the whole set). Quiet hours with equal start and end
 * mean "no quiet hours".
 */
record GroupSettingsRequest(Boolean swapApprovalRequired,
                            Boolean coverageApprovalRequired,
                            LocalTime dailyReminderTime,
                            Integer reminderLeadMinutes,
                            LocalTime quietHoursStart,
                            LocalTime quietHoursEnd,
                            Integer escalationTimeoutMinutes,
                            List<LocalDate> holidays) {

    GroupSettings toSettings() {
        GroupSettings d = GroupSettings.defaults();
        return new GroupSettings(
                swapApprovalRequired != null ? swapApprovalRequired : d.swapApprovalRequired(),
                coverageApprovalRequired != null ? coverageApprovalRequired : d.coverageApprovalRequired(),
                dailyReminderTime != null ? dailyReminderTime : d.dailyReminderTime(),
                reminderLeadMinutes != null ? reminderLeadMinutes : d.reminderLeadMinutes(),
                quietHoursStart != null ? quietHoursStart : d.quietHoursStart(),
                quietHoursEnd != null ? quietHoursEnd : d.quietHoursEnd(),
                escalationTimeoutMinutes != null ? escalationTimeoutMinutes : d.escalationTimeoutMinutes(),
                holidays != null ? holidays : d.holidays());
    }

    static GroupSettings toSettings(GroupSettingsRequest request) {
        return request == null ? GroupSettings.defaults() : request.toSettings();
    }
}
