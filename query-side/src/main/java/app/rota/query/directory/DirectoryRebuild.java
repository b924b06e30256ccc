package app.rota.query.directory;

import app.rota.query.replay.RebuildableProjection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;

/** The directory can be rebuilt while serving: these are all its tables. */
@Component
class DirectoryRebuild implements RebuildableProjection {

    private final Clock clock;

    DirectoryRebuild(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String name() {
        return DirectoryProjection.PROCESSING_GROUP;
    }

    @Override
    public List<String> tables() {
        return List.of("directory_group", "directory_member", "directory_shift_type", "directory_time_off");
    }

    @Override
    public Object handlersWritingTo(JdbcTemplate jdbc) {
        return new DirectoryProjection(new DirectoryStore(jdbc), clock);
    }
}
