package app.rota.query.calendar;

import app.rota.query.replay.RebuildableProjection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;

/** The calendar can be rebuilt while serving: these are all its tables. */
@Component
class CalendarRebuild implements RebuildableProjection {

    private final Clock clock;

    CalendarRebuild(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String name() {
        return CalendarProjection.PROCESSING_GROUP;
    }

    @Override
    public List<String> tables() {
        return List.of("calendar_group", "shift_type_view", "member_view", "slot_view", "calendar_slot_change",
                "calendar_member_change", "calendar_shift_type_change");
    }

    /** The record of changes is only ever inserted into. */
    @Override
    public List<String> appendOnlyTables() {
        return List.of("calendar_slot_change", "calendar_member_change", "calendar_shift_type_change");
    }

    @Override
    public Object handlersWritingTo(JdbcTemplate jdbc) {
        return new CalendarProjection(new CalendarStore(jdbc), clock);
    }
}
