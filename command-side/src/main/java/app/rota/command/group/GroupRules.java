package app.rota.command.group;

import app.rota.command.Names;
import app.rota.kernel.common.SaneDates;
import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.error.RotaException;
import app.rota.kernel.group.GroupSettings;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/** What makes a group's name, time zone and settings acceptable; each refusal names its field. */
final class GroupRules {

    static final int MAX_LEAD_MINUTES = 7 * 24 * 60;
    static final int MIN_ESCALATION_MINUTES = 1;
    static final int MAX_ESCALATION_MINUTES = 7 * 24 * 60;
    static final int MAX_HOLIDAYS = 400;

    private GroupRules() {
    }

    static String validName(String name) {
        return Names.valid(name, "The group");
    }

    /** Only region ids from the IANA database (e.g. {@code America/Chicago}, {@code UTC}); no raw offsets. */
    static ZoneId validTimeZone(String timeZone) {
        if (timeZone == null || timeZone.isBlank()) {
            throw new RotaException(ErrorCode.FIELD_REQUIRED, "timeZone",
                    "The group needs an IANA time zone such as America/Chicago.");
        }
        if (!ZoneId.getAvailableZoneIds().contains(timeZone)) {
            throw new RotaException(ErrorCode.TIME_ZONE_UNKNOWN, "timeZone",
                    "'" + timeZone + "' is not an IANA time zone id such as America/Chicago.");
        }
        return ZoneId.of(timeZone);
    }

    /** Checks ranges and normalises holidays (sorted, without repeats); null means the defaults. */
    static GroupSettings validSettings(GroupSettings settings) {
        if (settings == null) {
            return GroupSettings.defaults();
        }
        require(settings.dailyReminderTime() != null, "settings.dailyReminderTime", "The daily reminder time is required.");
        require(settings.quietHoursStart() != null, "settings.quietHoursStart", "The start of quiet hours is required.");
        require(settings.quietHoursEnd() != null, "settings.quietHoursEnd", "The end of quiet hours is required.");
        require(settings.reminderLeadMinutes() >= 0 && settings.reminderLeadMinutes() <= MAX_LEAD_MINUTES,
                "settings.reminderLeadMinutes", "The reminder lead time is 0 (off) to " + MAX_LEAD_MINUTES + " minutes.");
        require(settings.escalationTimeoutMinutes() >= MIN_ESCALATION_MINUTES
                        && settings.escalationTimeoutMinutes() <= MAX_ESCALATION_MINUTES,
                "settings.escalationTimeoutMinutes",
                "The escalation timeout is " + MIN_ESCALATION_MINUTES + " to " + MAX_ESCALATION_MINUTES + " minutes.");
        require(settings.holidays().stream().noneMatch(Objects::isNull), "settings.holidays", "A holiday must be a date.");
        require(settings.holidays().stream().allMatch(SaneDates::isSane), "settings.holidays",
                "Holidays fall in the years " + SaneDates.FIRST_YEAR + " to " + SaneDates.LAST_YEAR + ".");
        List<LocalDate> holidays = List.copyOf(new TreeSet<>(settings.holidays()));
        require(holidays.size() <= MAX_HOLIDAYS, "settings.holidays", "A group has at most " + MAX_HOLIDAYS + " holidays.");
        return new GroupSettings(settings.swapApprovalRequired(), settings.coverageApprovalRequired(),
                settings.dailyReminderTime(), settings.reminderLeadMinutes(), settings.quietHoursStart(),
                settings.quietHoursEnd(), settings.escalationTimeoutMinutes(), holidays);
    }

    private static void require(boolean condition, String field, String detail) {
        if (!condition) {
            throw new RotaException(ErrorCode.SETTING_INVALID, field, detail);
        }
    }
}
