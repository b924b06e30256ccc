// Where the CPU samples of a JFR recording go. Single file, JDK only:
//   java ops/bench/JfrTop.java recording.jfr [--top 25] [--thread REGEX] [--callers PACKAGE_PREFIX]
// Reads the jdk.ExecutionSample events (the same ones `jfr print --stack-depth 300 --events
// jdk.ExecutionSample` prints; record with -XX:FlightRecorderOptions:stackdepth=512 so stacks are whole) and prints:
//   - samples by thread family (Tomcat workers, each event processor, JobRunr, ...);
//   - inclusive share of each layer: a sample counts for a layer if any frame of its stack is in it;
//   - self share of each layer: the layer of the topmost frame that is in one (JDK frames count for their caller);
//   - self share by the first frame outside the JDK (package, three segments deep) and by top frame (method);
//   - with --callers P: the samples with a frame in P, by the nearest Rota or Axon method that called into P.
// Percentages are of all samples (of the threads matched by --thread, if given).

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

public class JfrTop {

    /** Layers, by frame prefix; a sample counts for every layer one of its frames is in. */
    static final Map<String, String[]> LAYERS = new LinkedHashMap<>();

    static {
        LAYERS.put("regular expressions (java.util.regex)", new String[]{"java.util.regex."});
        LAYERS.put("reflection / proxies", new String[]{"java.lang.reflect.", "jdk.internal.reflect.", "java.lang.invoke.",
                "org.springframework.aop.", "org.springframework.cglib."});
        LAYERS.put("Rota code (app.rota)", new String[]{"app.rota."});
        LAYERS.put("Axon", new String[]{"org.axonframework."});
        LAYERS.put("Hibernate / JPA", new String[]{"org.hibernate.", "jakarta.persistence."});
        LAYERS.put("JDBC driver (org.postgresql)", new String[]{"org.postgresql."});
        LAYERS.put("Hikari pool", new String[]{"com.zaxxer.hikari."});
        LAYERS.put("Spring JDBC template", new String[]{"org.springframework.jdbc."});
        LAYERS.put("Spring transactions", new String[]{"org.springframework.transaction.", "org.springframework.orm."});
        LAYERS.put("Jackson", new String[]{"tools.jackson.", "com.fasterxml.jackson."});
        LAYERS.put("Micrometer observation", new String[]{"io.micrometer.observation."});
        LAYERS.put("Micrometer metrics", new String[]{"io.micrometer.core."});
        LAYERS.put("Spring Security filters' observation", new String[]{"org.springframework.security.web.ObservationFilterChainDecorator"});
        LAYERS.put("Spring Security", new String[]{"org.springframework.security."});
        LAYERS.put("JWT (Nimbus)", new String[]{"com.nimbusds."});
        LAYERS.put("Spring MVC", new String[]{"org.springframework.web."});
        LAYERS.put("Tomcat", new String[]{"org.apache.catalina.", "org.apache.coyote.", "org.apache.tomcat."});
        LAYERS.put("JobRunr", new String[]{"org.jobrunr."});
        LAYERS.put("logging", new String[]{"ch.qos.logback.", "org.slf4j."});
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.out.println("usage: java JfrTop.java recording.jfr [--top N] [--thread REGEX]");
            return;
        }
        Path file = Path.of(args[0]);
        int top = 25;
        Pattern threadFilter = null;
        String callersOf = null;
        for (int i = 1; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--top" -> top = Integer.parseInt(args[i + 1]);
                case "--thread" -> threadFilter = Pattern.compile(args[i + 1]);
                case "--callers" -> callersOf = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Map<String, Integer> byThread = new HashMap<>(), byLayer = new HashMap<>(), byPackage = new HashMap<>(),
                byMethod = new HashMap<>(), bySelfLayer = new HashMap<>(), byCaller = new HashMap<>();
        int total = 0;
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent e = recording.readEvent();
                if (!e.getEventType().getName().equals("jdk.ExecutionSample")) continue;
                RecordedStackTrace st = e.getStackTrace();
                if (st == null) continue;
                RecordedThread t = e.getThread("sampledThread");
                String thread = family(t == null ? "?" : t.getJavaName() == null ? t.getOSName() : t.getJavaName());
                if (threadFilter != null && !threadFilter.matcher(thread).find()) continue;
                total++;
                byThread.merge(thread, 1, Integer::sum);
                List<RecordedFrame> frames = st.getFrames();
                List<String> types = new ArrayList<>(frames.size());
                for (RecordedFrame f : frames) {
                    types.add(f.getMethod() == null ? "?" : f.getMethod().getType().getName());
                }
                for (Map.Entry<String, String[]> layer : LAYERS.entrySet()) {
                    if (types.stream().anyMatch(ty -> startsWithAny(ty, layer.getValue()))) {
                        byLayer.merge(layer.getKey(), 1, Integer::sum);
                    }
                }
                String selfLayer = "(none of the layers)";
                scan:
                for (String ty : types) {
                    for (Map.Entry<String, String[]> layer : LAYERS.entrySet()) {
                        if (startsWithAny(ty, layer.getValue())) {
                            selfLayer = layer.getKey();
                            break scan;
                        }
                    }
                }
                bySelfLayer.merge(selfLayer, 1, Integer::sum);
                if (callersOf != null) {
                    int first = -1;
                    for (int k = 0; k < types.size(); k++) if (types.get(k).startsWith(callersOf)) { first = k; break; }
                    if (first >= 0) {
                        String caller = "(no Rota or Axon caller)";
                        for (int k = first + 1; k < types.size(); k++) {
                            String ty = types.get(k);
                            if (!ty.startsWith(callersOf) && (ty.startsWith("app.rota.") || ty.startsWith("org.axonframework."))) {
                                caller = ty + "." + frames.get(k).getMethod().getName();
                                break;
                            }
                        }
                        byCaller.merge(caller, 1, Integer::sum);
                    }
                }
                String pkg = "(JDK only)";
                for (String ty : types) {
                    if (!isJdk(ty)) {
                        pkg = packageOf(ty, 3);
                        break;
                    }
                }
                byPackage.merge(pkg, 1, Integer::sum);
                if (!frames.isEmpty() && frames.get(0).getMethod() != null) {
                    RecordedFrame f = frames.get(0);
                    byMethod.merge(f.getMethod().getType().getName() + "." + f.getMethod().getName(), 1, Integer::sum);
                }
            }
        }
        System.out.printf(Locale.ROOT, "%s: %d execution samples%s%n", file.getFileName(), total,
                threadFilter == null ? "" : " on threads matching /" + threadFilter + "/");
        print("by thread family", byThread, total, top);
        print("by layer, inclusive (a sample counts for every layer on its stack)", byLayer, total, LAYERS.size());
        print("self, by layer (the layer of the topmost frame that is in one)", bySelfLayer, total, LAYERS.size() + 1);
        print("self, by first frame outside the JDK (package)", byPackage, total, top);
        print("self, by top frame (method)", byMethod, total, top);
        if (callersOf != null) print("samples in " + callersOf + " by the nearest Rota or Axon frame below it", byCaller, total, top);
    }

    static void print(String title, Map<String, Integer> counts, int total, int top) {
        System.out.println();
        System.out.println("## " + title);
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(top)
                .forEach(en -> System.out.printf(Locale.ROOT, "%6.1f %%  %6d  %s%n",
                        100.0 * en.getValue() / Math.max(1, total), en.getValue(), en.getKey()));
    }

    static boolean startsWithAny(String type, String[] prefixes) {
        for (String p : prefixes) if (type.startsWith(p)) return true;
        return false;
    }

    static boolean isJdk(String type) {
        return type.startsWith("java.") || type.startsWith("javax.") || type.startsWith("jdk.") || type.startsWith("sun.")
                || type.startsWith("com.sun.");
    }

    static String packageOf(String type, int depth) {
        String[] parts = type.split("\\.");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(depth, parts.length - 1); i++) {
            if (i > 0) sb.append('.');
            sb.append(parts[i]);
        }
        return sb.toString();
    }

    /** Thread names without their numbers: "http-nio-18181-exec-3" -> "http-nio-18181-exec-#". */
    static String family(String name) {
        return name.replaceAll("\\d+", "#");
    }
}
