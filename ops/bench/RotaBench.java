// Rota load driver. Single file, JDK 17 only, run with the source launcher:
//   java ops/bench/RotaBench.java --base http://localhost:18181 [--clients 8] [--members 50]
//        [--shift-types 5] [--commands 4000] [--warmup 100] [--query-samples 500]
//        [--lag-every 10] [--coverage-requests 200] [--password bench-admin-pw] [--out results.properties]
//        [--rota-pid PID[,PID]] [--pg-database rota_bench] [--jfr FILE] [--bases URL,URL] [--contended-edits 0]
//        [--contended-slots 10]
//
// --bases spreads the clients over several Rota nodes (client c talks to node c mod n; set-up and the lag
// poller use the first). --contended-edits N adds a phase in which every client edits the same few slots
// with expectedVersion (a 409 VERSION_CONFLICT tells it the current version, and it tries again): each slot's
// accepted edits must carry versions 1, 2, 3, ... with none twice, which is what no lost edit means; the
// versions seen are written to --out for a check against the event store.
//
// With --rota-pid the measured phase's CPU is read from /proc (utime + stime, clock ticks): Rota's, the
// PostgreSQL server's (the backends of --pg-database and the server's own background processes, pids from
// psql) and the driver's own; Rota's CPU per command is its CPU over the phase / successful commands.
// With --jfr, a JFR recording (settings=profile) of Rota covers exactly the measured phase (jcmd).
//
// Phases: set-up (login, group, members, shift types), warm-up assignments (not counted),
// measured assignments (fixed count, hard time cap), catch-up wait, calendar month queries,
// on-call queries. Prints a summary and writes key=value results to --out for ops/bench/run.sh.
// Only talks to --base; every HTTP call has a 10 s timeout; every loop is bounded.

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class RotaBench {

    static final Duration HTTP_TIMEOUT = Duration.ofSeconds(10);
    static final String TIME_ZONE = "America/Chicago";
    static final LocalDate WARMUP_START = LocalDate.of(2026, 12, 1);
    static final LocalDate MEASURED_START = LocalDate.of(2027, 1, 1);
    static final long COMMAND_PHASE_CAP_NANOS = TimeUnit.MINUTES.toNanos(5);
    static final long QUERY_PHASE_CAP_NANOS = TimeUnit.MINUTES.toNanos(2);
    static final long LAG_GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(10);
    /** Between two reads of the lag poller: at most ~100 calendar reads/s on top of the commands. */
    static final long LAG_POLL_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    static final long CATCH_UP_CAP_NANOS = TimeUnit.SECONDS.toNanos(60);
    static final PrintStream out = System.out;

    // settings
    String base = "http://localhost:18181";
    int clients = 8, members = 50, shiftTypes = 5, commands = 4000, warmup = 100, querySamples = 500, lagEvery = 10;
    int coverageRequests = 200;
    String username = "admin", password = "bench-admin-pw";
    Path outFile;
    long rotaPid = -1;
    /** Every Rota node's pid (--rota-pid 1,2): their CPU is added up. */
    long[] rotaPids = new long[0];
    String pgDatabase = "rota_bench";
    Path jfrFile;
    String[] bases;
    int contendedEdits = 0, contendedSlots = 10;
    /** The node this thread talks to (client c: node c mod n); unset: the first. */
    final ThreadLocal<String> threadBase = new ThreadLocal<>();

    // state
    final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(HTTP_TIMEOUT)
            .build();
    String token;
    String groupId;
    String[] memberIds;
    String[] shiftTypeIds;
    String phoneScheme = "US +1312555xxxx";
    final Map<String, String> results = new LinkedHashMap<>();

    public static void main(String[] args) throws Exception {
        RotaBench b = new RotaBench();
        b.parseArgs(args);
        int rc;
        try {
            rc = b.run();
        } catch (BenchFailure e) {
            out.println("BENCH FAILED: " + e.getMessage());
            b.results.put("failure", e.getMessage().replaceAll("\\s+", " "));
            rc = 2;
        }
        b.writeResults();
        System.exit(rc);
    }

    void parseArgs(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help")) {
                out.println("usage: java RotaBench.java --base URL [--clients N] [--members N] [--shift-types N]"
                        + " [--commands N] [--warmup N] [--query-samples N] [--lag-every N] [--coverage-requests N] [--username U]"
                        + " [--password P] [--out FILE] [--rota-pid PID] [--pg-database DB] [--jfr FILE] [--bases URL,URL]"
                        + " [--contended-edits N] [--contended-slots N]");
                System.exit(0);
            }
            if (i + 1 >= args.length) throw new IllegalArgumentException("missing value for " + a);
            String v = args[++i];
            switch (a) {
                case "--base" -> base = v.replaceAll("/+$", "");
                case "--clients" -> clients = positive(a, v);
                case "--members" -> members = positive(a, v);
                case "--shift-types" -> shiftTypes = positive(a, v);
                case "--commands" -> commands = positive(a, v);
                case "--warmup" -> warmup = Integer.parseInt(v);
                case "--query-samples" -> querySamples = Integer.parseInt(v);
                case "--lag-every" -> lagEvery = positive(a, v);
                case "--coverage-requests" -> coverageRequests = Integer.parseInt(v);
                case "--username" -> username = v;
                case "--password" -> password = v;
                case "--out" -> outFile = Path.of(v);
                case "--rota-pid" -> {
                    rotaPids = Arrays.stream(v.split(",")).mapToLong(Long::parseLong).toArray();
                    rotaPid = rotaPids[0];
                }
                case "--pg-database" -> pgDatabase = v;
                case "--jfr" -> jfrFile = Path.of(v).toAbsolutePath();
                case "--bases" -> bases = Arrays.stream(v.split(",")).map(x -> x.replaceAll("/+$", "")).toArray(String[]::new);
                case "--contended-edits" -> contendedEdits = Integer.parseInt(v);
                case "--contended-slots" -> contendedSlots = positive(a, v);
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (bases == null) bases = new String[]{base};
        base = bases[0];
        // 1-hour shifts every 2 hours from 08:00: at most 8 fit in a day (08:00 .. 22:00).
        if (shiftTypes > 8) throw new IllegalArgumentException("--shift-types must be <= 8");
        if (members > 900) throw new IllegalArgumentException("--members must be <= 900 (phone number range)");
        // warm-up dates must stay before the measured dates (2026-12-01 .. 2026-12-31)
        warmup = Math.max(0, Math.min(warmup, 31 * shiftTypes));
    }

    static int positive(String name, String v) {
        int n = Integer.parseInt(v);
        if (n <= 0) throw new IllegalArgumentException(name + " must be > 0");
        return n;
    }

    int run() throws Exception {
        out.printf(Locale.ROOT, "RotaBench: base=%s clients=%d members=%d shiftTypes=%d commands=%d warmup=%d querySamples=%d lagEvery=%d%n",
                base, clients, members, shiftTypes, commands, warmup, querySamples, lagEvery);
        setUp();

        // warm-up: same path as the measured run, earlier dates, nothing recorded
        if (warmup > 0) {
            out.printf("warm-up: %d assignments from %s%n", warmup, WARMUP_START);
            CommandPhase w = new CommandPhase(WARMUP_START, warmup, false);
            w.run();
            out.printf(Locale.ROOT, "warm-up done: ok=%d conflicts=%d errors=%d in %.1f s%n",
                    w.ok.get(), w.conflicts.get(), w.errors.get(), w.elapsedNanos / 1e9);
            queryWarmup();
        }

        out.printf("measured: %d assignments from %s over %d clients%n", commands, MEASURED_START, clients);
        CommandPhase m = new CommandPhase(MEASURED_START, commands, true);
        double idleCpuPerSecond = idleCpuPerSecond();
        if (jfrFile != null) jcmd("JFR.start", "name=bench", "settings=profile");
        CpuMeter cpu = new CpuMeter();
        m.run();
        cpu.stop();
        if (jfrFile != null) jcmd("JFR.stop", "name=bench", "filename=" + jfrFile);
        // how long after the last command the projection shows the last successful assignment
        long catchUp = waitCaughtUp(m);
        put("catch_up_ms", catchUp < 0 ? "timeout" : ms(catchUp));
        m.finishLag();
        double secs = m.elapsedNanos / 1e9;
        long[] lat = m.latencies();
        long[] lag = m.lags();
        put("commands_requested", commands);
        put("commands_issued", m.issued.get());
        put("commands_ok", m.ok.get());
        put("commands_conflict", m.conflicts.get());
        put("commands_error", m.errors.get());
        put("commands_capped", m.capped ? "yes" : "no");
        put("command_phase_s", fmt(secs, 2));
        put("commands_per_s", fmt(m.ok.get() / secs, 1));
        cpu.report(m.ok.get(), secs);
        if (idleCpuPerSecond >= 0 && cpu.rotaTicks >= 0 && m.ok.get() > 0) {
            double net = cpu.rotaTicks * CLOCK_TICK_S - idleCpuPerSecond * secs;
            put("rota_idle_cpu_ms_per_s", fmt(idleCpuPerSecond * 1000, 1));
            put("rota_cpu_ms_per_command_net", fmt(net * 1000 / m.ok.get(), 2));
            out.printf(Locale.ROOT, "Rota idle: %.1f ms CPU per second; CPU per command without that: %.2f ms%n",
                    idleCpuPerSecond * 1000, net * 1000 / m.ok.get());
        }
        put("cmd_p50_ms", ms(pct(lat, 50)));
        put("cmd_p99_ms", ms(pct(lat, 99)));
        put("cmd_max_ms", ms(pct(lat, 100)));
        put("lag_samples", lag.length);
        put("lag_timeouts", m.lagTimeouts.get());
        put("lag_p50_ms", ms(pct(lag, 50)));
        put("lag_p99_ms", ms(pct(lag, 99)));
        put("lag_max_ms", ms(pct(lag, 100)));
        long[] pt = m.lagPoller.pollTimes.toArray();
        Arrays.sort(pt);
        put("lag_polls", m.lagPoller.polls);
        put("lag_poll_errors", m.lagPoller.pollErrors);
        put("lag_poll_p50_ms", ms(pct(pt, 50)));
        if (m.lagPoller.pollErrorSample != null) out.println("lag poll error e.g. " + m.lagPoller.pollErrorSample);
        out.printf(Locale.ROOT, "lag poller: %d calendar reads, %d failed, read p50=%s ms%n",
                m.lagPoller.polls, m.lagPoller.pollErrors, ms(pct(pt, 50)));
        String trend = m.lagTrend();
        put("lag_p50_by_quarter_ms", trend);
        out.println("lag p50 by quarter of the measured run (ms): " + trend);
        m.printErrors();
        out.printf(Locale.ROOT, "measured done: ok=%d conflicts=%d errors=%d in %.2f s -> %.1f commands/s; latency p50=%s p99=%s ms; lag p50=%s p99=%s ms (%d samples incl. %d timeouts)%n",
                m.ok.get(), m.conflicts.get(), m.errors.get(), secs, m.ok.get() / secs,
                ms(pct(lat, 50)), ms(pct(lat, 99)), ms(pct(lag, 50)), ms(pct(lag, 99)), lag.length, m.lagTimeouts.get());
        if (m.ok.get() == 0) throw new BenchFailure("no assignment succeeded; first errors: " + m.firstErrors());


        int lastIndex = m.highestOk.get();
        LocalDate lastDate = MEASURED_START.plusDays(lastIndex / shiftTypes);
        QueryPhase cal = new QueryPhase("calendar", querySamples, r -> calendarMonthQuery(r, lastDate));
        cal.run();
        put("calendar_samples", cal.latencies().length);
        put("calendar_errors", cal.errors.get());
        put("calendar_p50_ms", ms(pct(cal.latencies(), 50)));
        put("calendar_p99_ms", ms(pct(cal.latencies(), 99)));
        put("calendar_avg_slots", cal.latencies().length == 0 ? "0" : fmt((double) cal.checkSum.get() / cal.latencies().length, 1));
        cal.print();

        QueryPhase onCall = new QueryPhase("on-call", querySamples, r -> onCallQuery(r, m));
        onCall.run();
        put("oncall_samples", onCall.latencies().length);
        put("oncall_errors", onCall.errors.get());
        put("oncall_missing_assignee", onCall.checkSum.get());
        put("oncall_p50_ms", ms(pct(onCall.latencies(), 50)));
        put("oncall_p99_ms", ms(pct(onCall.latencies(), 99)));
        onCall.print();

        if (coverageRequests > 0) {
            coverageRace();
        }
        if (contendedEdits > 0) {
            contendedEdits();
        }
        return 0;
    }

    // ---------------------------------------------------------------- coverage claims race

    /** Open shifts go after every date the warm-up and the measured assignments used. */
    LocalDate coverageStart() {
        LocalDate afterMeasured = MEASURED_START.plusDays(commands / shiftTypes + 1);
        LocalDate start = LocalDate.of(2029, 1, 1);
        return afterMeasured.isAfter(start) ? afterMeasured : start;
    }

    static final long COVERAGE_PHASE_CAP_NANOS = TimeUnit.MINUTES.toNanos(5);

    /**
     * The admin posts open shifts (one per slot, after every assigned date), then every client claims
     * every request, each for a member of its own, all at once: each request must have exactly one
     * winner (200), every other claim a 409, and afterwards the calendar must show each slot held by
     * exactly the winner of its request.
     */
    void coverageRace() throws Exception {
        final LocalDate COVERAGE_START = coverageStart();
        String[] requestIds = new String[coverageRequests];
        String[] slotKeys = new String[coverageRequests];
        for (int i = 0; i < coverageRequests; i++) {
            String shiftType = shiftTypeIds[i % shiftTypes];
            LocalDate date = COVERAGE_START.plusDays(i / shiftTypes);
            Resp r = call("POST", gp("/coverage-requests"),
                    "{\"slot\":{\"shiftTypeId\":\"" + shiftType + "\",\"date\":\"" + date + "\"}}", true);
            expect(r, 201, "open shift " + i);
            requestIds[i] = str(r.body, "id");
            slotKeys[i] = shiftType + "|" + date;
        }
        out.printf("coverage: %d open shifts posted; %d clients claim each of them at once%n", coverageRequests, clients);
        AtomicInteger won = new AtomicInteger(), lost = new AtomicInteger(), failed = new AtomicInteger();
        ConcurrentLinkedQueue<String> coverageErrors = new ConcurrentLinkedQueue<>();
        String[] winners = new String[coverageRequests];
        AtomicInteger doubleWins = new AtomicInteger();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> work = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            String member = memberIds[c % members];
            work.add(pool.submit(() -> {
                for (int i = 0; i < coverageRequests && System.nanoTime() - start < COVERAGE_PHASE_CAP_NANOS; i++) {
                    long t0 = System.nanoTime();
                    try {
                        Resp r = call("POST", gp("/coverage-requests/" + requestIds[i] + "/claim"),
                                "{\"memberId\":\"" + member + "\"}", true);
                        latencies.add(System.nanoTime() - t0);
                        if (r.status == 200) {
                            won.incrementAndGet();
                            synchronized (winners) {
                                if (winners[i] != null) doubleWins.incrementAndGet();
                                winners[i] = member;
                            }
                        } else if (r.status == 409) {
                            lost.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                            coverageErrors.add(r.status + " " + abbreviate(r.body));
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                        coverageErrors.add(e.toString());
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : work) f.get();
        pool.shutdown();
        long elapsed = System.nanoTime() - start;
        long[] lat = latencies.stream().mapToLong(Long::longValue).sorted().toArray();

        // every slot held by exactly the winner of its request, as the calendar shows it
        int mismatched = 0;
        LocalDate last = COVERAGE_START.plusDays((coverageRequests - 1) / shiftTypes);
        long deadline = System.nanoTime() + CATCH_UP_CAP_NANOS;
        do {
            Resp cal = call("GET", gp("/calendar?from=" + COVERAGE_START + "&to=" + last), null, true);
            Map<String, String> held = assignees(cal.body);
            mismatched = 0;
            for (int i = 0; i < coverageRequests; i++) {
                if (winners[i] == null || !winners[i].equals(held.get(slotKeys[i]))) mismatched++;
            }
            if (mismatched == 0) break;
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);

        double secs = elapsed / 1e9;
        put("coverage_requests", coverageRequests);
        put("claims_issued", lat.length);
        put("claims_won", won.get());
        put("claims_lost_409", lost.get());
        put("claims_error", failed.get());
        put("claims_per_s", fmt(lat.length / secs, 1));
        put("claim_p50_ms", ms(pct(lat, 50)));
        put("claim_p99_ms", ms(pct(lat, 99)));
        put("coverage_double_wins", doubleWins.get());
        put("coverage_slots_not_held_by_winner", mismatched);
        out.printf(Locale.ROOT, "coverage: %d claims in %.2f s -> %.1f claims/s; p50=%s p99=%s ms; won=%d lost(409)=%d errors=%d; "
                        + "double wins=%d; slots not held by their winner=%d%n",
                lat.length, secs, lat.length / secs, ms(pct(lat, 50)), ms(pct(lat, 99)), won.get(), lost.get(), failed.get(),
                doubleWins.get(), mismatched);
        coverageErrors.stream().limit(5).forEach(e -> out.println("coverage claim error e.g. " + e));
        if (won.get() != coverageRequests || doubleWins.get() > 0 || mismatched > 0) {
            throw new BenchFailure("coverage race: " + won.get() + " of " + coverageRequests + " requests won, "
                    + doubleWins.get() + " double wins, " + mismatched + " slots not held by their winner");
        }
    }

    // ---------------------------------------------------------------- contended edits (no edit lost)

    static final LocalDate CONTENDED_DATE = LocalDate.of(2031, 1, 1);
    static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*(\\d+)");
    static final Pattern ASSIGNEE = Pattern.compile("\"assignee\"\\s*:\\s*\"([^\"]+)\"");

    /**
     * Every client edits the same slots (shift type k on one date, k < --contended-slots spread over days) with
     * expectedVersion, through its own node: a 200 is an accepted edit at the version it answers, a 409
     * VERSION_CONFLICT tells the current version and the client tries again, a 409 CONCURRENT_MODIFICATION (two
     * nodes appended the same version at once and the event store refused the second) is tried again as it was. No edit is lost if each slot's accepted versions are
     * 1..n without a repeat; the script then checks n against the slot's events in the event store.
     */
    void contendedEdits() throws Exception {
        int slots = contendedSlots;
        String[] shiftType = new String[slots];
        LocalDate[] date = new LocalDate[slots];
        for (int k = 0; k < slots; k++) {
            shiftType[k] = shiftTypeIds[k % shiftTypes];
            date[k] = CONTENDED_DATE.plusDays(k / shiftTypes);
        }
        Map<Integer, List<Long>> accepted = new java.util.concurrent.ConcurrentHashMap<>();
        AtomicInteger ok = new AtomicInteger(), conflicts = new AtomicInteger(), failed = new AtomicInteger(),
                next = new AtomicInteger(), refusedAppends = new AtomicInteger();
        ConcurrentLinkedQueue<String> samples = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            final int client = c;
            String node = bases[c % bases.length];
            Thread t = new Thread(() -> {
                threadBase.set(node);
                SplittableRandom rnd = new SplittableRandom(client);
                long[] known = new long[slots];
                String[] holder = new String[slots];
                while (next.getAndIncrement() < contendedEdits && System.nanoTime() - start < COVERAGE_PHASE_CAP_NANOS) {
                    int k = rnd.nextInt(slots);
                    for (int attempt = 0; attempt < 50; attempt++) {
                        // someone other than the holder this client knows of: an accepted edit always changes the slot
                        int pick = client * 2 + attempt + rnd.nextInt(2);
                        String member = memberIds[pick % members];
                        if (member.equals(holder[k])) member = memberIds[(pick + 1) % members];
                        String body = "{\"memberId\":\"" + member + "\",\"reason\":\"contended\",\"expectedVersion\":" + known[k] + "}";
                        Resp r;
                        try {
                            r = call("PUT", gp("/slots/" + shiftType[k] + "/" + date[k] + "/assignee"), body, true);
                        } catch (IOException | InterruptedException e) {
                            failed.incrementAndGet();
                            samples.add(e.toString());
                            break;
                        }
                        Matcher v = VERSION.matcher(r.body);
                        Matcher a = ASSIGNEE.matcher(r.body);
                        if (r.status == 200 && v.find()) {
                            long version = Long.parseLong(v.group(1));
                            accepted.computeIfAbsent(k, x -> java.util.Collections.synchronizedList(new ArrayList<>())).add(version);
                            ok.incrementAndGet();
                            known[k] = version;
                            holder[k] = member;
                            break;
                        } else if (r.status == 409 && v.find()) {
                            conflicts.incrementAndGet();
                            known[k] = Long.parseLong(v.group(1));
                            holder[k] = a.find() ? a.group(1) : null;
                        } else if (r.status == 409 && r.body.contains("CONCURRENT_MODIFICATION")) {
                            // another node appended this version first: the store refused ours; ask again
                            refusedAppends.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                            if (samples.size() < 5) samples.add(r.status + " " + abbreviate(r.body));
                            break;
                        }
                    }
                }
            }, "contended-" + c);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) t.join(COVERAGE_PHASE_CAP_NANOS / 1_000_000 + 60_000);
        double secs = (System.nanoTime() - start) / 1e9;
        int repeated = 0, missing = 0;
        StringBuilder perSlot = new StringBuilder();
        for (int k = 0; k < slots; k++) {
            List<Long> versions = new ArrayList<>(accepted.getOrDefault(k, List.of()));
            java.util.Collections.sort(versions);
            long distinct = versions.stream().distinct().count();
            repeated += versions.size() - distinct;
            long max = versions.isEmpty() ? 0 : versions.get(versions.size() - 1);
            missing += max - distinct;
            perSlot.append(k == 0 ? "" : ",").append(shiftType[k]).append('/').append(date[k]).append('=').append(max);
        }
        put("contended_edits_ok", ok.get());
        put("contended_conflicts_409", conflicts.get());
        put("contended_appends_refused_409", refusedAppends.get());
        put("contended_errors", failed.get());
        put("contended_edits_per_s", fmt(ok.get() / secs, 1));
        put("contended_versions_repeated", repeated);
        put("contended_versions_missing", missing);
        put("contended_slot_versions", perSlot);
        out.printf(Locale.ROOT, "contended edits: %d accepted, %d answered 409 VERSION_CONFLICT, %d 409 CONCURRENT_MODIFICATION "
                + "(an append refused by the store), %d errors in %.1f s; versions accepted twice: %d, versions never seen accepted: %d%n",
                ok.get(), conflicts.get(), refusedAppends.get(), failed.get(), secs, repeated, missing);
        samples.forEach(e -> out.println("contended edit error e.g. " + e));
        if (repeated > 0 || failed.get() > 0) {
            throw new BenchFailure("contended edits: " + repeated + " versions accepted twice, " + failed.get() + " errors");
        }
    }

    // ---------------------------------------------------------------- set-up

    void setUp() throws Exception {
        Resp r = call("POST", "/api/v1/auth/login",
                "{\"username\":" + q(username) + ",\"password\":" + q(password) + "}", false);
        expect(r, 200, "login");
        token = str(r.body, "token");
        if (token == null) throw new BenchFailure("login answered without a token: " + r.body);

        r = call("POST", "/api/v1/groups", "{\"name\":\"Bench\",\"timeZone\":\"" + TIME_ZONE + "\"}", true);
        expect(r, 201, "create group");
        groupId = str(r.body, "id");

        memberIds = new String[members];
        boolean uk = false;
        for (int i = 0; i < members; i++) {
            r = call("POST", gp("/members"), memberBody(i, uk), true);
            if (i == 0 && !uk && r.status == 400 && r.body.contains("PHONE_INVALID")) {
                out.println("server rejected +1312555 numbers (PHONE_INVALID); using +447700900xxx");
                uk = true;
                phoneScheme = "UK +447700900xxx";
                r = call("POST", gp("/members"), memberBody(i, uk), true);
            }
            expect(r, 201, "create member " + i);
            memberIds[i] = str(r.body, "id");
        }

        shiftTypeIds = new String[shiftTypes];
        for (int k = 0; k < shiftTypes; k++) {
            String body = "{\"name\":\"Hour " + (k + 1) + "\",\"startTime\":\"" + startTime(k) + "\",\"durationHours\":1,"
                    + "\"daysOfWeek\":[\"MONDAY\",\"TUESDAY\",\"WEDNESDAY\",\"THURSDAY\",\"FRIDAY\",\"SATURDAY\",\"SUNDAY\"]}";
            r = call("POST", gp("/shift-types"), body, true);
            expect(r, 201, "create shift type " + k);
            shiftTypeIds[k] = str(r.body, "id");
        }
        put("group_id", groupId);
        put("phone_scheme", phoneScheme);
        out.printf("set-up: group %s, %d members (%s), %d shift types%n", groupId, members, phoneScheme, shiftTypes);
    }

    String memberBody(int i, boolean uk) {
        String phone = uk ? String.format("+447700900%03d", i) : String.format("+1312555%04d", 100 + i);
        return "{\"name\":\"Member " + i + "\",\"phone\":\"" + phone + "\",\"role\":\"MEMBER\"}";
    }

    static String startTime(int k) {
        return String.format("%02d:00", 8 + 2 * k);
    }

    // ---------------------------------------------------------------- commands

    /** Command i assigns slot (shift type i % S, date start + i / S) to member i % M. */
    final class CommandPhase {
        final LocalDate start;
        final int count;
        final boolean measured;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger issued = new AtomicInteger(), ok = new AtomicInteger(), conflicts = new AtomicInteger(),
                errors = new AtomicInteger(), lagTimeouts = new AtomicInteger(), highestOk = new AtomicInteger(-1);
        final ConcurrentLinkedQueue<long[]> latencyChunks = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();
        final Map<String, AtomicInteger> errorCounts = new java.util.concurrent.ConcurrentHashMap<>();
        final LagPoller lagPoller = new LagPoller(lagTimeouts);
        volatile boolean capped;
        long startedAt, elapsedNanos;

        CommandPhase(LocalDate start, int count, boolean measured) {
            this.start = start;
            this.count = count;
            this.measured = measured;
        }

        void run() throws InterruptedException {
            Thread poller = new Thread(lagPoller, "lag-poller");
            poller.setDaemon(true);
            if (measured) poller.start();
            long t0 = System.nanoTime();
            startedAt = t0;
            long deadline = t0 + COMMAND_PHASE_CAP_NANOS;
            List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                String node = bases[c % bases.length];
                Thread t = new Thread(() -> {
                    threadBase.set(node);
                    worker(deadline);
                }, "client-" + c);
                t.setDaemon(true);
                threads.add(t);
                t.start();
            }
            for (Thread t : threads) {
                // bounded: the deadline plus one full lag poll and one HTTP timeout
                t.join(TimeUnit.NANOSECONDS.toMillis(Math.max(0, deadline - System.nanoTime()))
                        + LAG_GIVE_UP_NANOS / 1_000_000 + 2 * HTTP_TIMEOUT.toMillis());
            }
            elapsedNanos = System.nanoTime() - t0;
            this.poller = poller;
        }

        Thread poller;

        /** Lets the poller resolve the samples still pending (each gives up after 10 s) and stops it. */
        void finishLag() throws InterruptedException {
            lagPoller.stopping = true;
            if (measured) poller.join(LAG_GIVE_UP_NANOS / 1_000_000 + 2 * HTTP_TIMEOUT.toMillis());
        }

        void worker(long deadline) {
            LongList lat = new LongList();
            try {
                while (true) {
                    if (System.nanoTime() > deadline) {
                        capped = true;
                        break;
                    }
                    int i = next.getAndIncrement();
                    if (i >= count) break;
                    issued.incrementAndGet();
                    String shiftTypeId = shiftTypeIds[i % shiftTypes];
                    LocalDate date = start.plusDays(i / shiftTypes);
                    String memberId = memberIds[i % members];
                    String path = gp("/slots/" + shiftTypeId + "/" + date + "/assignee");
                    String body = "{\"memberId\":\"" + memberId + "\",\"reason\":\"bench\"}";
                    long s = System.nanoTime();
                    Resp r;
                    try {
                        r = call("PUT", path, body, true);
                    } catch (IOException | InterruptedException e) {
                        error("exception " + e.getClass().getSimpleName(), e.toString());
                        continue;
                    }
                    long done = System.nanoTime();
                    if (r.status == 200) {
                        ok.incrementAndGet();
                        highestOk.accumulateAndGet(i, Math::max);
                        if (measured) {
                            lat.add(done - s);
                            if (i % lagEvery == 0) lagPoller.incoming.add(new LagSample(shiftTypeId, date, memberId, done));
                        }
                    } else if (r.status == 409) {
                        conflicts.incrementAndGet();
                        error("409", r.status + " " + path + " " + abbreviate(r.body));
                    } else {
                        error(String.valueOf(r.status), r.status + " " + path + " " + abbreviate(r.body));
                    }
                }
            } finally {
                latencyChunks.add(lat.toArray());
            }
        }

        void error(String key, String sample) {
            if (!key.equals("409")) errors.incrementAndGet();
            errorCounts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            if (errorSamples.size() < 5) errorSamples.add(sample);
        }

        long[] latencies() { return concat(latencyChunks); }

        /** Lag samples, sorted; a sample that gave up (not visible after 10 s) counts as Long.MAX_VALUE. */
        long[] lags() {
            long[] seen = lagPoller.lags.toArray();
            long[] l = Arrays.copyOf(seen, seen.length + lagTimeouts.get());
            Arrays.fill(l, seen.length, l.length, Long.MAX_VALUE);
            Arrays.sort(l);
            return l;
        }

        /** Median lag of the samples accepted in each quarter of the measured phase. */
        String lagTrend() {
            long[] at = lagPoller.sampleAcceptedAt.toArray(), lag = lagPoller.sampleLag.toArray();
            StringBuilder sb = new StringBuilder();
            for (int q = 0; q < 4; q++) {
                LongList part = new LongList();
                for (int j = 0; j < at.length; j++) {
                    int quarter = (int) Math.min(3, Math.max(0, 4 * (at[j] - startedAt) / Math.max(1, elapsedNanos)));
                    if (quarter == q) part.add(lag[j]);
                }
                long[] p = part.toArray();
                Arrays.sort(p);
                sb.append(q == 0 ? "" : " / ").append(ms(pct(p, 50)));
            }
            return sb.toString();
        }

        String firstErrors() { return errorCounts + " " + errorSamples; }

        void printErrors() {
            if (!errorCounts.isEmpty()) {
                out.println("non-200 answers by kind: " + errorCounts);
                errorSamples.forEach(e -> out.println("  e.g. " + e));
            }
        }
    }

    // ---------------------------------------------------------------- CPU accounting

    static final double CLOCK_TICK_S = 0.01; // USER_HZ = 100 on Linux

    /** utime + stime of a process, in clock ticks, or -1 if it is gone. */
    static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);   // fields 14 and 15 of stat(5)
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Transactions committed in the benchmark's database so far (pg_stat_database), or -1. */
    long pgCommits() {
        try {
            Process p = new ProcessBuilder("psql", "-X", "-A", "-t", "-d", pgDatabase, "-c",
                    "select xact_commit from pg_stat_database where datname = current_database()")
                    .redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor(10, TimeUnit.SECONDS);
            return text.matches("\\d+") ? Long.parseLong(text) : -1;
        } catch (IOException | InterruptedException e) {
            return -1;
        }
    }

    /** The PostgreSQL processes that serve the benchmark: its database's backends and the server's own. */
    List<Long> pgPids() {
        List<Long> pids = new ArrayList<>();
        try {
            Process p = new ProcessBuilder("psql", "-X", "-A", "-t", "-d", pgDatabase, "-c",
                    "select pid from pg_stat_activity where (datname = current_database() or datname is null)"
                            + " and pid <> pg_backend_pid()")
                    .redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(10, TimeUnit.SECONDS);
            for (String line : text.split("\\s+")) if (line.matches("\\d+")) pids.add(Long.parseLong(line));
        } catch (IOException | InterruptedException e) {
            out.println("cpu: cannot list PostgreSQL processes: " + e);
        }
        return pids;
    }

    static final long IDLE_MEASURE_MILLIS = 10_000;

    /**
     * Rota's CPU per second with no request coming in (processors, JobRunr and metrics polling), over 10 s after
     * the warm-up has been projected: what every second costs whatever the load, so that the CPU per command can
     * be given without it too (at a low command rate that constant share dominates the per-command figure).
     */
    double idleCpuPerSecond() throws InterruptedException {
        if (rotaPid <= 0) return -1;
        Thread.sleep(2_000);
        long before = rotaTicks();
        long t0 = System.nanoTime();
        Thread.sleep(IDLE_MEASURE_MILLIS);
        long after = rotaTicks();
        double secs = (System.nanoTime() - t0) / 1e9;
        return before < 0 || after < 0 ? -1 : (after - before) * CLOCK_TICK_S / secs;
    }

    /** CPU ticks of every Rota node, added up; -1 if one is gone. */
    long rotaTicks() {
        long sum = 0;
        for (long pid : rotaPids) {
            long t = cpuTicks(pid);
            if (t < 0) return -1;
            sum += t;
        }
        return sum;
    }

    /** CPU seconds of Rota, PostgreSQL and this driver over one phase. */
    final class CpuMeter {
        final long rotaStart = rotaPid > 0 ? rotaTicks() : -1;
        final Map<Long, Long> pgStart = new LinkedHashMap<>();
        final long selfStart = selfCpuNanos();
        final long commitsStart = rotaPid > 0 ? pgCommits() : -1;
        long rotaTicks = -1, pgTicks = -1, selfNanos, commits = -1;

        CpuMeter() {
            if (rotaPid > 0) for (long pid : pgPids()) pgStart.put(pid, cpuTicks(pid));
        }

        void stop() {
            selfNanos = selfCpuNanos() - selfStart;
            if (rotaPid <= 0) return;
            long c = pgCommits();
            commits = c < 0 || commitsStart < 0 ? -1 : c - commitsStart;
            long r = rotaTicks();
            rotaTicks = r < 0 || rotaStart < 0 ? -1 : r - rotaStart;
            long pg = 0;
            for (long pid : pgPids()) {
                long now = cpuTicks(pid);
                if (now < 0) continue;
                pg += now - Math.max(0, pgStart.getOrDefault(pid, 0L));  // a backend started during the phase counts whole
            }
            pgTicks = pg;
        }

        void report(int commandsOk, double wallSeconds) {
            put("driver_cpu_s", fmt(selfNanos / 1e9, 1));
            if (rotaTicks < 0) return;
            put("rota_cpu_s", fmt(rotaTicks * CLOCK_TICK_S, 1));
            put("pg_cpu_s", fmt(pgTicks * CLOCK_TICK_S, 1));
            put("rota_cpu_ms_per_command", commandsOk == 0 ? "n/a" : fmt(rotaTicks * CLOCK_TICK_S * 1000 / commandsOk, 2));
            put("pg_cpu_ms_per_command", commandsOk == 0 ? "n/a" : fmt(pgTicks * CLOCK_TICK_S * 1000 / commandsOk, 2));
            put("rota_cores_busy", fmt(rotaTicks * CLOCK_TICK_S / wallSeconds, 2));
            if (commits >= 0 && commandsOk > 0) put("pg_commits_per_command", fmt((double) commits / commandsOk, 1));
            out.printf(Locale.ROOT, "cpu over the measured phase: Rota %.1f s (%.2f ms per command), PostgreSQL %.1f s, driver %.1f s%n",
                    rotaTicks * CLOCK_TICK_S, rotaTicks * CLOCK_TICK_S * 1000 / Math.max(1, commandsOk),
                    pgTicks * CLOCK_TICK_S, selfNanos / 1e9);
        }
    }

    static long selfCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Runs jcmd against Rota (JFR start and stop around the measured phase). */
    void jcmd(String... args) {
        if (rotaPid <= 0) throw new BenchFailure("--jfr needs --rota-pid");
        List<String> cmd = new ArrayList<>(List.of("jcmd", String.valueOf(rotaPid)));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) out.println("jcmd " + cmd + " failed: " + text);
        } catch (IOException | InterruptedException e) {
            throw new BenchFailure("jcmd: " + e);
        }
    }

    record LagSample(String shiftTypeId, LocalDate date, String memberId, long acceptedAt) {}

    /**
     * Projection lag: nanos from a PUT's 200 until a calendar read shows that slot's assignee.
     * One dedicated thread (so the command clients never wait for the projection) repeatedly reads
     * the calendar over the dates of all pending samples (one request, ~2 ms apart) and records each
     * sample when its assignee appears; a sample not visible after 10 s counts as a timeout.
     */
    final class LagPoller implements Runnable {
        final ConcurrentLinkedQueue<LagSample> incoming = new ConcurrentLinkedQueue<>();
        final List<LagSample> pending = new ArrayList<>();
        final LongList lags = new LongList(), pollTimes = new LongList();
        /** every sample in completion order: when it was accepted, and its lag (Long.MAX_VALUE: gave up) */
        final LongList sampleAcceptedAt = new LongList(), sampleLag = new LongList();
        final AtomicInteger timeouts;
        volatile int polls, pollErrors;
        volatile String pollErrorSample;
        volatile boolean stopping;

        LagPoller(AtomicInteger timeouts) { this.timeouts = timeouts; }

        @Override
        public void run() {
            while (true) {
                for (LagSample s; (s = incoming.poll()) != null; ) pending.add(s);
                if (pending.isEmpty()) {
                    if (stopping && incoming.isEmpty()) return;
                    sleepNanos(TimeUnit.MILLISECONDS.toNanos(1));
                    continue;
                }
                long now = System.nanoTime();
                pending.removeIf(p -> {
                    if (now - p.acceptedAt() <= LAG_GIVE_UP_NANOS) return false;
                    timeouts.incrementAndGet();
                    sampleAcceptedAt.add(p.acceptedAt());
                    sampleLag.add(Long.MAX_VALUE);
                    return true;
                });
                if (pending.isEmpty()) continue;
                LocalDate from = pending.get(0).date(), to = from;
                for (LagSample p : pending) {
                    if (p.date().isBefore(from)) from = p.date();
                    if (p.date().isAfter(to)) to = p.date();
                }
                long sent = System.nanoTime();
                polls++;
                try {
                    Resp r = call("GET", gp("/calendar?from=" + from + "&to=" + to), null, true);
                    long seen = System.nanoTime();
                    pollTimes.add(seen - sent);
                    if (r.status != 200) {
                        pollErrors++;
                        pollErrorSample = r.status + " " + abbreviate(r.body);
                    } else {
                        Map<String, String> assignees = assignees(r.body);
                        pending.removeIf(p -> {
                            if (!p.memberId().equals(assignees.get(p.shiftTypeId() + "|" + p.date()))) return false;
                            lags.add(seen - p.acceptedAt());
                            sampleAcceptedAt.add(p.acceptedAt());
                            sampleLag.add(seen - p.acceptedAt());
                            return true;
                        });
                    }
                } catch (IOException | InterruptedException e) {
                    pollErrors++;
                    pollErrorSample = e.toString();
                }
                sleepNanos(LAG_POLL_INTERVAL_NANOS);
            }
        }
    }

    static final Pattern SHIFT_TYPE_ID = Pattern.compile("\"shiftTypeId\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern DATE = Pattern.compile("\"date\"\\s*:\\s*\"(\\d{4}-\\d{2}-\\d{2})\"");
    static final Pattern MEMBER_ID = Pattern.compile("\"memberId\"\\s*:\\s*\"([^\"]+)\"");

    /** "shiftTypeId|date" -> assignee memberId for every slot object of a calendar answer that has one. */
    static Map<String, String> assignees(String json) {
        Map<String, String> result = new java.util.HashMap<>();
        Matcher m = SHIFT_TYPE_ID.matcher(json);
        while (m.find()) {
            int open = enclosingOpen(json, m.start());
            int close = matchingClose(json, open);
            if (open < 0 || close <= open) continue;
            String slot = json.substring(open, close);
            Matcher d = DATE.matcher(slot), mem = MEMBER_ID.matcher(slot);
            if (d.find() && mem.find()) result.put(m.group(1) + "|" + d.group(1), mem.group(1));
        }
        return result;
    }

    static int enclosingOpen(String s, int from) {
        int depth = 0;
        for (int i = from; i >= 0; i--) {
            char c = s.charAt(i);
            if (c == '}') depth++;
            else if (c == '{') {
                if (depth == 0) return i;
                depth--;
            }
        }
        return -1;
    }

    static int matchingClose(String s, int open) {
        if (open < 0) return -1;
        int depth = 0;
        boolean inString = false;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (inString) {
                if (c == '\\') i++;
                else if (c == '"') inString = false;
            } else if (c == '"') inString = true;
            else if (c == '{') depth++;
            else if (c == '}' && --depth == 0) return i + 1;
        }
        return -1;
    }

    long waitCaughtUp(CommandPhase m) {
        int i = m.highestOk.get();
        if (i < 0) return -1;
        String shiftTypeId = shiftTypeIds[i % shiftTypes];
        LocalDate date = MEASURED_START.plusDays(i / shiftTypes);
        long t0 = m.startedAt + m.elapsedNanos;
        long l = measureLagUntil(shiftTypeId, date, memberIds[i % members], t0, CATCH_UP_CAP_NANOS);
        out.println(l < 0 ? "catch-up: last assignment not visible after 60 s"
                : "catch-up: last assignment visible after " + ms(l) + " ms");
        return l;
    }

    long measureLagUntil(String shiftTypeId, LocalDate date, String memberId, long t0, long cap) {
        String path = gp("/calendar?from=" + date + "&to=" + date);
        while (System.nanoTime() - t0 < cap) {
            try {
                Resp r = call("GET", path, null, true);
                if (r.status == 200 && memberId.equals(assignees(r.body).get(shiftTypeId + "|" + date)))
                    return System.nanoTime() - t0;
            } catch (IOException | InterruptedException e) {
                // retry until the cap
            }
            sleepNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        return -1;
    }

    // ---------------------------------------------------------------- queries

    interface Query {
        /** Runs one query; returns the check value to add (or -1 for an error). */
        long run(SplittableRandom r) throws IOException, InterruptedException;
    }

    final class QueryPhase {
        final String name;
        final int count;
        final Query query;
        final AtomicInteger next = new AtomicInteger(), errors = new AtomicInteger();
        final AtomicLong checkSum = new AtomicLong();
        final ConcurrentLinkedQueue<long[]> chunks = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();
        long elapsedNanos;

        QueryPhase(String name, int count, Query query) {
            this.name = name;
            this.count = count;
            this.query = query;
        }

        void run() throws InterruptedException {
            long t0 = System.nanoTime();
            long deadline = t0 + QUERY_PHASE_CAP_NANOS;
            CountDownLatch done = new CountDownLatch(clients);
            for (int c = 0; c < clients; c++) {
                final long seed = 1000L * name.hashCode() + c;
                Thread t = new Thread(() -> {
                    LongList lat = new LongList();
                    SplittableRandom rnd = new SplittableRandom(seed);
                    try {
                        while (System.nanoTime() < deadline && next.getAndIncrement() < count) {
                            long s = System.nanoTime();
                            try {
                                long check = query.run(rnd);
                                long e = System.nanoTime();
                                if (check < 0) errors.incrementAndGet();
                                else {
                                    lat.add(e - s);
                                    checkSum.addAndGet(check);
                                }
                            } catch (QueryError qe) {
                                errors.incrementAndGet();
                                if (errorSamples.size() < 3) errorSamples.add(qe.getMessage());
                            } catch (IOException | InterruptedException e) {
                                errors.incrementAndGet();
                                if (errorSamples.size() < 3) errorSamples.add(e.toString());
                            }
                        }
                    } finally {
                        chunks.add(lat.toArray());
                        done.countDown();
                    }
                }, name + "-" + c);
                t.setDaemon(true);
                t.start();
            }
            done.await(QUERY_PHASE_CAP_NANOS + TimeUnit.SECONDS.toNanos(30), TimeUnit.NANOSECONDS);
            elapsedNanos = System.nanoTime() - t0;
        }

        long[] latencies() { return concat(chunks); }

        void print() {
            long[] l = latencies();
            out.printf(Locale.ROOT, "%s queries: %d ok, %d errors in %.2f s; p50=%s p99=%s ms%n",
                    name, l.length, errors.get(), elapsedNanos / 1e9, ms(pct(l, 50)), ms(pct(l, 99)));
            errorSamples.forEach(e -> out.println("  e.g. " + e));
        }
    }

    static final class QueryError extends IOException {
        QueryError(String m) { super(m); }
    }

    static final Pattern ASSIGNED = Pattern.compile("\"status\"\\s*:\\s*\"ASSIGNED\"");

    /** A whole-month calendar inside the measured date range; check value = ASSIGNED slots seen. */
    long calendarMonthQuery(SplittableRandom r, LocalDate lastDate) throws IOException, InterruptedException {
        long months = Math.max(1, (lastDate.getYear() - MEASURED_START.getYear()) * 12L
                + lastDate.getMonthValue() - MEASURED_START.getMonthValue() + 1);
        LocalDate from = MEASURED_START.withDayOfMonth(1).plusMonths(r.nextLong(months));
        LocalDate to = from.plusMonths(1).minusDays(1);
        Resp resp = call("GET", gp("/calendar?from=" + from + "&to=" + to), null, true);
        if (resp.status != 200) throw new QueryError("calendar " + from + ": " + resp.status + " " + abbreviate(resp.body));
        Matcher m = ASSIGNED.matcher(resp.body);
        long n = 0;
        while (m.find()) n++;
        return n;
    }

    /** On-call at the middle of a slot assigned in the measured run; check value = 1 if its assignee is missing. */
    long onCallQuery(SplittableRandom r, CommandPhase m) throws IOException, InterruptedException {
        int i = r.nextInt(m.highestOk.get() + 1);
        int k = i % shiftTypes;
        LocalDate date = MEASURED_START.plusDays(i / shiftTypes);
        ZonedDateTime at = ZonedDateTime.of(date, LocalTime.of(8 + 2 * k, 30), ZoneId.of(TIME_ZONE));
        String atText = at.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        Resp resp = call("GET", gp("/on-call?at=" + URLEncoder.encode(atText, StandardCharsets.UTF_8)), null, true);
        if (resp.status != 200) throw new QueryError("on-call " + atText + ": " + resp.status + " " + abbreviate(resp.body));
        return resp.body.contains(memberIds[i % members]) ? 0 : 1;
    }

    void queryWarmup() {
        int n = Math.min(50, Math.max(0, warmup));
        for (int j = 0; j < n; j++) {
            try {
                call("GET", gp("/calendar?from=2026-12-01&to=2026-12-31"), null, true);
                call("GET", gp("/on-call?at=" + URLEncoder.encode("2026-12-01T08:30:00-06:00", StandardCharsets.UTF_8)), null, true);
            } catch (IOException | InterruptedException e) {
                // warm-up only
            }
        }
    }

    // ---------------------------------------------------------------- HTTP and JSON

    record Resp(int status, String body) {}

    Resp call(String method, String path, String body, boolean auth) throws IOException, InterruptedException {
        String node = threadBase.get();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create((node == null ? base : node) + path))
                .timeout(HTTP_TIMEOUT)
                .header("Accept", "application/json");
        if (auth) b.header("Authorization", "Bearer " + token);
        if (body != null) {
            b.header("Content-Type", "application/json");
            b.method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Resp(r.statusCode(), r.body() == null ? "" : r.body());
    }

    void expect(Resp r, int status, String what) {
        if (r.status != status)
            throw new BenchFailure(what + ": expected " + status + ", got " + r.status + " " + abbreviate(r.body));
    }

    String gp(String suffix) { return "/api/v1/groups/" + groupId + suffix; }

    static String str(String json, String field) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(field) + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    static String q(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static String abbreviate(String s) {
        s = s.replaceAll("\\s+", " ");
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    static final class BenchFailure extends RuntimeException {
        BenchFailure(String m) { super(m); }
    }

    // ---------------------------------------------------------------- numbers

    static final class LongList {
        long[] a = new long[1024];
        int n;

        void add(long v) {
            if (n == a.length) a = Arrays.copyOf(a, n * 2);
            a[n++] = v;
        }

        long[] toArray() { return Arrays.copyOf(a, n); }
    }

    static long[] concat(ConcurrentLinkedQueue<long[]> chunks) {
        long[] all = chunks.stream().flatMapToLong(Arrays::stream).toArray();
        Arrays.sort(all);
        return all;
    }

    /** Nearest-rank percentile of a sorted array; -1 when empty. */
    static long pct(long[] sorted, double p) {
        if (sorted.length == 0) return -1;
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
    }

    static String ms(long nanos) {
        if (nanos == Long.MAX_VALUE) return ">" + LAG_GIVE_UP_NANOS / 1_000_000;
        return nanos < 0 ? "n/a" : fmt(nanos / 1e6, nanos < 10_000_000 ? 2 : 1);
    }

    static String fmt(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    static void sleepNanos(long n) {
        try {
            Thread.sleep(n / 1_000_000, (int) (n % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void put(String k, Object v) { results.put(k, String.valueOf(v)); }

    void writeResults() throws IOException {
        if (outFile == null) return;
        StringBuilder sb = new StringBuilder();
        results.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        Files.writeString(outFile, sb.toString());
    }
}
