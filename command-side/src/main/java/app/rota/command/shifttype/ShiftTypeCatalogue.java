package app.rota.command.shifttype;

import app.rota.command.tables.CommandTables;
import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.error.RotaException;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.schedule.ShiftPattern;
import app.rota.kernel.schedule.ShiftTiming;
import app.rota.kernel.schedule.ShiftTypeChangedEvent;
import app.rota.kernel.schedule.ShiftTypeDefinedEvent;
import app.rota.kernel.schedule.ShiftTypeId;
import app.rota.kernel.schedule.ShiftTypeRetiredEvent;
import app.rota.kernel.schedule.SlotKey;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The shift types the command side knows (table {@code cmd_shift_type}): their group, pattern and whether retired. */
@Component
@ProcessingGroup(CommandTables.PROCESSING_GROUP)
public class ShiftTypeCatalogue {

    public record ShiftTypeFacts(ShiftTypeId shiftTypeId, GroupId groupId, ShiftPattern pattern, boolean retired) {
    }

    private final JdbcTemplate jdbc;

    ShiftTypeCatalogue(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ShiftTypeDefinedEvent event) {
        jdbc.update("""
                insert into cmd_shift_type (shift_type_id, group_id, start_time, duration_hours, days_of_week, retired)
                values (?, ?, ?, ?, ?, false)""",
                event.shiftTypeId().value(), event.groupId().value(), event.startTime(), event.durationHours(),
                ShiftPattern.encodeDays(event.daysOfWeek()));
    }

    @EventHandler
    void on(ShiftTypeChangedEvent event) {
        jdbc.update("update cmd_shift_type set days_of_week = ? where shift_type_id = ?",
                ShiftPattern.encodeDays(event.daysOfWeek()), event.shiftTypeId().value());
    }

    @EventHandler
    void on(ShiftTypeRetiredEvent event) {
        jdbc.update("update cmd_shift_type set retired = true where shift_type_id = ?", event.shiftTypeId().value());
    }

    public Optional<ShiftTypeFacts> shiftType(ShiftTypeId id) {
        return jdbc.query("select shift_type_id, group_id, start_time, duration_hours, days_of_week, retired "
                + "from cmd_shift_type where shift_type_id = ?", ShiftTypeCatalogue::facts, id.value()).stream().findFirst();
    }

    /** The slot's shift type, if it is one of the group's; otherwise {@code SHIFT_TYPE_NOT_FOUND}. */
    public ShiftTypeFacts shiftTypeOf(SlotKey slot, GroupId groupId) {
        return shiftType(slot.shiftTypeId())
                .filter(s -> s.groupId().equals(groupId))
                .orElseThrow(() -> notFound(slot.shiftTypeId()));
    }

    /** The group's shift types that are not retired, by start time. */
    public List<ShiftTypeFacts> activeShiftTypes(GroupId groupId) {
        return jdbc.query("""
                        select shift_type_id, group_id, start_time, duration_hours, days_of_week, retired from cmd_shift_type
                        where group_id = ? and not retired order by start_time, shift_type_id""",
                ShiftTypeCatalogue::facts, groupId.value());
    }

    public static RotaException notFound(ShiftTypeId id) {
        return new RotaException(ErrorCode.SHIFT_TYPE_NOT_FOUND, "shiftTypeId", "No shift type " + id + " in this group.");
    }

    private static ShiftTypeFacts facts(ResultSet rs, int row) throws SQLException {
        return new ShiftTypeFacts(new ShiftTypeId(rs.getObject(1, UUID.class)), new GroupId(rs.getObject(2, UUID.class)),
                new ShiftPattern(new ShiftTiming(rs.getTime(3).toLocalTime(), rs.getInt(4)),
                        ShiftPattern.decodeDays(rs.getString(5))), rs.getBoolean(6));
    }
}
