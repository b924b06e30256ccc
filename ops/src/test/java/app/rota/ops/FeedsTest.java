package app.rota.ops;

import app.rota.ops.support.Api;
import app.rota.ops.support.FakeTwilio;
import app.rota.ops.support.RotaIntegrationTest;
import app.rota.ops.support.ScheduleFixtures;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.util.CompatibilityHints;
import net.fortuna.ical4j.validate.ValidationResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * iCalendar feeds through HTTP: issued by the member or an admin (the group's by an admin), fetched without a
 * login, strictly valid RFC 5545 whose events are exactly the calendar's slots in the window (60 days back, 365
 * ahead), DST days included; a new token revokes the old one.
 */
class FeedsTest extends RotaIntegrationTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    private final HttpClient http = HttpClient.newHttpClient();
    private String admin;
    private ScheduleFixtures fixtures;
    private String group;
    private String primary;
    private String ann;
    private String bob;
    private String annToken;
    private String bobToken;
    private LocalDate today;
    /** The group-local date of the next spring-forward (2027-03-14 as this is written) and of the next fall-back. */
    private LocalDate springForward;
    private LocalDate fallBack;

    @BeforeEach
    void aGroupInChicagoWithTwoMembersWhoHaveLogins() {
        admin = adminToken();
        fixtures = new ScheduleFixtures(api, admin);
        group = fixtures.group("America/Chicago");
        primary = fixtures.shiftType(group, "Primary", "08:00", 24);
        String prefix = group.substring(0, 8);
        ann = fixtures.memberWithLogin(group, "Ann", "MEMBER", "feed-ann-" + prefix, "ann-password-1");
        bob = fixtures.memberWithLogin(group, "Bob", "MEMBER", "feed-bob-" + prefix, "bob-password-1");
        annToken = api.login("feed-ann-" + prefix, "ann-password-1");
        bobToken = api.login("feed-bob-" + prefix, "bob-password-1");
        today = LocalDate.now(CHICAGO);
        ZoneOffsetTransition next = CHICAGO.getRules().nextTransition(Instant.now());
        ZoneOffsetTransition after = CHICAGO.getRules().nextTransition(next.getInstant());
        springForward = (next.isGap() ? next : after).getDateTimeBefore().toLocalDate();
        fallBack = (next.isGap() ? after : next).getDateTimeBefore().toLocalDate();
    }

    @Test
    void aMembersFeedIsValidICalendarWithExactlyTheirSlotsInTheWindowAsTheCalendarShowsThem() throws Exception {
        assign(springForward.minusDays(1), ann);
        assign(springForward, ann);
        assign(fallBack.minusDays(1), ann);
        assign(today.minusDays(20), ann);
        assign(today.minusDays(70), ann);
        assign(today.plusDays(370), ann);
        assign(today.plusDays(3), bob);

        JsonNode link = issue("/members/" + ann + "/feed", annToken);
        String token = link.get("token").asString();
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(link.get("url").asString()).isEqualTo(FakeTwilio.PUBLIC_BASE_URL + "/api/v1/feeds/" + token + ".ics");
        HttpResponse<String> response = fetch(token, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/calendar;charset=UTF-8");
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(value -> assertThat(value).contains("private"));
        Calendar calendar = strictlyParsed(response.body());
        assertThat(value(calendar, "PRODID")).isNotBlank();
        assertThat(value(calendar, "VERSION")).isEqualTo("2.0");
        assertThat(value(calendar, "CALSCALE")).isEqualTo("GREGORIAN");
        assertThat(value(calendar, "METHOD")).isEqualTo("PUBLISH");
        assertThat(value(calendar, "X-WR-CALNAME")).contains("Ann");
        assertThat(value(calendar, "X-PUBLISHED-TTL")).isEqualTo("PT1H");
        assertThat(value(calendar, "REFRESH-INTERVAL")).isEqualTo("PT1H");
        Map<String, JsonNode> annsSlots = new HashMap<>();
        calendarSlots().forEach((uid, slot) -> {
            if (slot.hasNonNull("assignee") && slot.at("/assignee/memberId").asString().equals(ann)) {
                annsSlots.put(uid, slot);
            }
        });
        assertThat(annsSlots).hasSize(4);
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).extracting(FeedsTest::uid).containsExactlyInAnyOrderElementsOf(annsSlots.keySet());
        for (VEvent event : events) {
            assertMatches(event, annsSlots.get(uid(event)), "Primary");
        }
        VEvent shortDay = events.stream().filter(e -> uid(e).equals(primary + "-" + springForward.minusDays(1) + "@rota")).findFirst().orElseThrow();
        assertThat(Duration.between(instant(shortDay, "DTSTART"), instant(shortDay, "DTEND"))).isEqualTo(Duration.ofHours(23));
        VEvent longDay = events.stream().filter(e -> uid(e).equals(primary + "-" + fallBack.minusDays(1) + "@rota")).findFirst().orElseThrow();
        assertThat(Duration.between(instant(longDay, "DTSTART"), instant(longDay, "DTEND"))).isEqualTo(Duration.ofHours(25));

        String etag = response.headers().firstValue("ETag").orElseThrow();
        assertThat(fetch(token, etag).statusCode()).as("unchanged since the last fetch").isEqualTo(304);
    }

    @Test
    void theGroupFeedHasEverySlotOfTheCalendarNamingWhoHoldsItAndAReassignmentUpdatesTheSameEvent() throws Exception {
        LocalDate shortDay = springForward.minusDays(1);
        assign(shortDay, ann);
        assign(today.plusDays(1), bob);
        String token = issue("/feed", admin).get("token").asString();

        Calendar calendar = strictlyParsed(fetch(token, null).body());

        Map<String, JsonNode> slots = calendarSlots();
        assertThat(slots).as("one daily shift type, 60 days back to 365 ahead").hasSize(426);
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).extracting(FeedsTest::uid).containsExactlyInAnyOrderElementsOf(slots.keySet());
        for (VEvent event : events) {
            JsonNode slot = slots.get(uid(event));
            assertMatches(event, slot, "Primary: " + (slot.hasNonNull("assignee") ? slot.at("/assignee/name").asString() : "open"));
        }
        String uid = primary + "-" + shortDay + "@rota";
        int before = sequence(event(calendar, uid));
        assertThat(summary(event(calendar, uid))).isEqualTo("Primary: Ann");

        assign(shortDay, bob);
        fixtures.awaitSlotVersion(group, primary, shortDay.toString(), before + 1);
        Calendar after = strictlyParsed(fetch(token, null).body());

        assertThat(sequence(event(after, uid))).isGreaterThan(before);
        assertThat(summary(event(after, uid))).isEqualTo("Primary: Bob");
        assertThat(after.getComponents("VEVENT")).hasSameSizeAs(events);
    }

    @Test
    void aNewTokenRevokesTheOldOne() {
        String first = issue("/members/" + ann + "/feed", annToken).get("token").asString();
        String second = issue("/members/" + ann + "/feed", admin).get("token").asString();
        String firstOfGroup = issue("/feed", admin).get("token").asString();
        String secondOfGroup = issue("/feed", admin).get("token").asString();

        assertNoFeed(first);
        assertThat(fetch(second, null).statusCode()).isEqualTo(200);
        assertNoFeed(firstOfGroup);
        assertThat(fetch(secondOfGroup, null).statusCode()).isEqualTo(200);
    }

    @Test
    void anUnknownTokenIs404WithoutALogin() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        assertNoFeed(Base64.getUrlEncoder().withoutPadding().encodeToString(random));
        assertNoFeed("not-a-token");
    }

    @Test
    void aMemberGetsTheirOwnFeedButNotAnotherMembersNorTheGroups() {
        assertThat(issue("/members/" + ann + "/feed", annToken).get("token").asString()).isNotBlank();

        assertRefused(() -> api.post("/api/v1/groups/" + group + "/members/" + bob + "/feed", annToken, ""), 403, "ACCESS_DENIED", null);
        assertRefused(() -> api.post("/api/v1/groups/" + group + "/feed", annToken, ""), 403, "ACCESS_DENIED", null);
        assertThat(issue("/members/" + bob + "/feed", bobToken).get("token").asString()).isNotBlank();
        String elsewhere = fixtures.member(fixtures.group("UTC"), "Zed");
        assertRefused(() -> api.post("/api/v1/groups/" + group + "/members/" + elsewhere + "/feed", admin, ""), 404, "MEMBER_NOT_FOUND", null);
    }

    @Test
    void aDeactivatedMembersFeedIsRevokedAndNoNewOneIsIssued() throws Exception {
        String token = issue("/members/" + ann + "/feed", admin).get("token").asString();
        HttpResponse<String> empty = fetch(token, null);
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(strictlyParsed(empty.body()).getComponents("VEVENT")).as("Ann holds no slot").isEmpty();

        assertThat(api.post("/api/v1/groups/" + group + "/members/" + ann + "/deactivate", admin, "").status()).isEqualTo(204);

        await().atMost(Duration.ofSeconds(10)).until(() -> fetch(token, null).statusCode() == 404);
        assertNoFeed(token);
        assertRefused(() -> api.post("/api/v1/groups/" + group + "/members/" + ann + "/feed", admin, ""), 422, "MEMBER_INACTIVE", "memberId");
    }

    private void assign(LocalDate date, String member) {
        Api.Response assigned = fixtures.assign(group, primary, date.toString(), member);
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        fixtures.awaitSlotVersion(group, primary, date.toString(), assigned.json().get("version").asLong());
    }

    /** Issues a feed; a member just added reaches the feeds' projection a moment later. */
    private JsonNode issue(String path, String token) {
        String url = "/api/v1/groups/" + group + path;
        await().atMost(Duration.ofSeconds(10)).until(() -> api.post(url, token, "").status() != 404);
        Api.Response issued = api.post(url, token, "");
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        assertThat(issued.contentType()).startsWith("application/json");
        return issued.json();
    }

    private HttpResponse<String> fetch(String token, String ifNoneMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/feeds/" + token + ".ics"));
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        try {
            return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void assertNoFeed(String token) {
        HttpResponse<String> response = fetch(token, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(Api.JSON.readTree(response.body()).get("code").asString()).isEqualTo("FEED_NOT_FOUND");
    }

    /** The calendar's slots in the feed's window, by the UID the feed gives them (two reads: one may span 366 days). */
    private Map<String, JsonNode> calendarSlots() {
        Map<String, JsonNode> slots = new HashMap<>();
        LocalDate from = today.minusDays(60);
        LocalDate middle = today.plusDays(150);
        for (String range : List.of("from=" + from + "&to=" + middle, "from=" + middle.plusDays(1) + "&to=" + today.plusDays(365))) {
            Api.Response calendar = api.get("/api/v1/groups/" + group + "/calendar?" + range, admin);
            assertThat(calendar.status()).as(calendar.body()).isEqualTo(200);
            calendar.json().get("slots").forEach(slot ->
                    slots.put(slot.get("shiftTypeId").asString() + "-" + slot.get("date").asString() + "@rota", slot));
        }
        return slots;
    }

    /** Parsed with relaxed parsing off, then validated: what a strict subscriber would accept. */
    private static Calendar strictlyParsed(String body) throws Exception {
        assertThat(CompatibilityHints.isHintEnabled(CompatibilityHints.KEY_RELAXED_PARSING)).isFalse();
        Calendar calendar = new CalendarBuilder().build(new StringReader(body));
        ValidationResult result = calendar.validate();
        assertThat(result.hasErrors()).as(result.toString()).isFalse();
        assertThat(body).contains("\r\n");
        return calendar;
    }

    private static void assertMatches(VEvent event, JsonNode slot, String summary) {
        assertThat(slot).as("a slot for " + uid(event)).isNotNull();
        assertThat(instant(event, "DTSTART")).isEqualTo(Instant.parse(slot.get("start").asString()));
        assertThat(instant(event, "DTEND")).isEqualTo(Instant.parse(slot.get("end").asString()));
        assertThat(((DateProperty<?>) event.getProperty("DTSTART").orElseThrow()).isUtc()).isTrue();
        assertThat(sequence(event)).isEqualTo(slot.get("version").asInt());
        assertThat(summary(event)).isEqualTo(summary);
        assertThat(event.getProperty("DTSTAMP")).isPresent();
    }

    private static VEvent event(Calendar calendar, String uid) {
        return calendar.<VEvent>getComponents("VEVENT").stream().filter(e -> uid(e).equals(uid)).findFirst().orElseThrow();
    }

    private static String uid(VEvent event) {
        return event.<Property>getProperty("UID").orElseThrow().getValue();
    }

    private static String summary(VEvent event) {
        return event.<Property>getProperty("SUMMARY").orElseThrow().getValue();
    }

    private static int sequence(VEvent event) {
        return Integer.parseInt(event.<Property>getProperty("SEQUENCE").orElseThrow().getValue());
    }

    private static Instant instant(VEvent event, String name) {
        return Instant.from(event.<DateProperty<?>>getProperty(name).orElseThrow().getDate());
    }

    private static String value(Calendar calendar, String name) {
        return calendar.<Property>getProperty(name).orElseThrow().getValue();
    }
}
