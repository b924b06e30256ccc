package app.rota.ops;

import app.rota.ops.support.Api;
import app.rota.ops.support.RotaIntegrationTest;
import app.rota.ops.support.ScheduleFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Swaps through the HTTP API on the real stack: trades and give-aways, approval, the refusals, a
 * completion that can no longer happen, an admin's edit winning over a pending swap, concurrent
 * accepts, and expiry by the JobRunr deadline.
 */
class SwapApiTest extends RotaIntegrationTest {

    private static final String DAY_1 = "2038-05-03";
    private static final String DAY_2 = "2038-05-04";
    private static final String PASSWORD = "swap-password-1";

    private String admin;
    private ScheduleFixtures fixtures;
    private String group;
    private String primary;
    private String ann;
    private String bob;
    private String annToken;
    private String bobToken;

    @BeforeEach
    void annAndBobHoldTwoDaysOfPrimary() {
        admin = adminToken();
        fixtures = new ScheduleFixtures(api, admin);
        group = fixtures.group("America/Chicago");
        primary = fixtures.shiftType(group, "Primary", "08:00", 24);
        String prefix = group.substring(0, 8);
        ann = fixtures.memberWithLogin(group, "Ann", "MEMBER", "ann-" + prefix, PASSWORD);
        bob = fixtures.memberWithLogin(group, "Bob", "MEMBER", "bob-" + prefix, PASSWORD);
        annToken = api.login("ann-" + prefix, PASSWORD);
        bobToken = api.login("bob-" + prefix, PASSWORD);
        assertThat(fixtures.assign(group, primary, DAY_1, ann).status()).isEqualTo(200);
        assertThat(fixtures.assign(group, primary, DAY_2, bob).status()).isEqualTo(200);
    }

    @Test
    void aTradeAcceptedByTheCounterpartSwapsBothSlotsAndShowsItsHistory() {
        String swap = proposeTrade(annToken, null);
        awaitSlot(DAY_1, "SWAP_PENDING", ann);
        double completedBefore = swapsEnded("COMPLETED");

        Api.Response accepted = api.post(swaps() + "/" + swap + "/accept", bobToken, "{}");

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        JsonNode body = accepted.json();
        assertThat(body.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(body.get("kind").asString()).isEqualTo("TRADE");
        assertThat(body.at("/proposer/name").asString()).isEqualTo("Ann");
        assertThat(body.at("/counterpart/name").asString()).isEqualTo("Bob");
        assertThat(statuses(body)).containsExactly("PROPOSED", "ACCEPTED", "COMPLETED");
        assertThat(body.at("/history/1/actor/name").asString()).as("the acting login").isEqualTo("bob-" + group.substring(0, 8));
        assertThat(body.at("/history/1/actor/source").asString()).isEqualTo("WEB");
        assertThat(body.get("closedAt").isNull()).isFalse();
        awaitSlot(DAY_1, "ASSIGNED", bob);
        awaitSlot(DAY_2, "ASSIGNED", ann);
        assertThat(swapsEnded("COMPLETED")).isEqualTo(completedBefore + 1);
    }

    @Test
    void aGiveAwayHandsTheSlotToTheCounterpart() {
        Api.Response proposed = api.post(swaps(), annToken, "{\"fromSlot\":" + slot(DAY_1) + ",\"counterpartId\":\"" + bob + "\"}");
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        assertThat(proposed.location()).endsWith("/swaps/" + proposed.text("id"));

        Api.Response accepted = api.post(swaps() + "/" + proposed.text("id") + "/accept", bobToken, "");

        assertThat(accepted.json().get("kind").asString()).isEqualTo("GIVE_AWAY");
        assertThat(accepted.json().get("status").asString()).isEqualTo("COMPLETED");
        awaitSlot(DAY_1, "ASSIGNED", bob);
    }

    @Test
    void withApprovalRequiredAnAcceptedSwapWaitsForAnAdmin() {
        assertThat(api.put("/api/v1/groups/" + group + "/settings", admin, "{\"swapApprovalRequired\":true}").status()).isEqualTo(200);
        String swap = proposeTrade(annToken, null);

        assertThat(api.post(swaps() + "/" + swap + "/accept", bobToken, "").json().get("status").asString()).isEqualTo("ACCEPTED");
        assertRefused(() -> api.post(swaps() + "/" + swap + "/approve", bobToken, ""), 403, "ACCESS_DENIED", null);
        Api.Response approved = api.post(swaps() + "/" + swap + "/approve", admin, "{\"reason\":\"ok\"}");

        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("status").asString()).isEqualTo("COMPLETED");
        awaitSlot(DAY_1, "ASSIGNED", bob);
    }

    @Test
    void anAdminProposesForAMemberAndTheHistoryRecordsWhomTheyActedFor() {
        Api.Response proposed = api.post(swaps(), admin, "{\"fromSlot\":" + slot(DAY_1) + ",\"toSlot\":" + slot(DAY_2)
                + ",\"counterpartId\":\"" + bob + "\",\"proposerId\":\"" + ann + "\"}");
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode swap = api.get(swaps() + "/" + proposed.text("id"), annToken).json();
            assertThat(swap.at("/history/0/onBehalfOf").asString()).isEqualTo(ann);
            assertThat(swap.at("/proposer/memberId").asString()).isEqualTo(ann);
        });
    }

    @Test
    void theCounterpartDeclinesAndTheProposerCancelsButNotTheOtherWayRound() {
        String declined = proposeTrade(annToken, null);
        assertRefused(() -> api.post(swaps() + "/" + declined + "/decline", annToken, ""), 403, "ACCESS_DENIED", null);
        assertThat(api.post(swaps() + "/" + declined + "/decline", bobToken, "").json().get("status").asString()).isEqualTo("DECLINED");

        String cancelled = proposeTrade(annToken, null);
        assertRefused(() -> api.post(swaps() + "/" + cancelled + "/cancel", bobToken, ""), 403, "ACCESS_DENIED", null);
        assertThat(api.post(swaps() + "/" + cancelled + "/cancel", annToken, "").json().get("status").asString()).isEqualTo("CANCELLED");

        Api.Response tooLate = api.post(swaps() + "/" + cancelled + "/accept", bobToken, "");
        assertThat(tooLate.status()).isEqualTo(409);
        assertThat(tooLate.json().get("code").asString()).isEqualTo("SWAP_STATE_CONFLICT");
        assertThat(tooLate.json().at("/current/status").asString()).isEqualTo("CANCELLED");
        awaitSlot(DAY_1, "ASSIGNED", ann);
    }

    @Test
    void aProposalIsRefusedForEachRuleItBreaksAndStoresNothing() {
        String aud = fixtures.member(group, "Aud", "AUDITOR");
        assertRefused(() -> api.post(swaps(), annToken, "{\"fromSlot\":" + slot(DAY_2) + ",\"counterpartId\":\"" + bob + "\"}"),
                422, "SLOT_NOT_HELD", "fromSlot");
        assertRefused(() -> api.post(swaps(), annToken, "{\"fromSlot\":" + slot(DAY_1) + ",\"toSlot\":" + slot(DAY_1)
                + ",\"counterpartId\":\"" + bob + "\"}"), 422, "SLOT_NOT_HELD", "toSlot");
        assertRefused(() -> api.post(swaps(), annToken, "{\"fromSlot\":" + slot(DAY_1) + ",\"counterpartId\":\"" + ann + "\"}"),
                422, "COUNTERPART_INVALID", "counterpartId");
        assertRefused(() -> api.post(swaps(), annToken, "{\"fromSlot\":" + slot(DAY_1) + ",\"counterpartId\":\"" + aud + "\"}"),
                422, "COUNTERPART_INVALID", "counterpartId");
        assertRefused(() -> api.post(swaps(), annToken, "{\"fromSlot\":" + slot(DAY_1) + "}"), 400, "FIELD_REQUIRED", "counterpartId");
        assertRefused(() -> api.post(swaps(), bobToken, "{\"fromSlot\":" + slot(DAY_1) + ",\"counterpartId\":\"" + bob
                + "\",\"proposerId\":\"" + ann + "\"}"), 403, "ACCESS_DENIED", null);
        assertRefused(() -> api.post(swaps(), annToken, "{\"fromSlot\":" + slot(DAY_1) + ",\"counterpartId\":\"" + bob
                + "\",\"expiresAt\":\"2020-01-01T00:00:00Z\"}"), 400, "DATE_RANGE_INVALID", "expiresAt");
        assertThat(fixtures.assign(group, primary, "2020-02-29", ann).status()).as("a correction of the past").isEqualTo(200);
        assertRefused(() -> api.post(swaps(), annToken, "{\"fromSlot\":" + slot("2020-02-29") + ",\"counterpartId\":\"" + bob + "\"}"),
                422, "SLOT_STARTED", "fromSlot");
        String backup = fixtures.shiftType(group, "Backup", "20:00", 4);
        assertThat(api.put(ScheduleFixtures.slot(group, backup, DAY_1), admin, "{\"memberId\":\"" + bob + "\"}").status()).isEqualTo(200);
        assertRefused(() -> api.post(swaps(), annToken, "{\"fromSlot\":" + slot(DAY_1) + ",\"counterpartId\":\"" + bob + "\"}"),
                409, "MEMBER_DOUBLE_BOOKED", "memberId");
        assertThat(api.delete(ScheduleFixtures.slot(group, backup, DAY_1), admin).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/groups/" + group + "/members/" + bob + "/time-off", admin,
                "{\"from\":\"" + DAY_1 + "\",\"to\":\"" + DAY_1 + "\"}").status()).isEqualTo(201);
        assertRefused(() -> api.post(swaps(), annToken, "{\"fromSlot\":" + slot(DAY_1) + ",\"counterpartId\":\"" + bob + "\"}"),
                422, "MEMBER_ON_TIME_OFF", null);
    }

    @Test
    void aSlotIsInOnePendingSwapAtATime() {
        proposeTrade(annToken, null);

        assertRefused(() -> api.post(swaps(), annToken, "{\"fromSlot\":" + slot(DAY_1) + ",\"counterpartId\":\"" + bob + "\"}"),
                409, "SLOT_PENDING", null);
    }

    @Test
    void whenTheTradeWouldDoubleBookAMemberAtAcceptanceTheSwapFailsAndTheCalendarIsAsBefore() {
        String swap = proposeTrade(annToken, null);
        String backup = fixtures.shiftType(group, "Backup", "20:00", 4);
        String dayTwoBackup = ScheduleFixtures.slot(group, backup, DAY_2);
        assertThat(api.put(dayTwoBackup, admin, "{\"memberId\":\"" + ann + "\"}").status())
                .as("Ann now holds Backup 20:00-24:00 on day 2, inside Bob's slot she would take").isEqualTo(200);

        Api.Response accepted = api.post(swaps() + "/" + swap + "/accept", bobToken, "");

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json().get("status").asString()).isEqualTo("FAILED");
        assertThat(accepted.json().get("failureReason").asString()).contains("overlaps");
        assertThat(jdbc.queryForList("select member_id::text from cmd_booking where slot_key in (?, ?) order by slot_date",
                String.class, primary + "/" + DAY_1, primary + "/" + DAY_2)).containsExactly(ann, bob);
        awaitSlot(DAY_1, "ASSIGNED", ann);
        awaitSlot(DAY_2, "ASSIGNED", bob);
    }

    @Test
    void anAdminsEditOfAPendingSwapsSlotWinsAndTheSwapFailsAtOnce() {
        String swap = proposeTrade(annToken, null);

        assertThat(api.delete(ScheduleFixtures.slot(group, primary, DAY_2) + "?reason=sick", admin).status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode read = api.get(swaps() + "/" + swap, annToken).json();
            assertThat(read.get("status").asString()).isEqualTo("FAILED");
            assertThat(read.get("failureReason").asString()).contains("changed by someone else");
        });
        Api.Response accepted = api.post(swaps() + "/" + swap + "/accept", bobToken, "");
        assertThat(accepted.status()).isEqualTo(409);
        awaitSlot(DAY_1, "ASSIGNED", ann);
    }

    @Test
    void twoConcurrentAcceptsCompleteTheSwapOnce() throws Exception {
        String swap = proposeTrade(annToken, null);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> accepts = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String token = i % 2 == 0 ? bobToken : admin;
                accepts.add(clients.submit((Callable<Integer>) () -> api.post(swaps() + "/" + swap + "/accept", token, "").status()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> accept : accepts) {
                statuses.add(accept.get());
            }
            assertThat(statuses).containsOnly(200, 409).containsOnlyOnce(200);
        } finally {
            clients.shutdownNow();
        }
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ? "
                + "and payload_type = 'app.rota.kernel.swap.SwapCompletedEvent'", Long.class, swap)).isEqualTo(1);
    }

    @Test
    void aSwapNotAnsweredByItsExpiryExpiresThroughItsDeadline() {
        String swap = proposeTrade(annToken, Instant.now().plusSeconds(3).toString());

        await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(api.get(swaps() + "/" + swap, annToken).json().get("status").asString()).isEqualTo("EXPIRED"));
        awaitSlot(DAY_1, "ASSIGNED", ann);
    }

    @Test
    void theListFiltersByStatusAndMember() {
        String pending = proposeTrade(annToken, null);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode list = api.get(swaps() + "?status=PROPOSED&memberId=" + bob, annToken).json();
            assertThat(list.get("total").asLong()).isEqualTo(1);
            assertThat(list.at("/items/0/id").asString()).isEqualTo(pending);
        });
        assertThat(api.get(swaps() + "?status=COMPLETED", annToken).json().get("total").asLong()).isZero();
    }

    private double swapsEnded(String outcome) {
        Matcher counter = Pattern.compile("rota_swaps_ended_total\\{[^}]*outcome=\"" + outcome + "\"[^}]*} ([0-9.E]+)")
                .matcher(api.get("/actuator/prometheus", null).body());
        return counter.find() ? Double.parseDouble(counter.group(1)) : 0;
    }

    private String proposeTrade(String token, String expiresAt) {
        Api.Response proposed = api.post(swaps(), token, "{\"fromSlot\":" + slot(DAY_1) + ",\"toSlot\":" + slot(DAY_2)
                + ",\"counterpartId\":\"" + bob + "\",\"reason\":\"wedding\""
                + (expiresAt == null ? "" : ",\"expiresAt\":\"" + expiresAt + "\"") + "}");
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        return proposed.text("id");
    }

    private String swaps() {
        return "/api/v1/groups/" + group + "/swaps";
    }

    private String slot(String date) {
        return "{\"shiftTypeId\":\"" + primary + "\",\"date\":\"" + date + "\"}";
    }

    private static List<String> statuses(JsonNode swap) {
        List<String> statuses = new ArrayList<>();
        swap.get("history").forEach(entry -> statuses.add(entry.get("status").asString()));
        return statuses;
    }

    private void awaitSlot(String date, String status, String assignee) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode calendar = api.get("/api/v1/groups/" + group + "/calendar?from=" + date + "&to=" + date, admin).json();
            JsonNode slot = calendar.at("/slots/0");
            assertThat(slot.get("status").asString()).isEqualTo(status);
            assertThat(slot.at("/assignee/memberId").asString()).isEqualTo(assignee);
        });
    }
}
