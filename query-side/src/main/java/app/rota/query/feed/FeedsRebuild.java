package app.rota.query.feed;

import app.rota.query.replay.RebuildableProjection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;

/** The feeds' members can be rebuilt while serving; the feed tokens are credentials and are not rebuilt. */
@Component
class FeedsRebuild implements RebuildableProjection {

    private final Clock clock;

    FeedsRebuild(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String name() {
        return FeedProjection.PROCESSING_GROUP;
    }

    @Override
    public List<String> tables() {
        return List.of("feed_member");
    }

    @Override
    public Object handlersWritingTo(JdbcTemplate jdbc) {
        return new FeedProjection(FeedStore.rebuilding(jdbc), clock);
    }
}
