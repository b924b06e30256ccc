package app.rota.ops.admin;

import io.swagger.v3.oas.annotations.tags.Tag;
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
                            int segmentsClaimed) {
    }

    record Projections(List<ProjectionStatus> projections) {
    }

    private final JdbcTemplate jdbc;
    private final EventProcessingConfiguration processing;

    EventStoreController(JdbcTemplate jdbc, EventProcessingConfiguration processing) {
        this.jdbc = jdbc;
        this.processing = processing;
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
        List<ProjectionStatus> statuses = new ArrayList<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (!(processor instanceof StreamingEventProcessor streaming)) {
                return;
            }
            Map<Integer, EventTrackerStatus> segments = streaming.processingStatus();
            Long position = segments.values().stream().map(s -> positionOf(s.getCurrentPosition()))
                    .filter(p -> p != null).min(Long::compare).orElse(null);
            boolean replaying = streaming.isReplaying();
            Double progress = replaying ? progress(segments.values()) : null;
            String status = streaming.isError() ? "ERROR" : !streaming.isRunning() ? "STOPPED" : replaying ? "REPLAYING" : "RUNNING";
            statuses.add(new ProjectionStatus(name, status, position, head, position == null ? null : Math.max(0, head - position),
                    replaying, progress, segments.size()));
        });
        statuses.sort(java.util.Comparator.comparing(ProjectionStatus::name));
        return new Projections(statuses);
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
