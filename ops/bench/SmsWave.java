// Daily-reminder wave driver. Single file, JDK 17 only, run with the source launcher by ops/bench/sms-wave.sh:
//   java ops/bench/SmsWave.java --base http://localhost:18181 --fake http://127.0.0.1:18282
//        [--groups 20] [--members 500] [--clients 8] [--lead-seconds 120] [--zone auto]
//        [--assigned-timeout-seconds 900] [--wave-timeout-seconds 900] [--password bench-admin-pw] [--out results.properties]
//        [--scheduled-file FILE (gets the reminder instant, epoch seconds, once it is set)]
//
// Set-up: groups × members, each member with a phone of its own (+1312555xxxx, then +1773555xxxx, …), one
// 1-hour shift type per member ("Post k", starting between 3 h from now and 22:00 local) and today's slot of it
// assigned to that member, so every member holds exactly one slot later today and no member holds two.
// Those assignments are future slots assigned by an admin, so each also sends an ASSIGNED SMS: the driver waits
// until the fake has received them all, then resets the fake's statistics.
// Wave: every group's dailyReminderTime is set to the next whole minute at least --lead-seconds ahead (group-local),
// quiet hours off; the driver waits until the fake has received one reminder ("you are on call today") per member
// or the timeout, and reports the delays from the scheduled instant to the first and last send.
// Groups are created with dailyReminderTime 23:59: a group created after its reminder time has its day done at
// once (with nobody to remind), and a later reminder time the same day would then send nothing.

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class SmsWave {

    static final Duration HTTP_TIMEOUT = Duration.ofSeconds(10);
    static final PrintStream out = System.out;
    static final String[] AREA_CODES = {"312", "773", "872", "630", "847", "708", "224", "331"};
    /** Tried in this order when --zone is auto: the first whose local time leaves the rest of the day for the run. */
    static final String[] ZONES = {"America/Chicago", "UTC", "America/New_York", "America/Los_Angeles", "Pacific/Honolulu",
            "Pacific/Pago_Pago", "Pacific/Kiritimati", "Pacific/Auckland", "Asia/Tokyo", "Asia/Shanghai", "Asia/Kolkata",
            "Asia/Dubai", "Europe/Moscow", "Europe/Berlin", "Atlantic/Azores", "America/Sao_Paulo", "America/Denver"};
    static final LocalTime PLACEHOLDER_REMINDER = LocalTime.of(23, 59);
    static final int LAST_START_HOUR = 22;

    // settings
    String base = "http://localhost:18181", fake = "http://127.0.0.1:18282";
    int groups = 20, members = 500, clients = 8, leadSeconds = 120;
    int assignedTimeoutSeconds = 900, waveTimeoutSeconds = 900;
    String zoneArg = "auto", username = "admin", password = "bench-admin-pw";
    Path outFile, scheduledFile;

    // state
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(HTTP_TIMEOUT).build();
    final Map<String, String> results = new LinkedHashMap<>();
    String token;
    ZoneId zone;
    LocalDate today;
    int firstStartHour;
    String[] groupIds;
    String[][] memberIds, shiftTypeIds;

    public static void main(String[] args) throws Exception {
        SmsWave w = new SmsWave();
        w.parseArgs(args);
        int rc;
        try {
            rc = w.run();
        } catch (BenchFailure e) {
            out.println("SMS WAVE FAILED: " + e.getMessage());
            w.results.put("failure", e.getMessage().replaceAll("\\s+", " "));
            rc = 2;
        }
        w.writeResults();
        System.exit(rc);
    }

    void parseArgs(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help")) {
                out.println("usage: java SmsWave.java --base URL --fake URL [--groups N] [--members N] [--clients N]"
                        + " [--lead-seconds N] [--zone auto|ZONE] [--assigned-timeout-seconds N] [--wave-timeout-seconds N]"
                        + " [--username U] [--password P] [--out FILE] [--scheduled-file FILE]");
                System.exit(0);
            }
            if (i + 1 >= args.length) throw new IllegalArgumentException("missing value for " + a);
            String v = args[++i];
            switch (a) {
                case "--base" -> base = v.replaceAll("/+$", "");
                case "--fake" -> fake = v.replaceAll("/+$", "");
                case "--groups" -> groups = positive(a, v);
                case "--members" -> members = positive(a, v);
                case "--clients" -> clients = positive(a, v);
                case "--lead-seconds" -> leadSeconds = positive(a, v);
                case "--zone" -> zoneArg = v;
                case "--assigned-timeout-seconds" -> assignedTimeoutSeconds = positive(a, v);
                case "--wave-timeout-seconds" -> waveTimeoutSeconds = positive(a, v);
                case "--username" -> username = v;
                case "--password" -> password = v;
                case "--out" -> outFile = Path.of(v);
                case "--scheduled-file" -> scheduledFile = Path.of(v);
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if ((long) groups * members > 10_000L * AREA_CODES.length)
            throw new IllegalArgumentException("at most " + 10_000 * AREA_CODES.length + " members in all (phone numbers)");
    }

    static int positive(String name, String v) {
        int n = Integer.parseInt(v);
        if (n <= 0) throw new IllegalArgumentException(name + " must be > 0");
        return n;
    }

    int total() { return groups * members; }

    int run() throws Exception {
        pickZone();
        out.printf(Locale.ROOT, "SmsWave: base=%s fake=%s groups=%d members/group=%d (%d in all) clients=%d lead=%d s zone=%s (local now %s)%n",
                base, fake, groups, members, total(), clients, leadSeconds, zone,
                ZonedDateTime.now(zone).toLocalTime().truncatedTo(ChronoUnit.SECONDS));
        put("zone", zone.getId());
        put("members_total", total());
        put("groups", groups);
        put("members_per_group", members);
        put("clients", clients);
        put("phones", "+1" + AREA_CODES[0] + "555xxxx" + (total() > 10_000 ? ", +1" + AREA_CODES[1] + "555xxxx, …" : ""));
        checkFake();
        setUp();
        waitAssignedWave();
        wave();
        return 0;
    }

    // ---------------------------------------------------------------- zone

    void pickZone() {
        List<String> candidates = zoneArg.equals("auto") ? List.of(ZONES) : List.of(zoneArg);
        for (String id : candidates) {
            ZoneId z = ZoneId.of(id);
            LocalTime local = ZonedDateTime.now(z).toLocalTime();
            // room for the set-up (well under 3 h) before the first shift, and for all shifts before 22:00
            if (!local.isBefore(LocalTime.of(0, 30)) && local.isBefore(LocalTime.of(LAST_START_HOUR - 4, 0))) {
                zone = z;
                today = ZonedDateTime.now(z).toLocalDate();
                firstStartHour = local.getHour() + 3 + (local.getMinute() > 0 ? 1 : 0);
                return;
            }
        }
        throw new BenchFailure("no time zone among " + candidates + " has a local time between 00:30 and "
                + (LAST_START_HOUR - 4) + ":00 now; pass --zone with one that does");
    }

    LocalTime startOf(int k) {
        int span = LAST_START_HOUR - firstStartHour + 1;
        return LocalTime.of(firstStartHour + k % span, 0);
    }

    // ---------------------------------------------------------------- set-up

    void checkFake() throws Exception {
        Map<String, String> s = fakeStats();
        if (!s.containsKey("all_count")) throw new BenchFailure("the fake Twilio at " + fake + " does not answer /stats");
    }

    void setUp() throws Exception {
        Resp r = call("POST", base + "/api/v1/auth/login", "{\"username\":" + q(username) + ",\"password\":" + q(password) + "}", false);
        expect(r, 200, "login");
        token = str(r.body, "token");

        long t0 = System.nanoTime();
        groupIds = new String[groups];
        for (int g = 0; g < groups; g++) {
            r = call("POST", base + "/api/v1/groups", "{\"name\":\"Wave " + (g + 1) + "\",\"timeZone\":\"" + zone.getId() + "\","
                    + "\"settings\":{\"dailyReminderTime\":\"" + PLACEHOLDER_REMINDER + "\",\"quietHoursStart\":\"00:00\",\"quietHoursEnd\":\"00:00\"}}", true);
            expect(r, 201, "create group " + g);
            groupIds[g] = str(r.body, "id");
        }
        memberIds = new String[groups][members];
        shiftTypeIds = new String[groups][members];

        Phase p = parallel("members", total(), i -> {
            int g = i / members, k = i % members;
            String body = "{\"name\":\"Member " + (g + 1) + "-" + (k + 1) + "\",\"phone\":\"" + phone(i) + "\",\"role\":\"MEMBER\"}";
            return new Step("POST", gp(g, "/members"), body, 201, id -> memberIds[g][k] = id);
        });
        report("members", p);

        p = parallel("shift types", total(), i -> {
            int g = i / members, k = i % members;
            String body = "{\"name\":\"Post " + (k + 1) + "\",\"startTime\":\"" + startOf(k) + "\",\"durationHours\":1,"
                    + "\"daysOfWeek\":[\"MONDAY\",\"TUESDAY\",\"WEDNESDAY\",\"THURSDAY\",\"FRIDAY\",\"SATURDAY\",\"SUNDAY\"]}";
            return new Step("POST", gp(g, "/shift-types"), body, 201, id -> shiftTypeIds[g][k] = id);
        });
        report("shift_types", p);

        p = parallel("assignments", total(), i -> {
            int g = i / members, k = i % members;
            return new Step("PUT", gp(g, "/slots/" + shiftTypeIds[g][k] + "/" + today + "/assignee"),
                    "{\"memberId\":\"" + memberIds[g][k] + "\",\"reason\":\"sms wave\"}", 200, null);
        });
        report("assignments", p);
        put("setup_s", fmt((System.nanoTime() - t0) / 1e9, 1));
        out.printf(Locale.ROOT, "set-up: %d groups in %s, slots of %s from %s to %s local; %.1f s in all%n", groups, zone, today,
                startOf(0), startOf(Math.min(members, LAST_START_HOUR - firstStartHour + 1) - 1), (System.nanoTime() - t0) / 1e9);
    }

    static String phone(int i) {
        return String.format(Locale.ROOT, "+1%s555%04d", AREA_CODES[i / 10_000], i % 10_000);
    }

    String gp(int g, String suffix) { return base + "/api/v1/groups/" + groupIds[g] + suffix; }

    record Step(String method, String url, String body, int expected, java.util.function.Consumer<String> onId) {}

    static final class Phase {
        final AtomicInteger ok = new AtomicInteger(), retried = new AtomicInteger(), failed = new AtomicInteger();
        final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        long nanos;
    }

    /** Runs n steps over the clients; a step that fails on the network or with a 5xx is tried up to 3 times. */
    Phase parallel(String name, int n, IntFunction<Step> steps) throws Exception {
        Phase p = new Phase();
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long t0 = System.nanoTime();
        List<Future<?>> work = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            work.add(pool.submit(() -> {
                for (int i; (i = next.getAndIncrement()) < n; ) {
                    Step s = steps.apply(i);
                    for (int attempt = 1; ; attempt++) {
                        String problem;
                        try {
                            Resp r = call(s.method(), s.url(), s.body(), true);
                            if (r.status == s.expected()) {
                                if (s.onId() != null) s.onId().accept(str(r.body, "id"));
                                p.ok.incrementAndGet();
                                break;
                            }
                            problem = r.status + " " + s.method() + " " + s.url() + " " + abbreviate(r.body);
                            if (r.status < 500) attempt = 3;
                        } catch (IOException e) {
                            problem = e.toString();
                        }
                        if (attempt >= 3) {
                            p.failed.incrementAndGet();
                            if (p.errors.size() < 5) p.errors.add(problem);
                            break;
                        }
                        p.retried.incrementAndGet();
                        Thread.sleep(200L * attempt);
                    }
                    if (i % 1000 == 999) out.printf(Locale.ROOT, "  %s: %d/%d%n", name, i + 1, n);
                }
                return null;
            }));
        }
        for (Future<?> f : work) f.get();
        pool.shutdown();
        p.nanos = System.nanoTime() - t0;
        out.printf(Locale.ROOT, "%s: %d ok, %d retried, %d failed in %.1f s (%.1f/s)%n", name, p.ok.get(), p.retried.get(),
                p.failed.get(), p.nanos / 1e9, p.ok.get() / (p.nanos / 1e9));
        p.errors.forEach(e -> out.println("  e.g. " + e));
        if (p.failed.get() > 0) throw new BenchFailure(name + ": " + p.failed.get() + " failed, e.g. " + p.errors.peek());
        return p;
    }

    void report(String key, Phase p) {
        put(key + "_s", fmt(p.nanos / 1e9, 1));
        put(key + "_per_s", fmt(p.ok.get() / (p.nanos / 1e9), 1));
        put(key + "_retried", p.retried.get());
    }

    // ---------------------------------------------------------------- the ASSIGNED SMS

    /** Waits until the fake has one SMS per member (the ASSIGNED wave) and nothing more comes for 10 s; then resets it. */
    void waitAssignedWave() throws Exception {
        long assignedDone = System.currentTimeMillis();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(assignedTimeoutSeconds);
        long lastCount = -1, stableSince = System.nanoTime(), lastPrint = 0;
        Map<String, String> s;
        while (true) {
            s = fakeStats();
            long count = num(s, "all_count");
            if (count != lastCount) {
                lastCount = count;
                stableSince = System.nanoTime();
            }
            if (System.nanoTime() - lastPrint > TimeUnit.SECONDS.toNanos(10)) {
                out.printf("  ASSIGNED SMS received: %d/%d%n", count, total());
                lastPrint = System.nanoTime();
            }
            if (count >= total() && System.nanoTime() - stableSince > TimeUnit.SECONDS.toNanos(10)) break;
            if (System.nanoTime() > deadline) {
                out.printf("ASSIGNED wave: only %d of %d after %d s; going on%n", count, total(), assignedTimeoutSeconds);
                break;
            }
            Thread.sleep(500);
        }
        double first = dbl(s, "all_first_epoch_ms"), last = dbl(s, "all_last_epoch_ms");
        put("assigned_sms", s.get("all_count"));
        put("assigned_distinct_to", s.get("all_distinct_to"));
        put("assigned_s", fmt((last - first) / 1000, 1));
        put("assigned_per_s", fmt((num(s, "all_count") - 1) / Math.max(0.001, (last - first) / 1000), 1));
        put("assigned_last_after_last_command_s", fmt((last - assignedDone) / 1000, 1));
        out.printf(Locale.ROOT, "ASSIGNED wave: %s SMS (%s distinct To) from %s to %s: %s/s; last one %s s after the last assignment%n",
                s.get("all_count"), s.get("all_distinct_to"), s.get("all_first"), s.get("all_last"), results.get("assigned_per_s"),
                results.get("assigned_last_after_last_command_s"));
        Resp r = call("POST", fake + "/reset", "", false);
        expect(r, 200, "reset the fake");
    }

    // ---------------------------------------------------------------- the wave

    void wave() throws Exception {
        ZonedDateTime at = ZonedDateTime.now(zone).plusSeconds(leadSeconds).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        if (!at.toLocalDate().equals(today)) throw new BenchFailure("the reminder minute " + at + " is not on " + today);
        Instant scheduled = at.toInstant();
        String hhmm = at.toLocalTime().toString();
        for (int g = 0; g < groups; g++) {
            Resp r = call("PUT", gp(g, "/settings"),
                    "{\"dailyReminderTime\":\"" + hhmm + "\",\"quietHoursStart\":\"00:00\",\"quietHoursEnd\":\"00:00\"}", true);
            expect(r, 200, "settings of group " + g);
        }
        put("scheduled_local", at.toLocalDateTime().toString());
        put("scheduled_instant", scheduled.toString());
        put("scheduled_epoch_ms", scheduled.toEpochMilli());
        if (scheduledFile != null) Files.writeString(scheduledFile, scheduled.getEpochSecond() + "\n");
        out.printf("wave: dailyReminderTime %s %s = %s (in %.0f s); waiting for %d reminders%n", hhmm, zone, scheduled,
                (scheduled.toEpochMilli() - System.currentTimeMillis()) / 1000.0, total());

        long deadline = scheduled.toEpochMilli() + waveTimeoutSeconds * 1000L;
        long lastPrint = 0;
        Map<String, String> s;
        while (true) {
            s = fakeStats();
            long count = num(s, "match_count");
            if (System.currentTimeMillis() - lastPrint > 5000 && System.currentTimeMillis() > scheduled.toEpochMilli() - 5000) {
                out.printf(Locale.ROOT, "  t=%+.1f s: %d reminders received (%d distinct To); %d other SMS%n",
                        (System.currentTimeMillis() - scheduled.toEpochMilli()) / 1000.0, count, num(s, "match_distinct_to"),
                        num(s, "all_count") - count);
                lastPrint = System.currentTimeMillis();
            }
            if (count >= total()) break;
            if (System.currentTimeMillis() > deadline) {
                out.printf("wave: timed out after %d s with %d of %d reminders%n", waveTimeoutSeconds, count, total());
                break;
            }
            Thread.sleep(200);
        }
        // anything sent twice comes soon after: look again a little later
        Thread.sleep(10_000);
        s = fakeStats();
        long count = num(s, "match_count"), distinct = num(s, "match_distinct_to"), dup = num(s, "match_duplicates");
        double first = dbl(s, "match_first_epoch_ms"), last = dbl(s, "match_last_epoch_ms");
        double sched = scheduled.toEpochMilli();
        put("wave_count", count);
        put("wave_distinct_to", distinct);
        put("wave_duplicates", dup);
        put("wave_other_sms", num(s, "all_count") - count);
        put("wave_first", s.get("match_first"));
        put("wave_last", s.get("match_last"));
        put("wave_first_delay_s", count == 0 ? "n/a" : fmt((first - sched) / 1000, 2));
        put("wave_last_delay_s", count == 0 ? "n/a" : fmt((last - sched) / 1000, 2));
        put("wave_duration_s", count == 0 ? "n/a" : fmt((last - first) / 1000, 2));
        put("wave_per_s", count < 2 ? "n/a" : fmt((count - 1) / Math.max(0.001, (last - first) / 1000), 1));
        put("wave_peak_per_s", s.get("match_peak_per_s"));
        boolean exact = count == total() && distinct == total() && dup == 0;
        put("wave_exact", exact ? "yes" : "no");
        out.printf(Locale.ROOT, "wave: %d reminders, %d distinct To, %d duplicates; first %s s, last %s s after %s; %s/s (peak %s in one second); exactly %d: %s%n",
                count, distinct, dup, results.get("wave_first_delay_s"), results.get("wave_last_delay_s"), scheduled,
                results.get("wave_per_s"), s.get("match_peak_per_s"), total(), exact ? "yes" : "NO");
        if (!exact) throw new BenchFailure("expected exactly " + total() + " reminders to " + total() + " numbers, got " + count
                + " to " + distinct + " (" + dup + " duplicates)");
    }

    // ---------------------------------------------------------------- HTTP

    record Resp(int status, String body) {}

    Resp call(String method, String url, String body, boolean auth) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(HTTP_TIMEOUT).header("Accept", "application/json");
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

    Map<String, String> fakeStats() throws IOException, InterruptedException {
        Resp r = call("GET", fake + "/stats", null, false);
        Map<String, String> m = new LinkedHashMap<>();
        if (r.status != 200) return m;
        for (String line : r.body.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) m.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return m;
    }

    static long num(Map<String, String> m, String k) {
        String v = m.get(k);
        return v == null || v.isEmpty() ? 0 : Long.parseLong(v);
    }

    static double dbl(Map<String, String> m, String k) {
        String v = m.get(k);
        return v == null || v.isEmpty() ? Double.NaN : Double.parseDouble(v);
    }

    void expect(Resp r, int status, String what) {
        if (r.status != status) throw new BenchFailure(what + ": expected " + status + ", got " + r.status + " " + abbreviate(r.body));
    }

    static String str(String json, String field) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(field) + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    static String q(String s) { return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\""; }

    static String abbreviate(String s) {
        s = s.replaceAll("\\s+", " ");
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    static String fmt(double v, int decimals) { return String.format(Locale.ROOT, "%." + decimals + "f", v); }

    static final class BenchFailure extends RuntimeException {
        BenchFailure(String m) { super(m); }
    }

    void put(String k, Object v) { results.put(k, String.valueOf(v)); }

    void writeResults() throws IOException {
        if (outFile == null) return;
        StringBuilder sb = new StringBuilder();
        results.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        Files.writeString(outFile, sb.toString());
    }
}
