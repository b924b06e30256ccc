package app.rota.query.swap;

import app.rota.query.replay.RebuildableProjection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/** The swaps can be rebuilt while serving: these are all their tables. */
@Component
class SwapsRebuild implements RebuildableProjection {

    @Override
    public String name() {
        return SwapProjection.PROCESSING_GROUP;
    }

    @Override
    public List<String> tables() {
        return List.of("swap_group", "swap_member", "swap_view", "swap_history");
    }

    @Override
    public Object handlersWritingTo(JdbcTemplate jdbc) {
        return new SwapProjection(new SwapStore(jdbc));
    }
}
