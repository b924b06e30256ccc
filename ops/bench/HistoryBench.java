// Rota large-history measurements (issue 10). Single file, JDK 17 only, run with the source launcher by
// ops/bench/history.sh against a Rota running on a database loaded by ops/bench/history-load.sh:
//   java ops/bench/HistoryBench.java --base http://localhost:18181 [--password bench-admin-pw] [--samples 400]
//        [--fairness-samples 10] [--replay true] [--replay-minutes 60] [--groups-file ids.txt] [--out results.properties]
//
// One client, one request at a time (latencies, not throughput), over random groups and months of the
// history: calendar month, as-of month (asOf = a random instant of the recorded history), on-call at a random
// instant, the audit log's first page (plain, and filtered by a member and a date range), a year's fairness
// report, then a replay of the calendar projection. An endpoint that answers 404 or 405 on its first request
// is reported as "endpoint missing (404/405)" and skipped; an as-of answer whose "asOf" is null is reported as
// "asOf ignored". Writes key=value results to --out. Every HTTP call has a 30 s timeout; every loop is bounded.

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
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class HistoryBench {

    static final Duration HTTP_TIMEOUT = Duration.ofSeconds(30);
    static final PrintStream out = System.out;

    String base = "http://localhost:18181", username = "admin", password = "bench-admin-pw";
    int samples = 400, fairnessSamples = 10, warmup = 50, replayMinutes = 60;
    boolean replay = true;
    Path outFile, groupsFile;
    long seed = 7;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(HTTP_TIMEOUT).build();
    final Map<String, String> results = new LinkedHashMap<>();
    String token;
    List<String> groups = new ArrayList<>();
    final Map<String, List<String>> membersOf = new LinkedHashMap<>();
    Instant firstAt, lastAt;
    YearMonth firstMonth, lastMonth;
    SplittableRandom rnd;

    record Resp(int status, String body) {
    }

    public static void main(String[] args) throws Exception {
        HistoryBench b = new HistoryBench();
        b.parse(args);
        int rc;
        try {
            rc = b.run();
        } catch (RuntimeException e) {
            out.println("HISTORY BENCH FAILED: " + e);
            b.results.put("failure", String.valueOf(e.getMessage()).replaceAll("\\s+", " "));
            rc = 2;
        }
        b.write();
        System.exit(rc);
    }

    void parse(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (i + 1 >= args.length) throw new IllegalArgumentException("missing value for " + a);
            String v = args[++i];
            switch (a) {
                case "--base" -> base = v.replaceAll("/+$", "");
                case "--username" -> username = v;
                case "--password" -> password = v;
                case "--samples" -> samples = Integer.parseInt(v);
                case "--fairness-samples" -> fairnessSamples = Integer.parseInt(v);
                case "--warmup" -> warmup = Integer.parseInt(v);
                case "--replay" -> replay = Boolean.parseBoolean(v);
                case "--replay-minutes" -> replayMinutes = Integer.parseInt(v);
                case "--seed" -> seed = Long.parseLong(v);
                case "--out" -> outFile = Path.of(v);
                case "--groups-file" -> groupsFile = Path.of(v);
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        rnd = new SplittableRandom(seed);
    }

    int run() throws Exception {
        Resp login = call("POST", "/api/v1/auth/login", "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
        if (login.status != 200) throw new IllegalStateException("login: " + login.status + " " + abbreviate(login.body));
        token = str(login.body, "token");

        Resp store = get("/api/v1/admin/event-store");
        if (store.status == 200) {
            put("event_store_events", num(store.body, "events"));
            put("event_store_size_bytes", num(store.body, "sizeBytes"));
            firstAt = Instant.parse(str(store.body, "firstAt"));
            lastAt = Instant.parse(str(store.body, "lastAt"));
        } else {
            throw new IllegalStateException("GET /admin/event-store: " + store.status);
        }
        // slots run from the month after the first event to the month after the last (published in advance)
        firstMonth = YearMonth.from(firstAt.atZone(ZoneOffset.UTC)).plusMonths(1);
        lastMonth = YearMonth.from(lastAt.atZone(ZoneOffset.UTC)).plusMonths(1);
        if (groupsFile != null) {
            // GET /groups (all groups for a super admin) is not served by every build: history.sh lists them from the database
            Files.readAllLines(groupsFile).stream().map(String::trim).filter(l -> !l.isEmpty()).forEach(groups::add);
        } else {
            Resp gs = get("/api/v1/groups");
            Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(gs.body);
            while (m.find()) groups.add(m.group(1));
        }
        if (groups.isEmpty()) throw new IllegalStateException("no groups: is this a loaded history database?");
        out.printf(Locale.ROOT, "history: %s events, %s .. %s, %d groups, months %s .. %s%n",
                results.get("event_store_events"), firstAt, lastAt, groups.size(), firstMonth, lastMonth);
        put("groups", groups.size());
        put("history", firstAt + " .. " + lastAt);

        // warm-up (not counted): the same queries over other random groups
        for (int i = 0; i < warmup; i++) {
            String g = group();
            YearMonth ym = month();
            get("/api/v1/groups/" + g + "/calendar?from=" + ym.atDay(1) + "&to=" + ym.atEndOfMonth());
            get("/api/v1/groups/" + g + "/on-call?at=" + enc(instant().toString()));
        }

        measure("calendar", samples, g -> {
            YearMonth ym = month();
            return "/api/v1/groups/" + g + "/calendar?from=" + ym.atDay(1) + "&to=" + ym.atEndOfMonth();
        }, body -> count(body, "\"shiftTypeId\""));

        measure("asof", samples, g -> {
            YearMonth ym = month();
            return "/api/v1/groups/" + g + "/calendar?from=" + ym.atDay(1) + "&to=" + ym.atEndOfMonth() + "&asOf=" + enc(instant().toString());
        }, body -> {
            if (body.matches("(?s).*\"asOf\"\\s*:\\s*null.*") || !body.contains("\"asOf\"")) return -1;
            return count(body, "\"shiftTypeId\"");
        });

        measure("oncall", samples, g -> "/api/v1/groups/" + g + "/on-call?at=" + enc(instant().toString()),
                body -> count(body, "\"shiftTypeId\""));

        measure("audit", samples / 2, g -> "/api/v1/groups/" + g + "/audit?page=0&size=50", body -> count(body, "\"eventId\""));

        measure("audit_filtered", samples / 2, g -> {
            YearMonth ym = month();
            return "/api/v1/groups/" + g + "/audit?memberId=" + member(g) + "&from=" + ym.atDay(1) + "&to=" + ym.atEndOfMonth()
                    + "&page=0&size=50";
        }, body -> count(body, "\"eventId\""));

        measure("fairness", fairnessSamples, g -> {
            LocalDate from = firstMonth.atDay(1);
            return "/api/v1/groups/" + g + "/reports/fairness?from=" + from + "&to=" + from.plusYears(1).minusDays(1);
        }, body -> count(body, "\"memberId\""));

        if (replay) replayCalendar();
        return 0;
    }

    // ---------------------------------------------------------------- latency phases

    void measure(String name, int n, Function<String, String> path, Function<String, Integer> check) throws Exception {
        if (n <= 0) return;
        long[] lat = new long[n];
        int done = 0, errors = 0, ignored = 0;
        long items = 0;
        String firstError = null;
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        for (int i = 0; i < n && System.nanoTime() < deadline; i++) {
            String g = group();
            String p = path.apply(g);
            long t0 = System.nanoTime();
            Resp r = get(p);
            long t = System.nanoTime() - t0;
            if (i == 0 && (r.status == 404 || r.status == 405) && !r.body.contains("GROUP_NOT_FOUND")) {
                out.printf("%s: endpoint missing (%d) for %s%n", name, r.status, p);
                put(name + "_status", "endpoint missing (" + r.status + ")");
                return;
            }
            if (r.status != 200) {
                errors++;
                if (firstError == null) firstError = r.status + " " + abbreviate(r.body) + " for " + p;
                continue;
            }
            int c = check.apply(r.body);
            if (c < 0) {
                ignored++;
            } else {
                items += c;
            }
            lat[done++] = t;
        }
        lat = Arrays.copyOf(lat, done);
        Arrays.sort(lat);
        if (ignored > 0 && ignored == done) {
            put(name + "_status", "asOf ignored (answers carry asOf null): not measured as as-of");
        } else {
            put(name + "_status", errors == 0 ? "ok" : errors + " errors, e.g. " + firstError);
        }
        put(name + "_samples", done);
        put(name + "_errors", errors);
        put(name + "_p50_ms", ms(pct(lat, 50)));
        put(name + "_p99_ms", ms(pct(lat, 99)));
        put(name + "_max_ms", ms(pct(lat, 100)));
        put(name + "_avg_items", done == 0 ? "0" : String.format(Locale.ROOT, "%.1f", (double) items / Math.max(1, done - ignored)));
        out.printf(Locale.ROOT, "%-15s %4d samples, %d errors: p50 %s ms, p99 %s ms, max %s ms, %s items per answer%s%n", name, done,
                errors, ms(pct(lat, 50)), ms(pct(lat, 99)), ms(pct(lat, 100)), results.get(name + "_avg_items"),
                firstError == null ? "" : " (first error: " + firstError + ")");
    }

    // ---------------------------------------------------------------- replay of the calendar projection

    void replayCalendar() throws Exception {
        Resp before = get("/api/v1/admin/projections");
        long head = calendarField(before.body, "head");
        long t0 = System.nanoTime();
        Resp r = call("POST", "/api/v1/admin/projections/calendar/replay", null);
        if (r.status == 404 || r.status == 405) {
            out.printf("replay: endpoint missing (%d)%n", r.status);
            put("replay_status", "endpoint missing (" + r.status + ")");
            return;
        }
        if (r.status != 202) {
            put("replay_status", "answered " + r.status + " " + abbreviate(r.body).replaceAll("\\s+", " "));
            out.println("replay: " + r.status + " " + abbreviate(r.body));
            return;
        }
        // reads keep answering during the replay: sample the calendar meanwhile
        long deadline = t0 + Duration.ofMinutes(replayMinutes).toNanos();
        boolean sawReplaying = false;
        long lastPrint = 0;
        List<Long> readsDuring = new ArrayList<>();
        int readErrors = 0;
        while (System.nanoTime() < deadline) {
            Resp p = get("/api/v1/admin/projections");
            String cal = calendarObject(p.body);
            boolean replaying = cal.contains("\"replaying\":true");
            long position = calendarField(p.body, "position");
            long lag = calendarField(p.body, "lag");
            sawReplaying |= replaying;
            if (System.nanoTime() - lastPrint > 15_000_000_000L) {
                lastPrint = System.nanoTime();
                out.printf(Locale.ROOT, "  replay: %.0f s, replaying=%s progress=%s position=%d head=%d%n", (lastPrint - t0) / 1e9,
                        replaying, str2(cal, "progress"), position, head);
            }
            if (!replaying && lag == 0 && (sawReplaying || System.nanoTime() - t0 > 5_000_000_000L)) break;
            long q0 = System.nanoTime();
            YearMonth ym = month();
            Resp c = get("/api/v1/groups/" + group() + "/calendar?from=" + ym.atDay(1) + "&to=" + ym.atEndOfMonth());
            if (c.status == 200) readsDuring.add(System.nanoTime() - q0); else readErrors++;
            Thread.sleep(200);
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        long[] lat = readsDuring.stream().mapToLong(Long::longValue).sorted().toArray();
        boolean finished = System.nanoTime() < deadline;
        put("replay_status", finished ? (sawReplaying ? "ok" : "ok (never seen replaying)") : "not finished after " + replayMinutes + " min");
        put("replay_events", head);
        put("replay_s", String.format(Locale.ROOT, "%.1f", secs));
        put("replay_events_per_s", String.format(Locale.ROOT, "%.0f", head / secs));
        put("replay_calendar_reads", lat.length);
        put("replay_calendar_read_errors", readErrors);
        put("replay_calendar_read_p99_ms", ms(pct(lat, 99)));
        out.printf(Locale.ROOT, "replay of calendar: %d events in %.1f s = %.0f events/s (%s); %d calendar reads meanwhile, p99 %s ms, %d errors%n",
                head, secs, head / secs, results.get("replay_status"), lat.length, ms(pct(lat, 99)), readErrors);
    }

    static String calendarObject(String json) {
        int i = json.indexOf("{\"name\":\"calendar\"");
        if (i < 0) return "";
        int j = json.indexOf('}', i);
        return j < 0 ? json.substring(i) : json.substring(i, j + 1);
    }

    static long calendarField(String json, String field) {
        String v = num(calendarObject(json), field);
        return v == null ? -1 : Long.parseLong(v);
    }

    // ---------------------------------------------------------------- helpers

    String group() {
        return groups.get(rnd.nextInt(groups.size()));
    }

    YearMonth month() {
        long span = firstMonth.until(lastMonth, java.time.temporal.ChronoUnit.MONTHS);
        return firstMonth.plusMonths(rnd.nextLong(span + 1));
    }

    Instant instant() {
        long span = lastAt.toEpochMilli() - firstAt.toEpochMilli();
        return firstAt.plusMillis(rnd.nextLong(Math.max(1, span)));
    }

    /** A member of the group: an assignee of one of its calendar months (GET /groups/{g}/members is not served by every build). */
    String member(String group) {
        List<String> ids = membersOf.get(group);
        if (ids == null) {
            ids = new ArrayList<>();
            try {
                YearMonth ym = month();
                Resp r = get("/api/v1/groups/" + group + "/calendar?from=" + ym.atDay(1) + "&to=" + ym.atEndOfMonth());
                Matcher m = Pattern.compile("\"memberId\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(r.body);
                while (m.find()) if (!ids.contains(m.group(1))) ids.add(m.group(1));
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException("members of " + group, e);
            }
            membersOf.put(group, ids);
        }
        return ids.isEmpty() ? "00000000-0000-4000-8000-000000000000" : ids.get(rnd.nextInt(ids.size()));
    }

    Resp get(String path) throws IOException, InterruptedException {
        return call("GET", path, null);
    }

    Resp call(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(HTTP_TIMEOUT).header("Accept", "application/json");
        if (token != null) b.header("Authorization", "Bearer " + token);
        if (body != null) {
            b.header("Content-Type", "application/json");
            b.method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Resp(r.statusCode(), r.body() == null ? "" : r.body());
        } catch (java.net.http.HttpTimeoutException e) {
            return new Resp(-1, "timeout after " + HTTP_TIMEOUT.toSeconds() + " s");
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static int count(String body, String needle) {
        int n = 0;
        for (int i = body.indexOf(needle); i >= 0; i = body.indexOf(needle, i + needle.length())) n++;
        return n;
    }

    static String str(String json, String field) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(field) + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    static String str2(String json, String field) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(field) + "\"\\s*:\\s*([^,}]*)").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    static String num(String json, String field) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(field) + "\"\\s*:\\s*(-?[0-9]+)").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    static long pct(long[] sorted, int p) {
        if (sorted.length == 0) return -1;
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    static String ms(long nanos) {
        return nanos < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }

    static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    void put(String k, Object v) {
        results.put(k, String.valueOf(v));
    }

    void write() throws IOException {
        if (outFile == null) return;
        StringBuilder b = new StringBuilder();
        results.forEach((k, v) -> b.append(k).append('=').append(v.replace('\n', ' ')).append('\n'));
        Files.writeString(outFile, b.toString());
    }
}
