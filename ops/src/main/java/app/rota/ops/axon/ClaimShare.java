package app.rota.ops.axon;

import app.rota.ops.RotaProperties;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Spreads the tracking processors' segments over the nodes that share the database. Axon's token store lets
 * any node claim an unclaimed segment, but never takes one away from a node that holds it: the node that
 * starts first keeps every processor. So each node records itself and its processors in {@code rota_node} every
 * few seconds, counts the nodes seen lately, and while it holds more than its fair share (rounded up) of the
 * segments of the processors it runs alike with them, it gives one back with Axon's {@link StreamingEventProcessor#releaseSegment} for a while, for a node
 * with fewer to claim. One segment per round, so the nodes settle without swapping segments back and
 * forth. A processor's events stay in order: a segment is handled by one node at a time, as before. Axon
 * Server does this balancing itself; this is its stand-in for nodes that share only PostgreSQL.
 */
@Component
class ClaimShare implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ClaimShare.class);
    private static final long ROUND_SECONDS = 5;
    private static final long SEEN_WITHIN_SECONDS = 3 * ROUND_SECONDS;
    private static final long RELEASE_SECONDS = 30;

    private final JdbcTemplate jdbc;
    private final EventProcessingConfiguration processing;
    private final boolean enabled;
    private final String nodeId;
    private ScheduledExecutorService rounds;

    ClaimShare(JdbcTemplate jdbc, EventProcessingConfiguration processing, RotaProperties properties,
               @Value("${rota.processors.share-claims:true}") boolean enabled) {
        this.jdbc = jdbc;
        this.nodeId = properties.nodeId();
        this.processing = processing;
        this.enabled = enabled;
    }

    /**
     * One round: be seen with the processors this node runs, then give back one segment if this node holds
     * more than its share of the segments of the processors other live nodes run too (a processor only this
     * node runs is never given back).
     */
    void round() {
        List<StreamingEventProcessor> running = processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast)
                .filter(StreamingEventProcessor::isRunning)
                .toList();
        String[] names = running.stream().map(StreamingEventProcessor::getName).sorted().toArray(String[]::new);
        jdbc.update("""
                insert into rota_node (node_id, processors, last_seen) values (?, ?, now())
                on conflict (node_id) do update set processors = excluded.processors, last_seen = now()""", nodeId, names);
        jdbc.update("delete from rota_node where last_seen < now() - interval '1 hour'");
        List<String[]> others = jdbc.query("""
                        select processors from rota_node
                        where node_id <> ? and last_seen > now() - make_interval(secs => ?)""",
                (rs, i) -> (String[]) rs.getArray(1).getArray(), nodeId, SEEN_WITHIN_SECONDS);
        Set<String> theirs = others.stream().flatMap(Arrays::stream).collect(Collectors.toSet());
        List<StreamingEventProcessor> shared = running.stream().filter(p -> theirs.contains(p.getName())).toList();
        if (shared.isEmpty()) {
            return;
        }
        Set<String> sharedNames = shared.stream().map(StreamingEventProcessor::getName).collect(Collectors.toSet());
        int nodes = 1 + (int) others.stream().filter(o -> Arrays.stream(o).anyMatch(sharedNames::contains)).count();
        Integer segments = jdbc.queryForObject("select count(*) from token_entry where processor_name = any (?)", Integer.class,
                (Object) sharedNames.toArray(String[]::new));
        int share = (segments == null ? 0 : segments + nodes - 1) / nodes;
        int held = shared.stream().mapToInt(p -> p.processingStatus().size()).sum();
        if (held <= share) {
            return;
        }
        shared.stream()
                .filter(p -> !p.processingStatus().isEmpty())
                .max(Comparator.comparingInt((StreamingEventProcessor p) -> p.processingStatus().size())
                        .thenComparing(StreamingEventProcessor::getName))
                .ifPresent(p -> {
                    int segment = p.processingStatus().keySet().iterator().next();
                    log.info("Node {} holds {} of {} segments shared by {} nodes (share {}): releasing {} segment {} for {} s",
                            nodeId, held, segments, nodes, share, p.getName(), segment, RELEASE_SECONDS);
                    p.releaseSegment(segment, RELEASE_SECONDS, TimeUnit.SECONDS);
                });
    }

    private void safeRound() {
        try {
            round();
        } catch (RuntimeException e) {
            log.warn("Sharing the processors' segments skipped a round: {}", e.toString());
        }
    }

    @Override
    public void start() {
        if (!enabled) {
            return;
        }
        rounds = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "claim-share");
            t.setDaemon(true);
            return t;
        });
        rounds.scheduleWithFixedDelay(this::safeRound, ROUND_SECONDS, ROUND_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void stop() {
        if (rounds != null) {
            rounds.shutdownNow();
            rounds = null;
            try {
                jdbc.update("delete from rota_node where node_id = ?", nodeId);
            } catch (RuntimeException e) {
                log.debug("Could not sign off node {}: {}", nodeId, e.toString());
            }
        }
    }

    @Override
    public boolean isRunning() {
        return rounds != null;
    }
}
