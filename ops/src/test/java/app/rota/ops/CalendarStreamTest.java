package app.rota.ops;

import app.rota.ops.support.Api;
import app.rota.ops.support.RotaIntegrationTest;
import app.rota.ops.support.ScheduleFixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The live calendar over server-sent events: each slot change once, in order, resumed after a disconnect. */
class CalendarStreamTest extends RotaIntegrationTest {

    @Test
    void aClientThatReconnectsWithItsLastEventIdGetsEveryChangeMadeMeanwhileNoneLostNoneTwice() throws Exception {
        String admin = adminToken();
        ScheduleFixtures fixtures = new ScheduleFixtures(api, admin);
        String group = fixtures.group("America/Chicago");
        String primary = fixtures.shiftType(group, "Primary", "08:00", 24);
        String ada = fixtures.member(group, "Ada");
        String bob = fixtures.member(group, "Bob");

        long lastSeen;
        try (Stream live = Stream.open(port, group, admin, null)) {
            assertThat(live.status).isEqualTo(200);
            assertThat(live.contentType).startsWith("text/event-stream");
            assertThat(fixtures.assign(group, primary, "2038-03-13", ada).status()).isEqualTo(200);
            Event first = live.next();
            assertThat(first.name).isEqualTo("slot");
            assertThat(first.data.get("date").asString()).isEqualTo("2038-03-13");
            assertThat(first.data.at("/assignee/name").asString()).isEqualTo("Ada");
            assertThat(first.data.get("version").asLong()).isEqualTo(1);
            assertThat(first.data.get("realHours").asDouble()).as("the spring-forward night").isEqualTo(23.0);
            lastSeen = Long.parseLong(first.id);
        }

        assertThat(fixtures.assign(group, primary, "2038-03-31", ada).status()).isEqualTo(200);
        assertThat(fixtures.assign(group, primary, "2038-03-13", bob).status()).isEqualTo(200);
        assertThat(api.delete(ScheduleFixtures.slot(group, primary, "2038-03-31"), admin).status()).isEqualTo(200);
        fixtures.awaitSlotVersion(group, primary, "2038-03-31", 2);

        try (Stream resumed = Stream.open(port, group, admin, Long.toString(lastSeen))) {
            List<Event> missed = List.of(resumed.next(), resumed.next(), resumed.next());
            assertThat(missed).extracting(e -> e.data.get("date").asString() + " v" + e.data.get("version").asLong())
                    .containsExactly("2038-03-31 v1", "2038-03-13 v2", "2038-03-31 v2");
            assertThat(missed.get(1).data.at("/assignee/name").asString()).isEqualTo("Bob");
            assertThat(missed.get(2).data.get("status").asString()).isEqualTo("OPEN");
            assertThat(missed.get(2).data.get("end").asString()).as("a month-end shift ends in April")
                    .isEqualTo("2038-04-01T08:00:00-05:00");
            assertThat(missed).extracting(e -> Long.parseLong(e.id)).isSorted().allMatch(id -> id > lastSeen);
            assertThat(resumed.nextWithin(Duration.ofSeconds(3))).as("nothing twice").isNull();
            assertThat(resumed.heartbeats).as("heartbeat comments while idle").isPositive();
        }
    }

    @Test
    void aMemberMayListenToTheirGroupAndAnUnreadableLastEventIdIsRefused() throws Exception {
        String admin = adminToken();
        ScheduleFixtures fixtures = new ScheduleFixtures(api, admin);
        String group = fixtures.group("Europe/Berlin");
        String primary = fixtures.shiftType(group, "Primary", "08:00", 12);
        String member = fixtures.memberWithLogin(group, "Cleo", "MEMBER", "cleo-stream", "cleo-password-123");
        String token = api.login("cleo-stream", "cleo-password-123");

        try (Stream live = Stream.open(port, group, token, null)) {
            assertThat(live.status).isEqualTo(200);
            assertThat(fixtures.assign(group, primary, "2038-06-01", member).status()).isEqualTo(200);
            assertThat(live.next().data.at("/assignee/memberId").asString()).isEqualTo(member);
        }

        assertRefused(() -> lastEventId(group, admin, "yesterday"), 400, "LAST_EVENT_ID_INVALID", "Last-Event-ID");
        try (Stream none = Stream.open(port, group, null, null)) {
            assertThat(none.status).isEqualTo(401);
        }
    }

    private Api.Response lastEventId(String group, String token, String lastEventId) {
        try (Stream refused = Stream.open(port, group, token, lastEventId)) {
            return new Api.Response(refused.status, refused.contentType, null, null, null, refused.body());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private record Event(String id, String name, JsonNode data) {
    }

    /** An EventSource as a browser runs it, reading lines on a thread of its own. */
    private static final class Stream implements AutoCloseable {

        private final int status;
        private final String contentType;
        private final InputStream body;
        private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        private final StringBuilder raw = new StringBuilder();
        private volatile int heartbeats;

        private Stream(HttpResponse<InputStream> response) {
            this.status = response.statusCode();
            this.contentType = response.headers().firstValue("Content-Type").orElse("");
            this.body = response.body();
            if (status == 200) {
                Thread reader = new Thread(this::read, "sse-test-reader");
                reader.setDaemon(true);
                reader.start();
            }
        }

        static Stream open(int port, String group, String token, String lastEventId) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/api/v1/groups/" + group + "/calendar/stream"))
                    .header("Accept", "text/event-stream");
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            return new Stream(client.send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream()));
        }

        String body() throws IOException {
            return new String(body.readAllBytes(), StandardCharsets.UTF_8);
        }

        Event next() throws InterruptedException {
            Event event = nextWithin(Duration.ofSeconds(15));
            assertThat(event).as("an event within 15 s").isNotNull();
            return event;
        }

        Event nextWithin(Duration wait) throws InterruptedException {
            return events.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        }

        private void read() {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                String id = null;
                String name = null;
                List<String> data = new ArrayList<>();
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.isEmpty()) {
                        if (!data.isEmpty()) {
                            events.add(new Event(id, name, Api.JSON.readTree(String.join("\n", data))));
                        }
                        id = null;
                        name = null;
                        data.clear();
                    } else if (line.startsWith(":")) {
                        heartbeats++;
                    } else if (line.startsWith("id:")) {
                        id = line.substring(3).trim();
                    } else if (line.startsWith("event:")) {
                        name = line.substring(6).trim();
                    } else if (line.startsWith("data:")) {
                        data.add(line.substring(5).trim());
                    }
                }
            } catch (IOException closed) {
                // the test closed the stream
            }
        }

        @Override
        public void close() throws IOException {
            body.close();
        }
    }
}
