// Rota large-history loader (issue 10). Single file, run by ops/bench/history-load.sh with the source launcher
// on the classpath of Rota's own jar (unpacked), so that it uses Rota's classes:
//   java -cp "$UNPACKED/BOOT-INF/classes:$UNPACKED/BOOT-INF/lib/*" ops/bench/HistoryLoader.java \
//        --url jdbc:postgresql://127.0.0.1:5432/rota_history --user postgres [--password P] \
//        [--groups 200] [--members 20] [--months 24] [--seed 42] [--batch 5000] --admin-password P --out FILE
//
// How it writes: it starts Rota's real Spring context (web server on a random port, no JobRunr server) against the
// empty database, so Flyway creates the schema and Axon is configured exactly as in production (the JPA event
// storage engine with Rota's Jackson 3 serializer and its typed-id module), and stops every event processor.
// The events are GenericDomainEventMessages built like the aggregates build them: the kernel's event records,
// the aggregate's identifier (a slot's is SlotKey.toString()), its type (GroupAggregate, MemberAggregate,
// ShiftTypeAggregate, SlotAggregate, SwapAggregate, CoverageRequestAggregate, RotationAggregate), its sequence
// numbers, the metadata the app records (traceId, the ActorMetadata keys, correlationId, onBehalfOf, and
// rotationId / swapId / coverageRequestId on the slot events a rotation, swap or coverage request caused, as
// observed on a running Rota) and an explicit timestamp. Two writers, same rows:
//   --writer copy (default): each batch is turned into rows by Axon's own entity class (DomainEventEntry with
//     the storage engine's serializer: payload and metadata bytes, payload type and revision, the formatted
//     timestamp), given global indexes 1, 2, … in time order, and sent with COPY; the sequence is set after.
//   --writer engine: EventStorageEngine.appendEvents in one transaction per batch (about 30x slower here).
// A 3-group run written both ways gave byte-identical columns except the metadata's super-admin account id.
// The history is simulated day by day over two years; every unit of work goes through one time-ordered queue,
// so the global index increases with the timestamps. Every workflow in the history has ended (no saga is left
// open), so the swap and coverage sagas' tokens are set to the head afterwards, as if they had followed the
// history; every other processor starts from the first event.
// Only the event store is written: the command side's tables are rebuilt by Rota afterwards
// (POST /api/v1/admin/command-tables/rebuild) and the projections catch up by tracking.

import app.rota.RotaApplication;
import app.rota.kernel.common.ActorMetadata;
import app.rota.kernel.coverage.CoverageApprovedEvent;
import app.rota.kernel.coverage.CoverageCancelledEvent;
import app.rota.kernel.coverage.CoverageClaimedEvent;
import app.rota.kernel.coverage.CoverageCoveredEvent;
import app.rota.kernel.coverage.CoverageEscalatedEvent;
import app.rota.kernel.coverage.CoverageRequestId;
import app.rota.kernel.coverage.CoverageRequestedEvent;
import app.rota.kernel.coverage.CoverageUnfilledEvent;
import app.rota.kernel.group.GroupCreatedEvent;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.group.GroupSettings;
import app.rota.kernel.group.GroupSettingsChangedEvent;
import app.rota.kernel.member.MemberAddedEvent;
import app.rota.kernel.member.MemberChangedEvent;
import app.rota.kernel.member.MemberId;
import app.rota.kernel.member.MemberRole;
import app.rota.kernel.member.TimeOffDeclaredEvent;
import app.rota.kernel.member.TimeOffId;
import app.rota.kernel.rotation.RotationId;
import app.rota.kernel.rotation.RotationPublishedEvent;
import app.rota.kernel.rotation.RotationShare;
import app.rota.kernel.schedule.ShiftTiming;
import app.rota.kernel.schedule.ShiftTypeDefinedEvent;
import app.rota.kernel.schedule.ShiftTypeId;
import app.rota.kernel.schedule.SlotAssignedEvent;
import app.rota.kernel.schedule.SlotInterval;
import app.rota.kernel.schedule.SlotKey;
import app.rota.kernel.schedule.SlotUnassignedEvent;
import app.rota.kernel.swap.SwapAcceptedEvent;
import app.rota.kernel.swap.SwapApprovedEvent;
import app.rota.kernel.swap.SwapCancelledEvent;
import app.rota.kernel.swap.SwapCompletedEvent;
import app.rota.kernel.swap.SwapDeclinedEvent;
import app.rota.kernel.swap.SwapExpiredEvent;
import app.rota.kernel.swap.SwapFailedEvent;
import app.rota.kernel.swap.SwapId;
import app.rota.kernel.swap.SwapKind;
import app.rota.kernel.swap.SwapProposedEvent;
import app.rota.kernel.swap.SwapRejectedEvent;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.AbstractEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.DomainEventEntry;
import org.axonframework.serialization.Serializer;
import org.postgresql.PGConnection;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.PrintStream;
import java.io.StringReader;
import java.sql.Connection;
import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

public class HistoryLoader {

    static final PrintStream out = System.out;

    // settings
    String url, user = "postgres", password = "", adminPassword, jwtSecret, writer = "copy";
    DataSource dataSource;
    int groups = 200, members = 20, months = 24, batch = 5000;
    long seed = 42;
    Path outFile;

    public static void main(String[] args) throws Exception {
        HistoryLoader loader = new HistoryLoader();
        loader.parse(args);
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
        System.exit(loader.run());
    }

    void parse(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (i + 1 >= args.length) throw new IllegalArgumentException("missing value for " + a);
            String v = args[++i];
            switch (a) {
                case "--url" -> url = v;
                case "--user" -> user = v;
                case "--password" -> password = v;
                case "--admin-password" -> adminPassword = v;
                case "--jwt-secret" -> jwtSecret = v;
                case "--groups" -> groups = Integer.parseInt(v);
                case "--members" -> members = Integer.parseInt(v);
                case "--months" -> months = Integer.parseInt(v);
                case "--seed" -> seed = Long.parseLong(v);
                case "--batch" -> batch = Integer.parseInt(v);
                case "--out" -> outFile = Path.of(v);
                case "--writer" -> writer = v;
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (url == null || adminPassword == null) throw new IllegalArgumentException("--url and --admin-password are required");
        if (members < 8 || members > 500) throw new IllegalArgumentException("--members must be between 8 and 500");
        if (groups < 1 || months < 2) throw new IllegalArgumentException("--groups >= 1, --months >= 2");
        if (!writer.equals("copy") && !writer.equals("engine")) throw new IllegalArgumentException("--writer copy|engine");
        if (jwtSecret == null) jwtSecret = UUID.randomUUID() + "-" + UUID.randomUUID();
    }

    int run() throws Exception {
        long t0 = System.nanoTime();
        Map<String, Object> props = new HashMap<>();
        props.put("spring.datasource.url", url);
        props.put("spring.datasource.username", user);
        props.put("spring.datasource.password", password);
        props.put("rota.admin.password", adminPassword);
        props.put("rota.jwt-secret", jwtSecret);
        props.put("rota.data-dir", Files.createTempDirectory("rota-history-loader").toString());
        props.put("jobrunr.background-job-server.enabled", "false");
        // statement batching for the appends (the rows are the same; the global index still comes from the sequence)
        props.put("spring.jpa.properties.hibernate.jdbc.batch_size", "500");
        props.put("spring.jpa.properties.hibernate.order_inserts", "true");
        props.put("logging.level.root", "WARN");
        props.put("logging.level.org.springframework.boot", "INFO");
        props.put("server.port", "0");
        String[] springArgs = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(RotaApplication.class).run(springArgs);
        int rc;
        try {
            rc = load(context, t0);
        } finally {
            context.close();
        }
        return rc;
    }

    int load(ConfigurableApplicationContext context, long t0) throws Exception {
        EventProcessingConfiguration processing = context.getBean(EventProcessingConfiguration.class);
        processing.eventProcessors().values().forEach(EventProcessor::shutDown);
        long contextSeconds = System.nanoTime() - t0;
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        Long existing = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        if (existing != null && existing > 0) {
            out.println("the event store already holds " + existing + " events: load only into a fresh database");
            return 3;
        }
        Map<String, Object> admin = jdbc.queryForMap("select id, username from accounts where super_admin order by created_at limit 1");
        EventStorageEngine engine = context.getBean(EventStorageEngine.class);
        dataSource = context.getBean(DataSource.class);
        TransactionTemplate tx = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));

        Instant end = Instant.now().minus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.MINUTES);
        Simulation sim = new Simulation(seed, groups, members, months, end,
                new Actor(admin.get("id").toString(), admin.get("username").toString(), "SUPER_ADMIN", null, null));
        out.printf(Locale.ROOT, "HistoryLoader (writer: %s): ", writer);
        out.printf(Locale.ROOT, "%d groups x %d members x 3 shift types, slots %s .. %s, recorded %s .. %s, batches of %d%n",
                groups, members, sim.slotsFrom, sim.slotsTo, sim.recordedFrom, end, batch);

        long loadStart = System.nanoTime();
        List<EventMessage<?>> buffer = new ArrayList<>(batch + 200);
        AtomicLong written = new AtomicLong();
        Map<String, Long> mix = new TreeMap<>();
        Instant lastTimestamp = Instant.EPOCH;
        long lastReport = System.nanoTime();
        for (LocalDate day = sim.recordedFrom.atZone(ZoneOffset.UTC).toLocalDate(); !day.isAfter(end.atZone(ZoneOffset.UTC).toLocalDate());
             day = day.plusDays(1)) {
            sim.simulate(day);
            // anything later simulated starts after this (a day starts at most 14 h before its UTC day, work at 07:00)
            lastTimestamp = emit(sim, day.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), lastTimestamp, end, mix, buffer,
                    tx, engine, written);
            if (System.nanoTime() - lastReport > 15_000_000_000L) {
                lastReport = System.nanoTime();
                double s = (lastReport - loadStart) / 1e9;
                out.printf(Locale.ROOT, "  %s: %,d events in %.0f s (%.0f/s)%n", day, written.get(), s, written.get() / s);
            }
        }
        emit(sim, Instant.MAX, lastTimestamp, end, mix, buffer, tx, engine, written);
        flush(tx, engine, buffer, written);
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;

        // Every swap and coverage request of the history has ended: their sagas are at the head, as if they had followed it.
        Long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        if (writer.equals("copy")) {
            jdbc.queryForObject("select setval('domain_event_entry_seq', ?)", Long.class, head);
        }
        int sagaTokens = 0;
        for (String saga : List.of("SwapSagaProcessor", "CoverageSagaProcessor")) {
            jdbc.update("delete from token_entry where processor_name = ?", saga);
            sagaTokens += jdbc.update("insert into token_entry (processor_name, segment, token, token_type, timestamp, owner) "
                            + "values (?, 0, convert_to(?, 'UTF8'), ?, ?, null)", saga, "{\"index\":" + head + ",\"gaps\":[]}",
                    "org.axonframework.eventhandling.GapAwareTrackingToken", Instant.now().toString());
        }
        jdbc.execute("analyze domain_event_entry");

        long total = written.get();
        out.println("mix (events per type):");
        mix.forEach((type, n) -> out.printf(Locale.ROOT, "  %-28s %,10d%n", type, n));
        out.printf(Locale.ROOT, "total %,d events (head %d) in %.1f s: %.0f events/s; Spring context %.1f s; saga tokens set to the head: %d%n",
                total, head, loadSeconds, total / loadSeconds, contextSeconds / 1e9, sagaTokens);
        out.printf(Locale.ROOT, "swaps %d, coverage requests %d, rotation runs %d, slots %d%n",
                sim.swaps, sim.coverageRequests, sim.rotations, sim.slotCount());

        if (outFile != null) {
            StringBuilder p = new StringBuilder();
            p.append("events=").append(total).append('\n');
            p.append("writer=").append(writer).append('\n');
            p.append("load_s=").append(String.format(Locale.ROOT, "%.1f", loadSeconds)).append('\n');
            p.append("events_per_s=").append(String.format(Locale.ROOT, "%.0f", total / loadSeconds)).append('\n');
            p.append("context_s=").append(String.format(Locale.ROOT, "%.1f", contextSeconds / 1e9)).append('\n');
            p.append("recorded_from=").append(sim.recordedFrom).append('\n');
            p.append("recorded_to=").append(end).append('\n');
            p.append("slots_from=").append(sim.slotsFrom).append('\n');
            p.append("slots_to=").append(sim.slotsTo).append('\n');
            p.append("groups=").append(groups).append('\n');
            p.append("members=").append(members).append('\n');
            p.append("swaps=").append(sim.swaps).append('\n');
            p.append("coverage_requests=").append(sim.coverageRequests).append('\n');
            p.append("rotation_runs=").append(sim.rotations).append('\n');
            StringBuilder m = new StringBuilder();
            mix.forEach((type, n) -> m.append(m.isEmpty() ? "" : ", ").append(type).append(' ').append(n));
            p.append("mix=").append(m).append('\n');
            Files.writeString(outFile, p.toString());
        }
        return 0;
    }

    /** Appends, oldest first, every unit of work that starts before `horizon`. */
    Instant emit(Simulation sim, Instant horizon, Instant lastTimestamp, Instant end, Map<String, Long> mix,
                 List<EventMessage<?>> buffer, TransactionTemplate tx, EventStorageEngine engine, AtomicLong written) {
        for (Uow uow = sim.poll(horizon); uow != null; uow = sim.poll(horizon)) {
            if (uow.at.isBefore(lastTimestamp)) {
                throw new IllegalStateException("units of work out of order at " + uow.at + " (after " + lastTimestamp + ")");
            }
            lastTimestamp = uow.at;
            for (EventMessage<?> e : uow.events) {
                if (e.getTimestamp().isAfter(end)) {
                    throw new IllegalStateException("event after the end of the history: " + e.getTimestamp() + " " + e.getPayloadType());
                }
                mix.merge(e.getPayloadType().getSimpleName(), 1L, Long::sum);
                buffer.add(e);
            }
            if (buffer.size() >= batch) {
                flush(tx, engine, buffer, written);
            }
        }
        return lastTimestamp;
    }

    void flush(TransactionTemplate tx, EventStorageEngine engine, List<EventMessage<?>> buffer, AtomicLong written) {
        if (buffer.isEmpty()) return;
        List<EventMessage<?>> events = List.copyOf(buffer);
        if (writer.equals("engine")) {
            tx.executeWithoutResult(status -> engine.appendEvents(events));
        } else {
            copy(engine, events, written.get());
        }
        written.addAndGet(events.size());
        buffer.clear();
    }

    /**
     * The rows the JPA storage engine would insert, made by Axon's own entity class from the engine's serializer
     * (DomainEventEntry: payload and metadata serialized to bytes, type and revision, the formatted timestamp),
     * with the global index the sequence would have given (1, 2, …; the sequence is set after the load),
     * sent with COPY.
     */
    void copy(EventStorageEngine engine, List<EventMessage<?>> events, long before) {
        Serializer serializer = ((AbstractEventStorageEngine) engine).getEventSerializer();
        StringBuilder rows = new StringBuilder(events.size() * 1600);
        long index = before;
        for (EventMessage<?> event : events) {
            DomainEventEntry entry = new DomainEventEntry((DomainEventMessage<?>) event, serializer);
            rows.append(++index).append('\t');
            text(rows, entry.getAggregateIdentifier()).append('\t');
            rows.append(entry.getSequenceNumber()).append('\t');
            text(rows, entry.getType()).append('\t');
            text(rows, entry.getEventIdentifier()).append('\t');
            text(rows, entry.getPayload().getType().getName()).append('\t');
            if (entry.getPayload().getType().getRevision() == null) rows.append("\\N"); else text(rows, entry.getPayload().getType().getRevision());
            rows.append('\t');
            hex(rows, entry.getPayload().getData()).append('\t');
            hex(rows, entry.getMetaData().getData()).append('\t');
            text(rows, DateTimeUtils.formatInstant(event.getTimestamp())).append('\n');
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "copy domain_event_entry (global_index, aggregate_identifier, sequence_number, type, event_identifier, "
                            + "payload_type, payload_revision, payload, meta_data, time_stamp) from stdin",
                    new StringReader(rows.toString()));
        } catch (Exception e) {
            throw new IllegalStateException("COPY failed at global index " + (before + 1), e);
        }
    }

    private static StringBuilder text(StringBuilder b, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(c);
            }
        }
        return b;
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** bytea in COPY's text format: \\x followed by hex digits. */
    private static StringBuilder hex(StringBuilder b, byte[] data) {
        b.append("\\\\x");
        for (byte x : data) {
            b.append(HEX[(x >> 4) & 0xF]).append(HEX[x & 0xF]);
        }
        return b;
    }

    // ------------------------------------------------------------------ metadata and units of work

    /** Who acts, as the app's ActorMetadataInterceptor records it. */
    record Actor(String accountId, String name, String role, String memberId, String groupId) {
        static final Actor SYSTEM = new Actor("system", "system", "SYSTEM", null, null);

        String source() {
            return "SYSTEM".equals(role) ? "SYSTEM" : "WEB";
        }
    }

    /** One command's transaction: its events, in order, sharing the command's correlation id and trace id. */
    static final class Uow implements Comparable<Uow> {
        final Instant at;
        final long order;
        final List<EventMessage<?>> events = new ArrayList<>(4);
        final Map<String, Object> base;
        Instant next;

        Uow(Instant at, long order, Actor actor, String correlationId, String traceId) {
            this.at = at;
            this.order = order;
            this.next = at;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("traceId", traceId);
            m.put(ActorMetadata.ACTOR_ACCOUNT_ID, actor.accountId());
            m.put(ActorMetadata.ACTOR_NAME, actor.name());
            m.put(ActorMetadata.ACTOR_ROLE, actor.role());
            m.put(ActorMetadata.ACTOR_SOURCE, actor.source());
            if (actor.memberId() != null) {
                m.put(ActorMetadata.ACTOR_MEMBER_ID, actor.memberId());
                m.put(ActorMetadata.ACTOR_GROUP_ID, actor.groupId());
            }
            m.put(ActorMetadata.CORRELATION_ID, correlationId);
            this.base = m;
        }

        void add(String type, String aggregateId, long sequence, Object payload, Map<String, Object> extra) {
            Map<String, Object> m = base;
            if (extra != null && !extra.isEmpty()) {
                m = new LinkedHashMap<>(base);
                m.putAll(extra);
            }
            events.add(new GenericDomainEventMessage<>(type, aggregateId, sequence, payload, m, UUID.randomUUID().toString(), next));
            next = next.plusMillis(1 + (events.size() % 3));
        }

        @Override
        public int compareTo(Uow o) {
            int c = at.compareTo(o.at);
            return c != 0 ? c : Long.compare(order, o.order);
        }
    }

    // ------------------------------------------------------------------ the simulation

    static final String[] ZONES = {"America/Chicago", "America/New_York", "Europe/Paris", "Europe/London", "UTC",
            "America/Los_Angeles", "Australia/Sydney", "Asia/Tokyo", "America/Sao_Paulo", "Europe/Berlin"};
    static final String[] FIRST = {"Ada", "Bo", "Chen", "Dana", "Emil", "Farah", "Gus", "Hana", "Ivan", "Jo", "Kemal", "Lena",
            "Mo", "Nia", "Omar", "Pia", "Quinn", "Rosa", "Sven", "Tara", "Uma", "Vik", "Wen", "Xavi", "Yara", "Zoe"};
    static final String[] LAST = {"Abe", "Berg", "Costa", "Diaz", "Eng", "Fox", "Gray", "Holm", "Ito", "Jain", "Khan", "Lund",
            "Moss", "Nagy", "Ortiz", "Park", "Quist", "Roy", "Sato", "Tan", "Urbe", "Vega", "Wolf", "Yu", "Zeller"};
    static final String[] CORRECTION_REASONS = {"sick", "family emergency", "correction: wrong person", "training day",
            "conference", "doctor's appointment", "requested by team lead", "fatigue after incident", "holiday swap agreed by phone"};
    static final String[] SWAP_REASONS = {"dentist", "wedding", "school event", "travel", "moving house", null, null};
    static final String[] COVERAGE_REASONS = {"flu", "trip", "family", "jury duty", null};
    static final String[] DECLINE_REASONS = {"can't that day", "already busy", null};
    static final String[] SHIFT_NAMES = {"Primary", "Secondary", "Night"};
    static final LocalTime[] SHIFT_STARTS = {LocalTime.of(8, 0), LocalTime.of(8, 0), LocalTime.of(20, 0)};
    static final int[] SHIFT_HOURS = {24, 24, 12};
    static final int TYPES = 3;

    static final class Simulation {
        final SplittableRandom rnd;
        final Instant recordedFrom, end;
        final LocalDate slotsFrom, slotsTo, endDay;
        final int days;
        final Actor superAdmin;
        final List<Group> groups = new ArrayList<>();
        final PriorityQueue<Uow> queue = new PriorityQueue<>();
        long order;
        long swaps, coverageRequests, rotations;

        Simulation(long seed, int groupCount, int memberCount, int months, Instant end, Actor superAdmin) {
            this.rnd = new SplittableRandom(seed);
            this.end = end;
            this.superAdmin = superAdmin;
            this.endDay = end.atZone(ZoneOffset.UTC).toLocalDate();
            YearMonth endMonth = YearMonth.from(end.atZone(ZoneOffset.UTC));
            // slots: the `months` months up to and including the month after the end (published in advance)
            this.slotsTo = endMonth.plusMonths(1).atEndOfMonth();
            this.slotsFrom = endMonth.plusMonths(2 - months).atDay(1);
            this.days = (int) ChronoUnit.DAYS.between(slotsFrom, slotsTo) + 1;
            // recording starts a month before the first slots (set-up, then the first rotation on the 15th)
            this.recordedFrom = slotsFrom.minusMonths(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            for (int g = 0; g < groupCount; g++) {
                groups.add(new Group(this, g, memberCount));
            }
        }

        long slotCount() {
            return (long) groups.size() * days * TYPES;
        }

        UUID uuid() {
            return new UUID((rnd.nextLong() & ~0xF000L) | 0x4000L, (rnd.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
        }

        Uow uow(Instant at, Actor actor) {
            return uow(at, actor, uuid().toString());
        }

        Uow uow(Instant at, Actor actor, String correlationId) {
            Uow u = new Uow(at, order++, actor, correlationId, uuid().toString());
            queue.add(u);
            return u;
        }

        Uow poll(Instant before) {
            Uow head = queue.peek();
            if (head == null || !head.at.isBefore(before)) return null;
            return queue.poll();
        }

        void simulate(LocalDate day) {
            for (Group g : groups) {
                g.simulate(day);
            }
        }
    }

    static final class Member {
        final MemberId id;
        final int index;
        String name, phone;
        final MemberRole role;
        final Actor actor;
        boolean active = true;
        final List<LocalDate[]> timeOff = new ArrayList<>();
        long sequence;

        Member(MemberId id, int index, String name, String phone, MemberRole role, Actor actor) {
            this.id = id;
            this.index = index;
            this.name = name;
            this.phone = phone;
            this.role = role;
            this.actor = actor;
        }

        boolean takesCall() {
            return active && role != MemberRole.AUDITOR;
        }

        boolean offOn(LocalDate date) {
            for (LocalDate[] r : timeOff) {
                if (!date.isBefore(r[0]) && !date.isAfter(r[1])) return true;
            }
            return false;
        }
    }

    /** One group's history: its state (who holds which slot, each aggregate's next sequence number) and its days. */
    static final class Group {
        final Simulation sim;
        final SplittableRandom rnd;
        final int index;
        final GroupId id;
        final String name;
        final ZoneId zone;
        GroupSettings settings;
        long sequence;
        final List<Member> members = new ArrayList<>();
        final ShiftTypeId[] shiftTypes = new ShiftTypeId[TYPES];
        final ShiftTiming[] timings = new ShiftTiming[TYPES];
        final int[][] holder;        // [day][type] member index, -1 open
        final int[][] slotSequence;  // [day][type] next sequence number of the slot's aggregate
        final Instant[][] pendingUntil;
        final Instant[][] starts, ends;
        final LocalDate createdOn;
        LocalDate assignedTo;        // last date a rotation has covered
        int rotationPointer;
        Instant clock;               // the group's own time: each of its units of work starts after the last one

        Group(Simulation sim, int index, int memberCount) {
            this.sim = sim;
            this.rnd = sim.rnd.split();
            this.index = index;
            this.id = new GroupId(sim.uuid());
            this.zone = ZoneId.of(ZONES[index % ZONES.length]);
            this.name = "Team " + (index + 1) + " " + SHIFT_NAMES[0].substring(0, 1) + (char) ('A' + index % 26);
            this.createdOn = sim.recordedFrom.atZone(ZoneOffset.UTC).toLocalDate().plusDays(rnd.nextInt(10));
            this.holder = new int[sim.days][TYPES];
            this.slotSequence = new int[sim.days][TYPES];
            this.pendingUntil = new Instant[sim.days][TYPES];
            this.starts = new Instant[sim.days][TYPES];
            this.ends = new Instant[sim.days][TYPES];
            for (int[] row : holder) java.util.Arrays.fill(row, -1);
            this.settings = new GroupSettings(index % 4 == 1, index % 4 == 2, GroupSettings.DEFAULT_REMINDER_TIME,
                    GroupSettings.DEFAULT_REMINDER_LEAD_MINUTES, GroupSettings.DEFAULT_QUIET_HOURS_START,
                    GroupSettings.DEFAULT_QUIET_HOURS_END, GroupSettings.DEFAULT_ESCALATION_TIMEOUT_MINUTES,
                    holidays(sim.slotsFrom.getYear()));
            for (int k = 0; k < TYPES; k++) {
                timings[k] = new ShiftTiming(SHIFT_STARTS[k], SHIFT_HOURS[k]);
            }
            this.assignedTo = sim.slotsFrom.minusDays(1);
            for (int i = 0; i < memberCount; i++) {
                MemberRole role = i == 0 ? MemberRole.ADMIN : i == memberCount - 1 ? MemberRole.AUDITOR : MemberRole.MEMBER;
                MemberId mid = new MemberId(sim.uuid());
                String first = FIRST[(index * 7 + i) % FIRST.length];
                String last = LAST[(index * 3 + i * 5) % LAST.length];
                String phone = String.format(Locale.ROOT, "+1312555%04d", (index * 37 + i) % 10000);
                Actor actor = new Actor(sim.uuid().toString(), (first + "." + last + index).toLowerCase(Locale.ROOT),
                        role == MemberRole.ADMIN ? "GROUP_ADMIN" : role == MemberRole.AUDITOR ? "GROUP_AUDITOR" : "GROUP_MEMBER",
                        mid.toString(), id.toString());
                members.add(new Member(mid, i, first + " " + last, phone, role, actor));
            }
        }

        List<LocalDate> holidays(int year) {
            return List.of(LocalDate.of(year, 1, 1), LocalDate.of(year, 5, 1), LocalDate.of(year, 12, 25));
        }

        Member admin() {
            return members.get(0);
        }

        Instant at(LocalDate day, int minuteOfDay) {
            Instant t = day.atStartOfDay(zone).toInstant().plus(Duration.ofMinutes(minuteOfDay)).plusMillis(rnd.nextInt(60_000));
            if (clock != null && !t.isAfter(clock)) t = clock.plusSeconds(5 + rnd.nextInt(120));
            return t;
        }

        int dayIndex(LocalDate date) {
            return (int) ChronoUnit.DAYS.between(sim.slotsFrom, date);
        }

        SlotKey key(int d, int k) {
            return new SlotKey(shiftTypes[k], sim.slotsFrom.plusDays(d));
        }

        Instant start(int d, int k) {
            if (starts[d][k] == null) {
                SlotInterval i = timings[k].intervalOn(sim.slotsFrom.plusDays(d), zone);
                starts[d][k] = i.startInstant();
                ends[d][k] = i.endInstant();
            }
            return starts[d][k];
        }

        Instant end(int d, int k) {
            start(d, k);
            return ends[d][k];
        }

        boolean overlaps(int d1, int k1, int d2, int k2) {
            return start(d1, k1).isBefore(end(d2, k2)) && start(d2, k2).isBefore(end(d1, k1));
        }

        /** May member m take slot (d, k): active, taking calls, not on time off, no overlapping slot. */
        boolean canTake(int m, int d, int k) {
            Member member = members.get(m);
            if (!member.takesCall()) return false;
            LocalDate date = sim.slotsFrom.plusDays(d);
            if (member.offOn(date) || member.offOn(date.minusDays(1)) || member.offOn(date.plusDays(1))) return false;
            for (int dd = Math.max(0, d - 1); dd <= Math.min(sim.days - 1, d + 1); dd++) {
                for (int kk = 0; kk < TYPES; kk++) {
                    if ((dd != d || kk != k) && holder[dd][kk] == m && overlaps(d, k, dd, kk)) return false;
                }
            }
            return true;
        }

        // ---------------------------------------------------------- events

        void slotAssigned(Uow u, int d, int k, int taker, String reason, Map<String, Object> extra) {
            int previous = holder[d][k];
            u.add("SlotAggregate", key(d, k).toString(), slotSequence[d][k]++,
                    new SlotAssignedEvent(key(d, k), id, members.get(taker).id, previous < 0 ? null : members.get(previous).id,
                            reason, start(d, k), end(d, k)), extra);
            holder[d][k] = taker;
        }

        void slotUnassigned(Uow u, int d, int k, String reason) {
            int previous = holder[d][k];
            u.add("SlotAggregate", key(d, k).toString(), slotSequence[d][k]++,
                    new SlotUnassignedEvent(key(d, k), id, members.get(previous).id, reason), null);
            holder[d][k] = -1;
        }

        Map<String, Object> actingFor(Actor actor, Member member) {
            return member.id.toString().equals(actor.memberId()) ? null : Map.of(ActorMetadata.ON_BEHALF_OF, member.id.toString());
        }

        // ---------------------------------------------------------- a day

        void simulate(LocalDate day) {
            if (day.isBefore(createdOn)) return;
            if (day.equals(createdOn)) {
                setUp(day);
            }
            LocalDate firstOfNext = day.withDayOfMonth(1).plusMonths(1);
            if (day.getDayOfMonth() == 15 && firstOfNext.isAfter(assignedTo) && !firstOfNext.isAfter(sim.slotsTo)) {
                rotation(day, firstOfNext, firstOfNext.withDayOfMonth(firstOfNext.lengthOfMonth()));
            }
            // (not on the last day: the history may end before 09:30 that day)
            if (day.getMonthValue() == 12 && day.getDayOfMonth() == 1 && !day.equals(createdOn) && day.isBefore(sim.endDay)) {
                holidaysOfNextYear(day);
            }
            if (day.equals(createdOn.plusMonths(12)) && index % 10 == 3) {
                newJoiner(day);
            }
            // no new workflow in the last days: every one started has ended before the end of the history
            if (assignedTo.isBefore(sim.slotsFrom) || !day.isBefore(sim.endDay.minusDays(3))) return;
            int actions = poisson(2.1);
            for (int i = 0; i < actions; i++) {
                double r = rnd.nextDouble();
                int minute = 7 * 60 + rnd.nextInt(14 * 60);
                if (r < 0.33) correction(day, minute);
                else if (r < 0.40) unassignAndRefill(day, minute);
                else if (r < 0.78) swap(day, minute);
                else if (r < 0.93) coverage(day, minute);
                else if (r < 0.985) timeOff(day, minute);
                else memberChange(day, minute);
            }
        }

        int poisson(double mean) {
            double l = Math.exp(-mean), p = 1;
            int k = 0;
            do {
                k++;
                p *= rnd.nextDouble();
            } while (p > l);
            return k - 1;
        }

        void setUp(LocalDate day) {
            Instant t = at(day, 9 * 60);
            Uow u = sim.uow(t, sim.superAdmin);
            u.add("GroupAggregate", id.toString(), sequence++, new GroupCreatedEvent(id, name, zone, settings), null);
            t = t.plusSeconds(20);
            for (Member m : members) {
                t = t.plusSeconds(8 + rnd.nextInt(40));
                sim.uow(t, sim.superAdmin).add("MemberAggregate", m.id.toString(), m.sequence++,
                        new MemberAddedEvent(m.id, id, m.name, m.phone, m.role), null);
            }
            for (int k = 0; k < TYPES; k++) {
                t = t.plusSeconds(15 + rnd.nextInt(60));
                shiftTypes[k] = new ShiftTypeId(sim.uuid());
                sim.uow(t, sim.superAdmin).add("ShiftTypeAggregate", shiftTypes[k].toString(), 0,
                        new ShiftTypeDefinedEvent(shiftTypes[k], id, SHIFT_NAMES[k], SHIFT_STARTS[k], SHIFT_HOURS[k],
                                EnumSet.allOf(DayOfWeek.class)), null);
            }
            clock = t;
        }

        /** The admin runs the rotation for [from, to]: one command per slot (same request, same correlation id), then the summary. */
        void rotation(LocalDate day, LocalDate from, LocalDate to) {
            Actor admin = admin().actor;
            String correlation = sim.uuid().toString();
            RotationId rotationId = new RotationId(sim.uuid());
            Map<String, Object> ofThisRun = Map.of(RotationId.METADATA_KEY, rotationId.toString());
            Instant t = at(day, 10 * 60);
            Map<Integer, List<SlotKey>> given = new LinkedHashMap<>();
            for (Member m : members) if (m.takesCall()) given.put(m.index, new ArrayList<>());
            int leftOpen = 0;
            int n = members.size();
            for (int d = dayIndex(from); d <= dayIndex(to); d++) {
                for (int k = 0; k < TYPES; k++) {
                    int chosen = -1;
                    for (int tries = 0; tries < n; tries++) {
                        int m = (rotationPointer + tries) % n;
                        if (canTake(m, d, k)) {
                            chosen = m;
                            break;
                        }
                    }
                    if (chosen < 0) {
                        leftOpen++;
                        continue;
                    }
                    rotationPointer = (chosen + 1) % n;
                    t = t.plusMillis(25 + rnd.nextInt(40));
                    slotAssigned(sim.uow(t, admin, correlation), d, k, chosen, "rotation", ofThisRun);
                    given.get(chosen).add(key(d, k));
                }
            }
            List<RotationShare> shares = new ArrayList<>();
            given.forEach((m, slots) -> {
                if (!slots.isEmpty()) shares.add(new RotationShare(members.get(m).id, slots));
            });
            t = t.plusMillis(30);
            sim.uow(t, admin, correlation).add("RotationAggregate", rotationId.toString(), 0,
                    new RotationPublishedEvent(rotationId, id, from, to, shares, leftOpen), null);
            assignedTo = to;
            clock = t;
            sim.rotations++;
        }

        void holidaysOfNextYear(LocalDate day) {
            List<LocalDate> holidays = new ArrayList<>(settings.holidays());
            holidays.addAll(holidays(day.getYear() + 1));
            GroupSettings after = new GroupSettings(settings.swapApprovalRequired(), settings.coverageApprovalRequired(),
                    settings.dailyReminderTime(), settings.reminderLeadMinutes(), settings.quietHoursStart(),
                    settings.quietHoursEnd(), settings.escalationTimeoutMinutes(), holidays);
            Instant t = at(day, 9 * 60 + 30);
            sim.uow(t, admin().actor).add("GroupAggregate", id.toString(), sequence++,
                    new GroupSettingsChangedEvent(id, settings, after), null);
            settings = after;
            clock = t;
        }

        void newJoiner(LocalDate day) {
            int i = members.size();
            MemberId mid = new MemberId(sim.uuid());
            String first = FIRST[(index * 11 + i) % FIRST.length];
            String last = LAST[(index * 13 + i) % LAST.length];
            String phone = String.format(Locale.ROOT, "+1773555%04d", (index * 37 + i) % 10000);
            Member m = new Member(mid, i, first + " " + last, phone, MemberRole.MEMBER,
                    new Actor(sim.uuid().toString(), (first + "." + last + index).toLowerCase(Locale.ROOT), "GROUP_MEMBER",
                            mid.toString(), id.toString()));
            Instant t = at(day, 11 * 60);
            sim.uow(t, sim.superAdmin).add("MemberAggregate", mid.toString(), m.sequence++,
                    new MemberAddedEvent(mid, id, m.name, m.phone, m.role), null);
            members.add(m);
            clock = t;
        }

        /** A random slot of the published schedule, held, starting after `notBefore`, at most `maxDays` ahead, not pending. */
        int[] heldSlot(LocalDate day, Instant notBefore, int minDays, int maxDays) {
            int first = Math.max(0, dayIndex(day) + minDays);
            int last = Math.min(dayIndex(assignedTo), dayIndex(day) + maxDays);
            if (last < first) return null;
            for (int tries = 0; tries < 12; tries++) {
                int d = first + rnd.nextInt(last - first + 1);
                int k = rnd.nextInt(TYPES);
                if (holder[d][k] >= 0 && start(d, k).isAfter(notBefore.plus(Duration.ofHours(6)))
                        && (pendingUntil[d][k] == null || pendingUntil[d][k].isBefore(notBefore))) {
                    return new int[]{d, k};
                }
            }
            return null;
        }

        int someoneWhoCanTake(int d, int k, int except) {
            int n = members.size();
            int offset = rnd.nextInt(n);
            for (int i = 0; i < n; i++) {
                int m = (offset + i) % n;
                if (m != except && m != holder[d][k] && canTake(m, d, k)) return m;
            }
            return -1;
        }

        void correction(LocalDate day, int minute) {
            Instant t = at(day, minute);
            int[] s = heldSlot(day, t, 1, 25);
            if (s == null) return;
            int taker = someoneWhoCanTake(s[0], s[1], -1);
            if (taker < 0) return;
            slotAssigned(sim.uow(t, admin().actor), s[0], s[1], taker, pick(CORRECTION_REASONS), null);
            clock = t;
        }

        void unassignAndRefill(LocalDate day, int minute) {
            Instant t = at(day, minute);
            int[] s = heldSlot(day, t, 2, 25);
            if (s == null) return;
            slotUnassigned(sim.uow(t, admin().actor), s[0], s[1], pick(CORRECTION_REASONS));
            t = t.plusSeconds(600 + rnd.nextInt(3 * 3600));
            int taker = someoneWhoCanTake(s[0], s[1], -1);
            if (taker >= 0) {
                slotAssigned(sim.uow(t, admin().actor), s[0], s[1], taker, "filled after unassignment", null);
            }
            clock = t;
        }

        void swap(LocalDate day, int minute) {
            Instant t = at(day, minute);
            int[] a = heldSlot(day, t, 2, 25);
            if (a == null) return;
            int proposer = holder[a[0]][a[1]];
            boolean trade = rnd.nextDouble() < 0.6;
            int counterpart;
            int[] b = null;
            if (trade) {
                b = heldSlot(day, t, 2, 25);
                if (b == null || holder[b[0]][b[1]] == proposer || (b[0] == a[0] && b[1] == a[1])) return;
                counterpart = holder[b[0]][b[1]];
                // the trade as a whole: each takes the other's slot without overlapping anything else they hold
                int hb = holder[b[0]][b[1]];
                holder[a[0]][a[1]] = -1;
                holder[b[0]][b[1]] = -1;
                boolean ok = canTake(counterpart, a[0], a[1]) && canTake(proposer, b[0], b[1]);
                holder[a[0]][a[1]] = proposer;
                holder[b[0]][b[1]] = hb;
                if (!ok) return;
            } else {
                counterpart = someoneWhoCanTake(a[0], a[1], proposer);
                if (counterpart < 0 || members.get(counterpart).role == MemberRole.AUDITOR) return;
            }
            Member p = members.get(proposer), c = members.get(counterpart);
            Actor proposerActor = rnd.nextDouble() < 0.1 ? admin().actor : p.actor;
            SwapId swapId = new SwapId(sim.uuid());
            Instant earliest = b == null || start(a[0], a[1]).isBefore(start(b[0], b[1])) ? start(a[0], a[1]) : start(b[0], b[1]);
            Instant expiresAt = t.plus(Duration.ofHours(48)).isBefore(earliest) ? t.plus(Duration.ofHours(48)) : earliest;
            String sid = swapId.toString();
            long seq = 0;
            Uow proposal = sim.uow(t, proposerActor);
            proposal.add("SwapAggregate", sid, seq++, new SwapProposedEvent(swapId, id, trade ? SwapKind.TRADE : SwapKind.GIVE_AWAY,
                    p.id, c.id, key(a[0], a[1]), start(a[0], a[1]), end(a[0], a[1]),
                    b == null ? null : key(b[0], b[1]), b == null ? null : start(b[0], b[1]), b == null ? null : end(b[0], b[1]),
                    pick(SWAP_REASONS), expiresAt), actingFor(proposerActor, p));
            sim.swaps++;
            double r = rnd.nextDouble();
            boolean approval = settings.swapApprovalRequired();
            Instant t2 = t.plusSeconds(300 + rnd.nextInt(6 * 3600));
            if (t2.isAfter(expiresAt)) t2 = t.plusSeconds(60 + rnd.nextInt(240));
            if (r < 0.65) {
                Actor accepter = rnd.nextDouble() < 0.1 ? admin().actor : c.actor;
                Uow accept = sim.uow(t2, accepter);
                accept.add("SwapAggregate", sid, seq++, new SwapAcceptedEvent(swapId, id, p.id, c.id, null, approval), actingFor(accepter, c));
                Uow completing = accept;
                Map<String, Object> completedMeta = actingFor(accepter, c);
                if (approval) {
                    t2 = t2.plusSeconds(600 + rnd.nextInt(4 * 3600));
                    if (t2.isAfter(expiresAt)) t2 = accept.next.plusSeconds(30);
                    completing = sim.uow(t2, admin().actor);
                    completing.add("SwapAggregate", sid, seq++, new SwapApprovedEvent(swapId, id, p.id, c.id, null), null);
                    completedMeta = null;
                }
                // the hand-overs, in slot-key order, each caused by the swap
                List<int[]> moves = new ArrayList<>();
                moves.add(new int[]{a[0], a[1], counterpart});
                if (b != null) moves.add(new int[]{b[0], b[1], proposer});
                moves.sort((x, y) -> key(x[0], x[1]).toString().compareTo(key(y[0], y[1]).toString()));
                for (int[] mv : moves) {
                    slotAssigned(completing, mv[0], mv[1], mv[2], "swap " + sid, Map.of(SwapId.METADATA_KEY, sid));
                }
                completing.add("SwapAggregate", sid, seq++, new SwapCompletedEvent(swapId, id, trade ? SwapKind.TRADE : SwapKind.GIVE_AWAY,
                        p.id, c.id, key(a[0], a[1]), b == null ? null : key(b[0], b[1])), completedMeta);
                clock = completing.next;
            } else if (r < 0.77 || (r < 0.82 && !approval)) {
                Actor decliner = c.actor;
                sim.uow(t2, decliner).add("SwapAggregate", sid, seq++,
                        new SwapDeclinedEvent(swapId, id, p.id, c.id, pick(DECLINE_REASONS)), null);
                clock = t2;
            } else if (r < 0.82) {
                Uow accept = sim.uow(t2, c.actor);
                accept.add("SwapAggregate", sid, seq++, new SwapAcceptedEvent(swapId, id, p.id, c.id, null, true), null);
                Instant t3 = t2.plusSeconds(600 + rnd.nextInt(3600));
                if (t3.isAfter(expiresAt)) t3 = accept.next.plusSeconds(30);
                sim.uow(t3, admin().actor).add("SwapAggregate", sid, seq++,
                        new SwapRejectedEvent(swapId, id, p.id, c.id, "not enough notice"), null);
                clock = t3;
            } else if (r < 0.90) {
                sim.uow(t2, p.actor).add("SwapAggregate", sid, seq++,
                        new SwapCancelledEvent(swapId, id, p.id, c.id, pick(SWAP_REASONS)), null);
                clock = t2;
            } else if (r < 0.95) {
                // nobody answers: the deadline expires it (as the system)
                Instant expiry = expiresAt.plusMillis(500 + rnd.nextInt(5000));
                sim.uow(expiry, Actor.SYSTEM).add("SwapAggregate", sid, seq++, new SwapExpiredEvent(swapId, id, p.id, c.id), null);
                pendingUntil[a[0]][a[1]] = expiry;
                if (b != null) pendingUntil[b[0]][b[1]] = expiry;
                clock = t;
            } else {
                // an admin edits one of the slots meanwhile: the swap's process fails it in the admin's trace
                int[] edited = b != null && rnd.nextBoolean() ? b : a;
                int taker = someoneWhoCanTake(edited[0], edited[1], -1);
                if (taker < 0) {
                    sim.uow(t2, p.actor).add("SwapAggregate", sid, seq++, new SwapCancelledEvent(swapId, id, p.id, c.id, null), null);
                    clock = t2;
                    return;
                }
                Uow edit = sim.uow(t2, admin().actor);
                SlotKey editedKey = key(edited[0], edited[1]);
                slotAssigned(edit, edited[0], edited[1], taker, pick(CORRECTION_REASONS), null);
                Uow failed = new Uow(edit.next.plusMillis(40 + rnd.nextInt(200)), sim.order++, admin().actor, "", "");
                failed.base.putAll(edit.base);
                failed.add("SwapAggregate", sid, seq++, new SwapFailedEvent(swapId, id, p.id, c.id,
                        "Slot " + editedKey + " was changed by someone else while the swap was pending."), null);
                sim.queue.add(failed);
                clock = failed.next;
            }
        }

        void coverage(LocalDate day, int minute) {
            Instant t = at(day, minute);
            double r = rnd.nextDouble();
            boolean unfilled = r >= 0.75 && r < 0.90;
            int[] s = unfilled ? heldSlot(day, t, 1, 3) : heldSlot(day, t, 2, 20);
            if (s == null) return;
            int d = s[0], k = s[1];
            Member requester = members.get(holder[d][k]);
            Actor requesterActor = rnd.nextDouble() < 0.15 ? admin().actor : requester.actor;
            CoverageRequestId rid = new CoverageRequestId(sim.uuid());
            String sid = rid.toString();
            Instant afterTimeout = t.plus(Duration.ofMinutes(settings.escalationTimeoutMinutes()));
            Instant escalatesAt = afterTimeout.isBefore(start(d, k)) ? afterTimeout : start(d, k);
            List<MemberId> offeredTo = new ArrayList<>();
            for (Member m : members) {
                if (m.index != requester.index && canTake(m.index, d, k)) offeredTo.add(m.id);
            }
            long seq = 0;
            sim.uow(t, requesterActor).add("CoverageRequestAggregate", sid, seq++, new CoverageRequestedEvent(rid, id, key(d, k),
                    start(d, k), end(d, k), requester.id, offeredTo, pick(COVERAGE_REASONS), escalatesAt), actingFor(requesterActor, requester));
            sim.coverageRequests++;
            boolean approval = settings.coverageApprovalRequired();
            if (r < 0.75 && !offeredTo.isEmpty()) {
                boolean escalatedFirst = r >= 0.62;
                Instant t2;
                if (escalatedFirst) {
                    Instant esc = escalatesAt.plusMillis(300 + rnd.nextInt(5000));
                    sim.uow(esc, Actor.SYSTEM).add("CoverageRequestAggregate", sid, seq++,
                            new CoverageEscalatedEvent(rid, id, key(d, k), requester.id), null);
                    t2 = esc.plusSeconds(120 + rnd.nextInt(3600));
                } else {
                    t2 = t.plusSeconds(120 + rnd.nextInt((int) Math.max(1, Duration.between(t, escalatesAt).getSeconds() - 200)));
                }
                if (!t2.isBefore(start(d, k).minusSeconds(60))) {
                    t2 = start(d, k).minusSeconds(600);
                }
                int claimant = -1;
                for (MemberId offered : offeredTo) {
                    for (Member m : members) if (m.id.equals(offered) && rnd.nextInt(3) == 0 && claimant < 0) claimant = m.index;
                }
                if (claimant < 0) claimant = indexOf(offeredTo.get(0));
                Member cl = members.get(claimant);
                Actor claimer = rnd.nextDouble() < 0.1 ? admin().actor : cl.actor;
                Uow claim = sim.uow(t2, claimer);
                claim.add("CoverageRequestAggregate", sid, seq++,
                        new CoverageClaimedEvent(rid, id, key(d, k), requester.id, cl.id, approval), actingFor(claimer, cl));
                Uow covering = claim;
                Map<String, Object> coveredMeta = actingFor(claimer, cl);
                if (approval) {
                    Instant t3 = t2.plusSeconds(300 + rnd.nextInt(3600));
                    if (!t3.isBefore(start(d, k))) t3 = claim.next.plusSeconds(20);
                    covering = sim.uow(t3, admin().actor);
                    covering.add("CoverageRequestAggregate", sid, seq++,
                            new CoverageApprovedEvent(rid, id, key(d, k), requester.id, cl.id, null), null);
                    coveredMeta = null;
                }
                slotAssigned(covering, d, k, claimant, "coverage " + sid, Map.of(CoverageRequestId.METADATA_KEY, sid));
                covering.add("CoverageRequestAggregate", sid, seq++,
                        new CoverageCoveredEvent(rid, id, key(d, k), requester.id, cl.id), coveredMeta);
                clock = covering.next;
            } else if (unfilled) {
                Instant esc = escalatesAt.plusMillis(300 + rnd.nextInt(5000));
                sim.uow(esc, Actor.SYSTEM).add("CoverageRequestAggregate", sid, seq++,
                        new CoverageEscalatedEvent(rid, id, key(d, k), requester.id), null);
                Instant unfilledAt = start(d, k).plusMillis(300 + rnd.nextInt(5000));
                if (!unfilledAt.isAfter(esc)) unfilledAt = esc.plusMillis(10);
                if (unfilledAt.isAfter(sim.end)) {
                    // would end after the history's end: the requester cancels it instead
                    sim.uow(esc.plusSeconds(60).isAfter(sim.end) ? t.plusSeconds(30) : esc.plusSeconds(60), requester.actor)
                            .add("CoverageRequestAggregate", sid, seq++, new CoverageCancelledEvent(rid, id, key(d, k), requester.id, null), null);
                    pendingUntil[d][k] = esc.plusSeconds(61);
                } else {
                    sim.uow(unfilledAt, Actor.SYSTEM).add("CoverageRequestAggregate", sid, seq++,
                            new CoverageUnfilledEvent(rid, id, key(d, k), requester.id), null);
                    pendingUntil[d][k] = unfilledAt;
                }
                clock = t;
            } else {
                Instant t2 = t.plusSeconds(60 + rnd.nextInt(3600));
                sim.uow(t2, requester.actor).add("CoverageRequestAggregate", sid, seq++,
                        new CoverageCancelledEvent(rid, id, key(d, k), requester.id, "sorted it out"), null);
                clock = t2;
            }
        }

        int indexOf(MemberId id) {
            for (Member m : members) if (m.id.equals(id)) return m.index;
            throw new IllegalStateException("no member " + id);
        }

        /** A member declares time off beyond the published schedule (the next rotation leaves them out). */
        void timeOff(LocalDate day, int minute) {
            Member m = members.get(1 + rnd.nextInt(members.size() - 2));
            if (!m.takesCall()) return;
            LocalDate from = assignedTo.plusDays(1 + rnd.nextInt(40));
            LocalDate to = from.plusDays(2 + rnd.nextInt(8));
            Instant t = at(day, minute);
            Actor actor = rnd.nextDouble() < 0.2 ? admin().actor : m.actor;
            sim.uow(t, actor).add("MemberAggregate", m.id.toString(), m.sequence++,
                    new TimeOffDeclaredEvent(m.id, id, new TimeOffId(sim.uuid()), from, to, pick(new String[]{"vacation", "parental leave", "training", null})),
                    actingFor(actor, m));
            m.timeOff.add(new LocalDate[]{from, to});
            clock = t;
        }

        /** An admin corrects a member's phone number or name. */
        void memberChange(LocalDate day, int minute) {
            Member m = members.get(1 + rnd.nextInt(members.size() - 1));
            String prevName = m.name, prevPhone = m.phone;
            if (rnd.nextBoolean()) {
                m.phone = String.format(Locale.ROOT, "+1415555%04d", (index * 53 + m.index * 7 + (int) m.sequence) % 10000);
                for (Member o : members) if (o != m && o.phone.equals(m.phone)) {
                    m.phone = prevPhone;
                    return;
                }
            } else {
                m.name = m.name + "-" + LAST[rnd.nextInt(LAST.length)];
            }
            Instant t = at(day, minute);
            sim.uow(t, admin().actor).add("MemberAggregate", m.id.toString(), m.sequence++,
                    new MemberChangedEvent(m.id, id, m.name, m.phone, m.role, prevName, prevPhone, m.role), null);
            clock = t;
        }

        <T> T pick(T[] options) {
            return options[rnd.nextInt(options.length)];
        }
    }
}
