package app.rota.kernel.group;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A group's policies. Times are group-local wall-clock times; durations are whole minutes.
 *
 * @param swapApprovalRequired     whether an accepted swap also needs an admin's approval
 * @param coverageApprovalRequired whether a claimed coverage request also needs an admin's approval
 * @param dailyReminderTime        when on-call members get their daily reminder
 * @param reminderLeadMinutes      reminder this long before a shift starts; 0 turns it off
 * @param quietHoursStart          start of quiet hours for non-urgent SMS; null with its end for none
 * @param quietHoursEnd            end of quiet hours (may be before the start: they wrap midnight)
 * @param escalationTimeoutMinutes how long an open coverage request waits before admins are told
 * @param holidays                 the group's holidays, used by fairness and reports
 */
public record GroupSettings(boolean swapApprovalRequired,
                            boolean coverageApprovalRequired,
                            LocalTime dailyReminderTime,
                            int reminderLeadMinutes,
                            LocalTime quietHoursStart,
                            LocalTime quietHoursEnd,
                            int escalationTimeoutMinutes,
                            List<LocalDate> holidays) {

    public static final LocalTime DEFAULT_REMINDER_TIME = LocalTime.of(8, 0);
    public static final int DEFAULT_REMINDER_LEAD_MINUTES = 120;
    public static final LocalTime DEFAULT_QUIET_HOURS_START = LocalTime.of(22, 0);
    public static final LocalTime DEFAULT_QUIET_HOURS_END = LocalTime.of(7, 0);
    public static final int DEFAULT_ESCALATION_TIMEOUT_MINUTES = 240;

    public GroupSettings {
        holidays = holidays == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(holidays));
    }

    public static GroupSettings defaults() {
        return new GroupSettings(false, false, DEFAULT_REMINDER_TIME, DEFAULT_REMINDER_LEAD_MINUTES,
                DEFAULT_QUIET_HOURS_START, DEFAULT_QUIET_HOURS_END, DEFAULT_ESCALATION_TIMEOUT_MINUTES, List.of());
    }
}
