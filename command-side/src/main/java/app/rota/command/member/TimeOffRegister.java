package app.rota.command.member;

import app.rota.command.tables.CommandTables;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.member.MemberId;
import app.rota.kernel.member.TimeOffDeclaredEvent;
import app.rota.kernel.member.TimeOffWithdrawnEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Declared time off that still holds, by member (table {@code cmd_time_off}): who is away on which dates. A
 * withdrawn declaration leaves the table, so rotation, coverage and swaps no longer keep the member off those days.
 */
@Component
@ProcessingGroup(CommandTables.PROCESSING_GROUP)
public class TimeOffRegister {

    public record TimeOff(MemberId memberId, LocalDate from, LocalDate to) {

        public boolean covers(LocalDate date) {
            return !date.isBefore(from) && !date.isAfter(to);
        }
    }

    private final JdbcTemplate jdbc;

    TimeOffRegister(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(TimeOffDeclaredEvent event) {
        jdbc.update("insert into cmd_time_off (time_off_id, member_id, group_id, from_date, to_date) values (?, ?, ?, ?, ?)",
                event.timeOffId().value(), event.memberId().value(), event.groupId().value(), event.from(), event.to());
    }

    @EventHandler
    void on(TimeOffWithdrawnEvent event) {
        jdbc.update("delete from cmd_time_off where time_off_id = ?", event.timeOffId().value());
    }

    /** The group's time off that overlaps the dates {@code from} to {@code to}. */
    public List<TimeOff> timeOffOfGroup(GroupId groupId, LocalDate from, LocalDate to) {
        return jdbc.query("""
                        select member_id, from_date, to_date from cmd_time_off
                        where group_id = ? and to_date >= ? and from_date <= ?""",
                (rs, i) -> new TimeOff(new MemberId(rs.getObject(1, UUID.class)), rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class)),
                groupId.value(), from, to);
    }
}
