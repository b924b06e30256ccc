package app.rota.query.group;

import app.rota.query.replay.RebuildableProjection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/** The groups can be rebuilt while serving: these are all their tables. */
@Component
class GroupsRebuild implements RebuildableProjection {

    @Override
    public String name() {
        return GroupProjection.PROCESSING_GROUP;
    }

    @Override
    public List<String> tables() {
        return List.of("group_view", "group_view_holiday");
    }

    @Override
    public Object handlersWritingTo(JdbcTemplate jdbc) {
        return new GroupProjection(new GroupStore(jdbc));
    }
}
