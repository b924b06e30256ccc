package app.rota.query.coverage;

import app.rota.query.replay.RebuildableProjection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/** The coverage requests can be rebuilt while serving: these are all their tables. */
@Component
class CoverageRebuild implements RebuildableProjection {

    @Override
    public String name() {
        return CoverageProjection.PROCESSING_GROUP;
    }

    @Override
    public List<String> tables() {
        return List.of("coverage_group", "coverage_member", "coverage_request_view", "coverage_offered", "coverage_history");
    }

    @Override
    public Object handlersWritingTo(JdbcTemplate jdbc) {
        return new CoverageProjection(new CoverageStore(jdbc));
    }
}
