package app.rota.ops.admin;

import app.rota.kernel.admin.FindReplaysQuery;
import app.rota.kernel.admin.Replays;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The event store and the processors that read it, for the super admin: how many events, from when to
 * when, how large; and where each processor is (position, the store's head, lag in events).
 */
@RestController
@RequestMapping("/api/v1/admin")
@Tag(name = "Administration")
@PreAuthorize("hasRole('SUPER_ADMIN')")
class EventStoreController {

    record EventStoreStatistics(long events, Instant firstAt, Instant lastAt, long sizeBytes) {
    }

    /**
     * One processor: {@code status} RUNNING, REPLAYING, ERROR or STOPPED; {@code position} the lowest position
     * among its claimed segments (null before its first event); {@code lag} = head − position; {@code progress}
     * during a replay, from 0 to 1.
     */
    record ProjectionStatus(String name, String status, Long position, long head, Long lag, boolean replaying, Double progress,
                            int segmentsClaimed, Replays.Replay lastReplay) {
    }

    record Projections(List<ProjectionStatus> projections) {
    }

    private final JdbcTemplate jdbc;
    private final EventProcessingConfiguration processing;
    private final QueryGateway queries;

    EventStoreController(JdbcTemplate jdbc, EventProcessingConfiguration processing, QueryGateway queries) {
        this.jdbc = jdbc;
        this.processing = processing;
        this.queries = queries;
    }

    @GetMapping("/event-store")
    EventStoreStatistics eventStore() {
        Map<String, Object> row = jdbc.queryForMap("""
                select (select count(*) from domain_event_entry) as events,
                       (select time_stamp from domain_event_entry order by global_index limit 1) as first_at,
                       (select time_stamp from domain_event_entry order by global_index desc limit 1) as last_at,
                       pg_total_relation_size('domain_event_entry') as size_bytes
                """);
        return new EventStoreStatistics(((Number) row.get("events")).longValue(), instant(row.get("first_at")),
                instant(row.get("last_at")), ((Number) row.get("size_bytes")).longValue());
    }

    @GetMapping("/projections")
    Projections projections() {
        long head = head();
        Map<String, Replays.Replay> rebuilds = rebuilds();
        List<ProjectionStatus> statuses = new ArrayList<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (!(processor instanceof StreamingEventProcessor streaming)) {
                return;
            }
            Map<Integer, EventTrackerStatus> segments = streaming.processingStatus();
            Long position = segments.values().stream().map(s -> positionOf(s.getCurrentPosition()))
                    .filter(p -> p != null).min(Long::compare).orElse(null);
            Replays.Replay rebuild = rebuilds.get(name);
            boolean rebuilding = rebuild != null && rebuild.running();
            boolean replaying = streaming.isReplaying() || rebuilding;
            Double progress = rebuilding ? Double.valueOf(rebuild.progress()) : replaying ? progress(segments.values()) : null;
            String status = rebuilding ? "REPLAYING" : streaming.isError() ? "ERROR" : !streaming.isRunning() ? "STOPPED"
                    : replaying ? "REPLAYING" : "RUNNING";
            statuses.add(new ProjectionStatus(name, status, position, head, position == null ? null : Math.max(0, head - position),
                    replaying, progress, segments.size(), rebuild));
        });
        statuses.sort(java.util.Comparator.comparing(ProjectionStatus::name));
        return new Projections(statuses);
    }

    /** The rebuilds-while-serving this node has run (none when it does not run the query side). */
    private Map<String, Replays.Replay> rebuilds() {
        try {
            return queries.query(new FindReplaysQuery(), ResponseTypes.instanceOf(Replays.class)).join().replays().stream()
                    .collect(java.util.stream.Collectors.toMap(Replays.Replay::name, replay -> replay));
        } catch (java.util.concurrent.CompletionException | org.axonframework.queryhandling.NoHandlerForQueryException none) {
            return Map.of();
        }
    }

    private long head() {
        Long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        return head == null ? -1 : head;
    }

    private static Long positionOf(OptionalLong position) {
        return position.isPresent() ? position.getAsLong() : null;
    }

    /** During a replay: how far the slowest segment is between the start and the position it was reset from. */
    private static Double progress(java.util.Collection<EventTrackerStatus> segments) {
        double slowest = 1.0;
        for (EventTrackerStatus segment : segments) {
            OptionalLong current = segment.getCurrentPosition();
            OptionalLong reset = segment.getResetPosition();
            if (segment.isReplaying() && current.isPresent() && reset.isPresent() && reset.getAsLong() > 0) {
                slowest = Math.min(slowest, Math.min(1.0, (double) current.getAsLong() / reset.getAsLong()));
            }
        }
        return slowest;
    }

    private static Instant instant(Object value) {
        return value == null ? null : Instant.parse(value.toString());
    }
}
