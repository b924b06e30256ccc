package app.rota.ops;

import app.rota.ops.support.Api;
import app.rota.ops.support.CuttableProxy;
import app.rota.ops.support.RotaIntegrationTest;
import app.rota.ops.support.RotaNode;
import app.rota.ops.support.ScheduleFixtures;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.twilio.converter.DateConverter;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.moreThanOrExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A node dies in the middle of a wave of SMS and another takes over its data: every member gets their SMS
 * exactly once. The crash falls while Twilio (a WireMock of this test's own, slow to answer) holds a message
 * the node has handed over but whose answer it has not recorded, so the outbox row is left SENDING; the next
 * node finds it in Twilio's message list and records it as sent with Twilio's SID instead of sending it again,
 * and sends the rows that never reached Twilio.
 *
 * <p>The crash is the plug pulled on node A: its connection pool is closed (no write of any kind after that
 * instant) and its line to Twilio, a {@link CuttableProxy}, cut at once (nothing it still tries reaches
 * Twilio); only then is its context closed, to free the port and stop its PostgreSQL. A plain close would let
 * the node finish the wave on the way down (JobRunr waits for the running dispatch), a clean stop that
 * leaves nothing stuck, not a crash.
 *
 * <p>The same window without a crash: a send whose answer never arrives (after the sender's answer timeout) is
 * looked up the same way rather than sent again.
 */
class SmsSendWaveRestartTest {

    private static final Logger log = LoggerFactory.getLogger(SmsSendWaveRestartTest.class);

    private static final String PASSWORD = "sms-wave-admin-password";
    private static final String ACCOUNT_SID = "ACwave000000000000000000000000000";
    private static final String AUTH_TOKEN = "wave-auth-token-0123456789";
    private static final String FROM = "+15005550006";
    private static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";
    private static final int MEMBERS = 24;
    /** Node A dies when Twilio has received this many messages, before Twilio answers the last one. */
    private static final int CRASH_AT_POST = 5;
    /** How long Twilio takes to answer a send, so that the wave lasts several seconds. */
    private static final int TWILIO_ANSWER_MILLIS = 400;
    private static final LocalDate FIRST_DAY = LocalDate.of(2038, 9, 6);
    private static final Duration WAIT = Duration.ofSeconds(40);

    @Test
    void aNodeDyingInTheMiddleOfASendWaveLeavesNoSmsMissingAndNoneSentTwice() throws Exception {
        assertThat(DateConverter.rfc2822DateTimeFromString(MessageList.RFC_2822.format(Instant.now())))
                .as("the SDK reads the dates this fake Twilio writes, so findSent's 'since' is exercised").isNotNull();
        Path dataDir = RotaIntegrationTest.newDataDir("rota-sms-wave-");
        WireMockServer twilio = fakeTwilio(TWILIO_ANSWER_MILLIS);
        // Trips as send number CRASH_AT_POST (or a later one) reaches Twilio, and holds Twilio's answer to it until
        // node A is dead: Twilio has that message, node A never learns its fate.
        AtomicInteger received = new AtomicInteger();
        AtomicBoolean armed = new AtomicBoolean();
        AtomicBoolean tripped = new AtomicBoolean();
        CountDownLatch crashPoint = new CountDownLatch(1);
        CountDownLatch crashed = new CountDownLatch(1);
        twilio.addMockServiceRequestListener((request, response) -> {
            if ("POST".equals(request.getMethod().getName()) && MESSAGES.equals(request.getUrl())
                    && received.incrementAndGet() >= CRASH_AT_POST && armed.get() && tripped.compareAndSet(false, true)) {
                crashPoint.countDown();
                try {
                    crashed.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        CuttableProxy lineOfNodeA = new CuttableProxy(twilio.port());

        try {
            Map<String, String> phones; // member id -> phone
            String group;

            // 1. Node A: a group without quiet hours, MEMBERS members, each assigned a future slot of their own.
            ConfigurableApplicationContext nodeA = RotaNode.start(dataDir, PASSWORD, settings("http://127.0.0.1:" + lineOfNodeA.port()));
            try {
                Team team = team(nodeA, MEMBERS);
                group = team.group();
                phones = team.phones();
                armed.set(true);

                // 2. The wave is under way; as Twilio receives message CRASH_AT_POST (or a later one), node A dies.
                assertThat(crashPoint.await(60, TimeUnit.SECONDS)).as("Twilio receiving message %d of the wave", CRASH_AT_POST).isTrue();
                nodeA.getBean(HikariDataSource.class).close();
                lineOfNodeA.cut();
                log.info("Node A crashed after {} messages reached Twilio", received.get());
            } finally {
                crashed.countDown();
                lineOfNodeA.close();
                nodeA.close();
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> posts(twilio).size() == received.get());

            // What Twilio has from node A, and what node A's outbox says after the crash.
            Map<String, List<Post>> twilioBefore = byPhone(posts(twilio));
            Map<String, Row> atCrash = rowsByPhone(outbox(dataDir, group));
            log.info("At the crash: Twilio has {} messages; the outbox has {}", twilioBefore.size(),
                    atCrash.values().stream().collect(Collectors.groupingBy(Row::status, Collectors.counting())));
            assertThat(atCrash.keySet()).as("one ASSIGNED SMS per member").containsExactlyInAnyOrderElementsOf(phones.values());
            assertThat(twilioBefore.values()).as("nothing sent twice before the crash").allSatisfy(posts -> assertThat(posts).hasSize(1));
            List<String> handedOverUnrecorded = atCrash.values().stream()
                    .filter(row -> row.status().equals("SENDING") && twilioBefore.containsKey(row.phone())).map(Row::phone).toList();
            List<String> neverReachedTwilio = atCrash.values().stream()
                    .filter(row -> !twilioBefore.containsKey(row.phone())).map(Row::phone).toList();
            assertThat(handedOverUnrecorded)
                    .as("the crash must fall between Twilio accepting a message and the node recording it, or this test proves nothing")
                    .isNotEmpty();
            assertThat(neverReachedTwilio).as("the crash must fall in the middle of the wave").isNotEmpty();
            assertThat(atCrash.values()).as("sent before the crash: recorded with Twilio's SID").filteredOn(row -> row.status().equals("SENT"))
                    .allSatisfy(row -> assertThat(row.sid()).isEqualTo(twilioBefore.get(row.phone()).get(0).sid()));
            assertThat(atCrash.values()).filteredOn(row -> !twilioBefore.containsKey(row.phone()))
                    .allSatisfy(row -> assertThat(row.status()).isIn("SENDING", "PENDING"));

            // 3. Node B on the same data: after stuck-after it looks the SENDING rows up in Twilio's list and sends the rest.
            Instant restarted = Instant.now();
            try (ConfigurableApplicationContext nodeB = RotaNode.start(dataDir, PASSWORD, settings(twilio.baseUrl()))) {
                JdbcTemplate jdbc = nodeB.getBean(JdbcTemplate.class);
                String groupId = group;
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() ->
                        outbox(jdbc, groupId).stream().allMatch(row -> row.status().equals("SENT")));
                log.info("Every SMS recorded as sent {} after node B began to start", Duration.between(restarted, Instant.now()));

                Map<String, List<Post>> twilioAfter = byPhone(posts(twilio));
                Map<String, Row> after = rowsByPhone(outbox(jdbc, group));
                assertThat(twilioAfter.keySet()).as("every member texted").containsExactlyInAnyOrderElementsOf(phones.values());
                for (String phone : phones.values()) {
                    Row row = after.get(phone);
                    assertThat(twilioAfter.get(phone)).as("SMS to %s", phone).hasSize(1);
                    Post sent = twilioAfter.get(phone).get(0);
                    assertThat(sent.body()).as("SMS to %s", phone).isEqualTo(row.body()).contains("you are now on Primary");
                    assertThat(row.sid()).as("the SID recorded for %s is the one Twilio answered", phone).isEqualTo(sent.sid());
                }
                for (String phone : handedOverUnrecorded) {
                    assertThat(after.get(phone).sid()).as("found in Twilio's list: its SID, not sent again")
                            .isEqualTo(twilioBefore.get(phone).get(0).sid());
                    assertThat(after.get(phone).attempts()).as("found in Twilio's list: not sent again").isEqualTo(1);
                }
                for (String phone : neverReachedTwilio) {
                    assertThat(twilioAfter.get(phone).get(0).receivedAt()).as("sent by node B").isAfter(restarted);
                }
                List<String> stuckAtCrash = atCrash.values().stream().filter(row -> row.status().equals("SENDING")).map(Row::phone).toList();
                twilio.verify(moreThanOrExactly(stuckAtCrash.size()), getRequestedFor(urlPathEqualTo(MESSAGES)));
                List<Map<String, String>> lookups = twilio.findAll(getRequestedFor(urlPathEqualTo(MESSAGES))).stream()
                        .map(request -> Map.of("To", request.queryParameter("To").firstValue(),
                                "From", request.queryParameter("From").firstValue(),
                                "PageSize", request.queryParameter("PageSize").firstValue()))
                        .toList();
                assertThat(lookups).as("Twilio's list asked once for each message stuck in SENDING")
                        .extracting(lookup -> lookup.get("To")).containsAll(stuckAtCrash);
                assertThat(lookups).allSatisfy(lookup -> assertThat(lookup).containsEntry("From", FROM).containsEntry("PageSize", "50"));
                log.info("{} members: {} SMS sent before the crash, {} found at Twilio after it, {} sent by node B; {} list look-ups",
                        MEMBERS, atCrash.values().stream().filter(row -> row.status().equals("SENT")).count(),
                        handedOverUnrecorded.size(), neverReachedTwilio.size(), lookups.size());
            }
        } finally {
            crashed.countDown();
            lineOfNodeA.close();
            twilio.stop();
        }
    }

    /** Both nodes: Twilio at {@code twilioUrl}, one sender, a few SMS a second, a send unanswered for 5 s counted stuck. */
    private static String[] settings(String twilioUrl) {
        return new String[] {
                "--rota.twilio.account-sid=" + ACCOUNT_SID,
                "--rota.twilio.auth-token=" + AUTH_TOKEN,
                "--rota.twilio.from-number=" + FROM,
                "--rota.twilio.api-base-url=" + twilioUrl,
                "--rota.public-base-url=https://rota.example.test",
                "--rota.sms.stuck-after=PT5S",
                "--rota.sms.senders=1",
                "--rota.sms.max-per-second=5",
                "--rota.sms.first-retry=PT1S",
                "--rota.sms.max-retry-delay=PT2S"};
    }

    /**
     * The same window without a crash: Twilio takes the message but its answer never arrives (it comes after
     * the sender's 10 s answer timeout). The sender cannot know whether Twilio has it, so it must not send it
     * again blindly: the message is looked up in Twilio's list and recorded with the SID found there.
     */
    @Test
    void aSendWhoseAnswerNeverArrivesIsFoundInTwiliosListInsteadOfBeingSentAgain() throws Exception {
        Path dataDir = RotaIntegrationTest.newDataDir("rota-sms-no-answer-");
        WireMockServer twilio = fakeTwilio(11_000);
        try (ConfigurableApplicationContext node = RotaNode.start(dataDir, PASSWORD, settings(twilio.baseUrl()))) {
            Team team = team(node, 1);
            String phone = team.phones().values().iterator().next();
            JdbcTemplate jdbc = node.getBean(JdbcTemplate.class);

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> posts(twilio).size() > 1
                    || outbox(jdbc, team.group()).stream().allMatch(row -> row.status().equals("SENT")));

            List<Post> posts = posts(twilio);
            Row row = outbox(jdbc, team.group()).get(0);
            assertThat(posts).as("sent once: the unanswered send was not repeated").hasSize(1);
            assertThat(posts.get(0).to()).isEqualTo(phone);
            assertThat(row.sid()).as("the SID Twilio gave the message, found in its list").isEqualTo(posts.get(0).sid());
            assertThat(row.attempts()).isEqualTo(1);
            twilio.verify(moreThanOrExactly(1), getRequestedFor(urlPathEqualTo(MESSAGES)));
        } finally {
            twilio.stop();
        }
    }

    /** A group without quiet hours on {@code node}, with a shift type and {@code members} members, each assigned a future slot. */
    private static Team team(ConfigurableApplicationContext node, int members) {
        Api api = new Api(RotaNode.port(node));
        JdbcTemplate jdbc = node.getBean(JdbcTemplate.class);
        String admin = api.login("admin", PASSWORD);
        ScheduleFixtures fixtures = new ScheduleFixtures(api, admin);
        String group = fixtures.group("America/Chicago");
        assertThat(api.put("/api/v1/groups/" + group + "/settings", admin,
                "{\"quietHoursStart\":\"00:00\",\"quietHoursEnd\":\"00:00\"}").status()).isEqualTo(200);
        String primary = fixtures.shiftType(group, "Primary", "08:00", 24);
        Map<String, String> phones = new LinkedHashMap<>();
        for (int i = 0; i < members; i++) {
            String phone = ScheduleFixtures.nextPhone();
            Api.Response created = api.post("/api/v1/groups/" + group + "/members", admin,
                    "{\"name\":\"Member " + i + "\",\"phone\":\"" + phone + "\",\"role\":\"MEMBER\"}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            phones.put(created.text("id"), phone);
        }
        // The notifier knows the members and the quiet hours before any assignment, or an SMS would wait for quiet hours to end.
        await().atMost(WAIT).until(() -> jdbc.queryForObject("select count(*) from ntf_member where group_id = ?::uuid",
                Integer.class, group) == members && jdbc.queryForObject("select count(*) from ntf_group where group_id = ?::uuid"
                + " and quiet_hours_start = quiet_hours_end", Integer.class, group) == 1);
        int day = 0;
        for (String member : phones.keySet()) {
            Api.Response assigned = fixtures.assign(group, primary, FIRST_DAY.plusDays(day++).toString(), member);
            assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        }
        return new Team(group, phones);
    }

    /** A group and its members' phones by member id. */
    record Team(String group, Map<String, String> phones) {
    }

    /**
     * Twilio as this test's own WireMock: a send is answered 201 with a fresh SID after {@code answerMillis},
     * and the message list is answered from what it accepted ({@link MessageList}).
     */
    private static WireMockServer fakeTwilio(int answerMillis) {
        MessageList messageList = new MessageList();
        WireMockServer twilio = new WireMockServer(options().dynamicPort().extensions(messageList));
        twilio.start();
        messageList.journalOf(twilio);
        twilio.stubFor(post(urlEqualTo(MESSAGES)).willReturn(aResponse().withStatus(201).withFixedDelay(answerMillis)
                .withHeader("Content-Type", "application/json")
                .withTransformers("response-template")
                .withBody("""
                        {"sid": "SM{{randomValue length=32 type='ALPHANUMERIC'}}", "status": "queued", "account_sid": "%s", "num_segments": "1"}
                        """.formatted(ACCOUNT_SID))));
        twilio.stubFor(get(urlPathEqualTo(MESSAGES)).willReturn(aResponse().withTransformers(MessageList.NAME)));
        return twilio;
    }

    // ---- Twilio's side: the messages it accepted ----

    /** A message Twilio accepted: its form, the SID it answered, when it was received. */
    record Post(String to, String from, String body, String sid, Instant receivedAt) {
    }

    /** Every message POST that Twilio answered 201, oldest first. */
    static List<Post> posts(WireMockServer twilio) {
        List<Post> posts = new ArrayList<>();
        for (ServeEvent event : twilio.getAllServeEvents()) {
            if (event.getRequest().getMethod().getName().equals("POST") && MESSAGES.equals(event.getRequest().getUrl())
                    && event.getResponse() != null && event.getResponse().getStatus() == 201) {
                Map<String, String> form = form(event.getRequest().getBodyAsString());
                String sid = Api.JSON.readTree(event.getResponse().getBodyAsString()).get("sid").asString();
                posts.add(new Post(form.get("To"), form.get("From"), form.get("Body"), sid, event.getRequest().getLoggedDate().toInstant()));
            }
        }
        posts.sort((a, b) -> a.receivedAt().compareTo(b.receivedAt()));
        return posts;
    }

    private static Map<String, List<Post>> byPhone(List<Post> posts) {
        return posts.stream().collect(Collectors.groupingBy(Post::to, LinkedHashMap::new, Collectors.toList()));
    }

    private static Map<String, String> form(String body) {
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

    /**
     * Twilio's message list ({@code GET .../Messages.json?To=&From=&PageSize=}), answered from what this
     * WireMock really accepted: every message to that number (and from that number, when asked), newest first,
     * with the SID it was answered with, in the JSON shape the Twilio SDK reads ({@code Page.fromJson}).
     */
    static final class MessageList implements ResponseDefinitionTransformerV2 {

        static final String NAME = "twilio-message-list";
        /** RFC 2822, as Twilio writes {@code date_created} and the SDK's {@code DateConverter} reads it. */
        static final DateTimeFormatter RFC_2822 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US)
                .withZone(ZoneOffset.UTC);

        private volatile WireMockServer journal;

        void journalOf(WireMockServer server) {
            this.journal = server;
        }

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            var request = serveEvent.getRequest();
            String to = request.queryParameter("To").isPresent() ? request.queryParameter("To").firstValue() : null;
            String from = request.queryParameter("From").isPresent() ? request.queryParameter("From").firstValue() : null;
            String path = request.getUrl().replaceAll("\\?.*", "");
            List<Map<String, Object>> messages = new ArrayList<>();
            List<Post> newestFirst = new ArrayList<>(posts(journal));
            java.util.Collections.reverse(newestFirst);
            for (Post post : newestFirst) {
                if ((to == null || to.equals(post.to())) && (from == null || from.equals(post.from()))) {
                    messages.add(message(path, post));
                }
            }
            Map<String, Object> page = new LinkedHashMap<>();
            page.put("end", Math.max(0, messages.size() - 1));
            page.put("first_page_uri", path + "?PageSize=50&Page=0");
            page.put("messages", messages);
            page.put("next_page_uri", null);
            page.put("page", 0);
            page.put("page_size", 50);
            page.put("previous_page_uri", null);
            page.put("start", 0);
            page.put("uri", path + "?PageSize=50&Page=0");
            return ResponseDefinitionBuilder.responseDefinition().withStatus(200).withHeader("Content-Type", "application/json")
                    .withBody(Api.JSON.writeValueAsString(page)).build();
        }

        private static Map<String, Object> message(String listPath, Post post) {
            String created = RFC_2822.format(post.receivedAt());
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("account_sid", ACCOUNT_SID);
            message.put("api_version", "2010-04-01");
            message.put("body", post.body());
            message.put("date_created", created);
            message.put("date_sent", null);
            message.put("date_updated", created);
            message.put("direction", "outbound-api");
            message.put("error_code", null);
            message.put("error_message", null);
            message.put("from", post.from());
            message.put("messaging_service_sid", null);
            message.put("num_media", "0");
            message.put("num_segments", "1");
            message.put("price", null);
            message.put("price_unit", "USD");
            message.put("sid", post.sid());
            message.put("status", "queued");
            message.put("subresource_uris", Map.of("media", listPath.replace(".json", "/" + post.sid() + "/Media.json")));
            message.put("to", post.to());
            message.put("uri", listPath.replace(".json", "/" + post.sid() + ".json"));
            return message;
        }
    }

    // ---- Rota's side: the outbox ----

    record Row(String phone, String status, int attempts, String sid, String body) {
    }

    private static Map<String, Row> rowsByPhone(List<Row> rows) {
        return rows.stream().collect(Collectors.toMap(Row::phone, row -> row, (a, b) -> {
            throw new AssertionError("two ASSIGNED SMS to " + a.phone());
        }, LinkedHashMap::new));
    }

    private static List<Row> outbox(JdbcTemplate jdbc, String group) {
        return jdbc.query("select to_phone, status, attempts, twilio_sid, body from ntf_message where group_id = ?::uuid"
                        + " and purpose = 'ASSIGNED' order by to_phone",
                (rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5)), group);
    }

    /** The outbox as a stopped node left it: read from its database with no node running. */
    private static List<Row> outbox(Path dataDir, String group) throws Exception {
        String external = System.getenv("SPRING_DATASOURCE_URL");
        if (external != null && !external.isBlank()) {
            try (Connection connection = DriverManager.getConnection(external, System.getenv("SPRING_DATASOURCE_USERNAME"),
                    System.getenv("SPRING_DATASOURCE_PASSWORD"))) {
                return outbox(new JdbcTemplate(new SingleConnectionDataSource(connection, true)), group);
            }
        }
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dataDir.resolve("postgres").toAbsolutePath())
                .setCleanDataDirectory(false).setRegisterShutdownHook(false).start();
             Connection connection = postgres.getDatabase("postgres", "rota").getConnection()) {
            return outbox(new JdbcTemplate(new SingleConnectionDataSource(connection, true)), group);
        }
    }

}
