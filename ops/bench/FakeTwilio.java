// A fake Twilio Messages API for benchmarks. Single file, JDK 17 only (com.sun.net.httpserver), run with
// the source launcher:
//   java ops/bench/FakeTwilio.java [--port 0] [--match "you are on call today"] [--latency-ms 0] [--threads 16]
//
// POST /2010-04-01/Accounts/{sid}/Messages.json   201 {"sid":"SM…","status":"queued",…}, a new SID each time;
//                                                 records the arrival instant, To, and whether Body contains --match
// GET  /2010-04-01/Accounts/{sid}/Messages.json   an empty page (Rota looks a stuck send up there)
// GET  /stats                                     key=value lines: all_* over every request, match_* over the
//                                                 requests whose Body contains --match (count, distinct_to,
//                                                 duplicates, first, last, first_epoch_ms, last_epoch_ms, peak_per_s)
// POST /reset                                     forgets every request recorded so far
//
// Prints "fake-twilio listening on port N" once it serves, and the stats again on exit (SIGTERM or Ctrl-C).
// Nothing is ever sent anywhere; no authentication is checked.

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class FakeTwilio {

    static final Pattern MESSAGES = Pattern.compile("^/2010-04-01/Accounts/([^/]+)/Messages\\.json$");

    record Sent(long epochMicros, String to, boolean match) {}

    int port = 0;
    int threads = 16;
    long latencyMs = 0;
    String match = "you are on call today";

    final List<Sent> sent = new ArrayList<>();   // guarded by this
    final AtomicLong sids = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();

    public static void main(String[] args) throws Exception {
        FakeTwilio fake = new FakeTwilio();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help")) {
                System.out.println("usage: java FakeTwilio.java [--port 0] [--match TEXT] [--latency-ms 0] [--threads 16]");
                return;
            }
            if (i + 1 >= args.length) throw new IllegalArgumentException("missing value for " + a);
            String v = args[++i];
            switch (a) {
                case "--port" -> fake.port = Integer.parseInt(v);
                case "--match" -> fake.match = v;
                case "--latency-ms" -> fake.latencyMs = Long.parseLong(v);
                case "--threads" -> fake.threads = Integer.parseInt(v);
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        fake.serve();
    }

    void serve() throws IOException {
        // TCP_NODELAY on accepted connections: without it the JDK server writes the headers and the body in two
        // segments and the second waits for the client's delayed ACK, ~40 ms per request on Linux. Read once,
        // when the server class loads, so it has to be set before the first HttpServer.create.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("fake-twilio stats on exit:");
            System.out.print(stats());
            System.out.flush();
        }));
        System.out.println("fake-twilio listening on port " + server.getAddress().getPort());
        System.out.flush();
    }

    void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod();
            String path = ex.getRequestURI().getPath();
            byte[] body = readAll(ex.getRequestBody());
            Matcher m = MESSAGES.matcher(path);
            if (m.matches() && method.equals("POST")) {
                long micros = nowMicros();
                Map<String, String> form = form(new String(body, StandardCharsets.UTF_8));
                String to = form.get("To");
                if (to == null || to.isBlank() || form.get("Body") == null) {
                    rejected.incrementAndGet();
                    send(ex, 400, "application/json",
                            "{\"code\": 21604, \"message\": \"A 'To' phone number and a 'Body' are required.\", \"status\": 400}");
                    return;
                }
                boolean matched = form.get("Body").contains(match);
                synchronized (this) {
                    sent.add(new Sent(micros, to, matched));
                }
                if (latencyMs > 0) sleep(latencyMs);
                String sid = String.format(Locale.ROOT, "SM%032x", sids.incrementAndGet());
                send(ex, 201, "application/json", """
                        {"sid": "%s", "account_sid": "%s", "to": %s, "from": %s, "status": "queued", "num_segments": "1",
                         "direction": "outbound-api", "api_version": "2010-04-01",
                         "uri": "/2010-04-01/Accounts/%s/Messages/%s.json"}
                        """.formatted(sid, m.group(1), json(to), json(form.getOrDefault("From", "")), m.group(1), sid));
            } else if (m.matches() && method.equals("GET")) {
                String uri = path + "?PageSize=50&Page=0";
                send(ex, 200, "application/json", """
                        {"messages": [], "first_page_uri": %s, "next_page_uri": null, "previous_page_uri": null,
                         "page": 0, "page_size": 50, "start": 0, "end": 0, "uri": %s}
                        """.formatted(json(uri), json(uri)));
            } else if (path.equals("/stats") && method.equals("GET")) {
                send(ex, 200, "text/plain", stats());
            } else if (path.equals("/reset") && method.equals("POST")) {
                synchronized (this) {
                    sent.clear();
                }
                rejected.set(0);
                send(ex, 200, "text/plain", "reset\n");
            } else {
                send(ex, 404, "application/json", "{\"code\": 20404, \"message\": \"Not found\", \"status\": 404}");
            }
        } catch (RuntimeException e) {
            System.err.println("fake-twilio: " + e);
        }
    }

    String stats() {
        List<Sent> copy;
        synchronized (this) {
            copy = new ArrayList<>(sent);
        }
        StringBuilder sb = new StringBuilder();
        summarise(sb, "all_", copy);
        summarise(sb, "match_", copy.stream().filter(Sent::match).toList());
        sb.append("rejected=").append(rejected.get()).append('\n');
        sb.append("match_text=").append(match).append('\n');
        return sb.toString();
    }

    static void summarise(StringBuilder sb, String prefix, List<Sent> list) {
        Set<String> to = new HashSet<>();
        long first = Long.MAX_VALUE, last = Long.MIN_VALUE;
        Map<Long, Integer> perSecond = new HashMap<>();
        for (Sent s : list) {
            to.add(s.to());
            first = Math.min(first, s.epochMicros());
            last = Math.max(last, s.epochMicros());
            perSecond.merge(s.epochMicros() / 1_000_000, 1, Integer::sum);
        }
        Map<String, String> kv = new LinkedHashMap<>();
        kv.put("count", String.valueOf(list.size()));
        kv.put("distinct_to", String.valueOf(to.size()));
        kv.put("duplicates", String.valueOf(list.size() - to.size()));
        kv.put("first", list.isEmpty() ? "" : instant(first).toString());
        kv.put("last", list.isEmpty() ? "" : instant(last).toString());
        kv.put("first_epoch_ms", list.isEmpty() ? "" : String.format(Locale.ROOT, "%.3f", first / 1000.0));
        kv.put("last_epoch_ms", list.isEmpty() ? "" : String.format(Locale.ROOT, "%.3f", last / 1000.0));
        kv.put("peak_per_s", String.valueOf(perSecond.values().stream().mapToInt(Integer::intValue).max().orElse(0)));
        kv.forEach((k, v) -> sb.append(prefix).append(k).append('=').append(v).append('\n'));
    }

    static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }

    static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1_000L);
    }

    static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    static String json(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.append('"').toString();
    }

    static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }

    static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
