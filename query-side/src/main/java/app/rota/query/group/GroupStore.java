package app.rota.query.group;

import app.rota.kernel.group.GroupId;
import app.rota.kernel.group.GroupResponse;
import app.rota.kernel.group.GroupSettings;
import app.rota.kernel.group.GroupSummary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The groups' read model: one {@code group_view} row per group, and its holidays. */
@Component
class GroupStore {

    private static final RowMapper<GroupSummary> SUMMARY = (rs, row) ->
            new GroupSummary(new GroupId(rs.getObject(1, UUID.class)), rs.getString(2), rs.getString(3));

    private final JdbcTemplate jdbc;

    GroupStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A redelivered creation changes nothing. */
    void created(GroupId id, String name, String timeZone, GroupSettings settings, Instant at, long version) {
        int inserted = jdbc.update("""
                insert into group_view (id, name, time_zone, swap_approval_required, coverage_approval_required,
                  daily_reminder_time, reminder_lead_minutes, quiet_hours_start, quiet_hours_end, escalation_timeout_minutes,
                  created_at, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing""",
                id.value(), name, timeZone, settings.swapApprovalRequired(), settings.coverageApprovalRequired(),
                settings.dailyReminderTime(), settings.reminderLeadMinutes(), settings.quietHoursStart(), settings.quietHoursEnd(),
                settings.escalationTimeoutMinutes(), at.atOffset(ZoneOffset.UTC), version);
        if (inserted == 1) {
            addHolidays(id, settings.holidays());
        }
    }

    /** The group's settings are replaced, holidays included; a group this store has not seen is ignored. */
    void settingsChanged(GroupId id, GroupSettings settings, long version) {
        int updated = jdbc.update("""
                update group_view set swap_approval_required = ?, coverage_approval_required = ?, daily_reminder_time = ?,
                  reminder_lead_minutes = ?, quiet_hours_start = ?, quiet_hours_end = ?, escalation_timeout_minutes = ?, version = ?
                where id = ?""",
                settings.swapApprovalRequired(), settings.coverageApprovalRequired(), settings.dailyReminderTime(),
                settings.reminderLeadMinutes(), settings.quietHoursStart(), settings.quietHoursEnd(),
                settings.escalationTimeoutMinutes(), version, id.value());
        if (updated == 1) {
            jdbc.update("delete from group_view_holiday where group_id = ?", id.value());
            addHolidays(id, settings.holidays());
        }
    }

    private void addHolidays(GroupId id, List<LocalDate> holidays) {
        for (LocalDate holiday : holidays.stream().distinct().toList()) {
            jdbc.update("insert into group_view_holiday (group_id, holiday) values (?, ?)", id.value(), holiday);
        }
    }

    void reset() {
        jdbc.update("delete from group_view_holiday");
        jdbc.update("delete from group_view");
    }

    Optional<GroupResponse> group(GroupId id) {
        List<LocalDate> holidays = jdbc.queryForList("select holiday from group_view_holiday where group_id = ? order by holiday",
                LocalDate.class, id.value());
        return jdbc.query("""
                select id, name, time_zone, swap_approval_required, coverage_approval_required, daily_reminder_time,
                  reminder_lead_minutes, quiet_hours_start, quiet_hours_end, escalation_timeout_minutes, created_at, version
                from group_view where id = ?""",
                (rs, row) -> new GroupResponse(new GroupId(rs.getObject(1, UUID.class)), rs.getString(2), rs.getString(3),
                        new GroupSettings(rs.getBoolean(4), rs.getBoolean(5), rs.getObject(6, LocalTime.class), rs.getInt(7),
                                rs.getObject(8, LocalTime.class), rs.getObject(9, LocalTime.class), rs.getInt(10), holidays),
                        rs.getObject(11, OffsetDateTime.class).toInstant(), rs.getLong(12)),
                id.value()).stream().findFirst();
    }

    /** A page of every group, by name (case-insensitively), then id. */
    List<GroupSummary> summaries(int page, int size) {
        return jdbc.query("select id, name, time_zone from group_view order by lower(name), id limit ? offset ?", SUMMARY,
                size, (long) page * size);
    }

    long count() {
        return jdbc.queryForObject("select count(*) from group_view", Long.class);
    }

    Optional<GroupSummary> summary(GroupId id) {
        return jdbc.query("select id, name, time_zone from group_view where id = ?", SUMMARY, id.value()).stream().findFirst();
    }
}
