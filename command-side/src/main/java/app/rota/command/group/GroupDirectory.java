package app.rota.command.group;

import app.rota.command.tables.CommandTables;
import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.error.RotaException;
import app.rota.kernel.group.GroupCreatedEvent;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.group.GroupSettingsChangedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The groups the command side knows: each one's time zone, holidays and approval policies (table {@code cmd_group}). */
@Component
@ProcessingGroup(CommandTables.PROCESSING_GROUP)
public class GroupDirectory {

    private final JdbcTemplate jdbc;

    GroupDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(GroupCreatedEvent event) {
        jdbc.update("""
                insert into cmd_group (group_id, time_zone, holidays, swap_approval_required, coverage_approval_required,
                                       escalation_timeout_minutes)
                values (?, ?, ?, ?, ?, ?)""",
                event.groupId().value(), event.timeZone().getId(), dates(event.settings().holidays()),
                event.settings().swapApprovalRequired(), event.settings().coverageApprovalRequired(),
                event.settings().escalationTimeoutMinutes());
    }

    @EventHandler
    void on(GroupSettingsChangedEvent event) {
        jdbc.update("""
                update cmd_group set holidays = ?, swap_approval_required = ?, coverage_approval_required = ?,
                                     escalation_timeout_minutes = ?
                where group_id = ?""",
                dates(event.after().holidays()), event.after().swapApprovalRequired(),
                event.after().coverageApprovalRequired(), event.after().escalationTimeoutMinutes(), event.groupId().value());
    }

    /** The group's zone; a group the command side does not know is {@code GROUP_NOT_FOUND}. */
    public ZoneId zoneOf(GroupId groupId) {
        return jdbc.query("select time_zone from cmd_group where group_id = ?",
                        (rs, i) -> ZoneId.of(rs.getString(1)), groupId.value())
                .stream().findFirst()
                .orElseThrow(() -> new RotaException(ErrorCode.GROUP_NOT_FOUND, "No group with id " + groupId + "."));
    }

    /** The group's policy as it stands: does an accepted swap also need an admin's approval? */
    public boolean swapApprovalRequired(GroupId groupId) {
        return jdbc.query("select swap_approval_required from cmd_group where group_id = ?",
                (rs, i) -> rs.getBoolean(1), groupId.value()).stream().findFirst().orElse(false);
    }

    /** The group's policy as it stands: does a claimed coverage request also need an admin's approval? */
    public boolean coverageApprovalRequired(GroupId groupId) {
        return jdbc.query("select coverage_approval_required from cmd_group where group_id = ?",
                (rs, i) -> rs.getBoolean(1), groupId.value()).stream().findFirst().orElse(false);
    }

    /** How long a coverage request may stay open before the admins are told. */
    public java.time.Duration escalationTimeout(GroupId groupId) {
        return jdbc.query("select escalation_timeout_minutes from cmd_group where group_id = ?",
                        (rs, i) -> java.time.Duration.ofMinutes(rs.getInt(1)), groupId.value())
                .stream().findFirst().orElse(java.time.Duration.ofMinutes(240));
    }

    public Set<LocalDate> holidaysOf(GroupId groupId) {
        return jdbc.query("select unnest(holidays) from cmd_group where group_id = ?",
                (rs, i) -> rs.getObject(1, LocalDate.class), groupId.value()).stream().collect(Collectors.toSet());
    }

    private static java.sql.Date[] dates(List<LocalDate> holidays) {
        return holidays.stream().map(java.sql.Date::valueOf).toArray(java.sql.Date[]::new);
    }
}
