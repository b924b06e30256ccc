package app.rota.ops.axon;

import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.error.RotaException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The dead-letter queues of the projections (Axon's JPA sequenced dead-letter queue, table
 * {@code dead_letter_entry}): what is in them, as a gauge, a health detail and a list, and a retry.
 */
public class DeadLetters {

    public record Letter(String processor, String sequence, long indexInSequence, String eventId, String eventType,
                         String aggregateId, Long aggregateSequence, Instant enqueuedAt, Instant lastTouched,
                         String causeType, String causeMessage) {
    }

    public record Page(List<Letter> items, int page, int size, long total) {
    }

    public record RetryResult(String processor, int sequencesTried, long lettersLeft) {
    }

    private final JdbcTemplate jdbc;
    private final EventProcessingConfiguration processing;
    private final Set<String> processors;

    DeadLetters(JdbcTemplate jdbc, EventProcessingConfiguration processing, Set<String> processors, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.processing = processing;
        this.processors = Set.copyOf(processors);
        for (String processor : this.processors) {
            Gauge.builder("rota.dead.letters", () -> lettersOf(processor))
                    .description("Events waiting in a processor's dead-letter queue")
                    .tag("processor", processor)
                    .register(registry);
        }
    }

    /** Processors with a dead-letter queue. */
    public Set<String> processors() {
        return processors;
    }

    /** Letters per processor, only for those that have some. */
    public Map<String, Long> countsByProcessor() {
        return jdbc.query("select processing_group, count(*) from dead_letter_entry group by processing_group",
                        (rs, i) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, Long::sum, TreeMap::new));
    }

    long lettersOf(String processor) {
        return jdbc.queryForObject("select count(*) from dead_letter_entry where processing_group = ?", Long.class, processor);
    }

    /** Oldest first, by processor then sequence, in the order they will be retried within a sequence. */
    public Page list(String processor, int page, int size) {
        String where = processor == null ? "" : " where processing_group = ?";
        Object[] filter = processor == null ? new Object[0] : new Object[]{processor};
        long total = jdbc.queryForObject("select count(*) from dead_letter_entry" + where, Long.class, filter);
        List<Letter> items = jdbc.query("""
                        select processing_group, sequence_identifier, sequence_index, event_identifier, payload_type,
                               aggregate_identifier, sequence_number, enqueued_at, last_touched, cause_type, cause_message
                        from dead_letter_entry""" + where + """
                         order by enqueued_at, processing_group, sequence_identifier, sequence_index
                        limit %d offset %d""".formatted(size, (long) page * size),
                (rs, i) -> new Letter(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        simpleName(rs.getString(5)), rs.getString(6), (Long) rs.getObject(7),
                        rs.getTimestamp(8).toInstant(),
                        rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant(),
                        rs.getString(10), rs.getString(11)),
                filter);
        return new Page(items, page, size, total);
    }

    /**
     * Handles each dead-lettered sequence of the processor again, oldest first: letters whose handler now
     * succeeds leave the queue (and the rest of their sequence follows); a sequence that fails again stays.
     */
    public RetryResult retry(String processor) {
        SequencedDeadLetterProcessor<?> letters = processors.contains(processor)
                ? processing.sequencedDeadLetterProcessor(processor).orElse(null) : null;
        if (letters == null) {
            throw new RotaException(ErrorCode.NOT_FOUND, "processor", "No processor '" + processor + "' with a dead-letter queue.");
        }
        int sequences = jdbc.queryForObject(
                "select count(distinct sequence_identifier) from dead_letter_entry where processing_group = ?",
                Integer.class, processor);
        int tried = 0;
        while (tried < sequences && letters.processAny()) {
            tried++;
        }
        return new RetryResult(processor, tried, lettersOf(processor));
    }

    private static String simpleName(String type) {
        return type == null ? null : type.substring(type.lastIndexOf('.') + 1);
    }
}
