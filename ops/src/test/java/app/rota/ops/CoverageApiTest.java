package app.rota.ops;

import app.rota.ops.support.Api;
import app.rota.ops.support.RotaIntegrationTest;
import app.rota.ops.support.ScheduleFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Coverage requests and open shifts through the HTTP API on the real stack: offers, claims (one winner
 * under concurrency), approval and rejection, open shifts, and the refusals.
 */
class CoverageApiTest extends RotaIntegrationTest {

    private static final String DAY = "2038-06-07";
    private static final String PASSWORD = "cover-password-1";

    private String admin;
    private ScheduleFixtures fixtures;
    private String group;
    private String primary;
    private String ann;
    private String annToken;
    private List<String> colleagues;
    private List<String> colleagueTokens;

    @BeforeEach
    void annHoldsADayAndFourColleaguesCouldCoverIt() {
        admin = adminToken();
        fixtures = new ScheduleFixtures(api, admin);
        group = fixtures.group("Europe/Berlin");
        primary = fixtures.shiftType(group, "Primary", "08:00", 24);
        String prefix = group.substring(0, 8);
        ann = fixtures.memberWithLogin(group, "Ann", "MEMBER", "cann-" + prefix, PASSWORD);
        annToken = api.login("cann-" + prefix, PASSWORD);
        colleagues = new ArrayList<>();
        colleagueTokens = new ArrayList<>();
        for (String name : List.of("Bea", "Cyd", "Dot", "Eli")) {
            colleagues.add(fixtures.memberWithLogin(group, name, "MEMBER", name.toLowerCase() + "-" + prefix, PASSWORD));
            colleagueTokens.add(api.login(name.toLowerCase() + "-" + prefix, PASSWORD));
        }
        assertThat(fixtures.assign(group, primary, DAY, ann).status()).isEqualTo(200);
    }

    @Test
    void theHolderAsksAndIsCoveredByTheFirstColleagueWhoClaims() {
        String auditor = fixtures.member(group, "Aud", "AUDITOR");
        assertThat(api.post("/api/v1/groups/" + group + "/members/" + colleagues.get(3) + "/time-off", admin,
                "{\"from\":\"" + DAY + "\",\"to\":\"" + DAY + "\"}").status()).isEqualTo(201);

        String request = ask(annToken, "{\"slot\":" + slot() + ",\"reason\":\"flu\"}");
        JsonNode read = awaitRequest(request, "OPEN");

        List<String> offered = new ArrayList<>();
        read.get("offeredTo").forEach(member -> offered.add(member.get("memberId").asString()));
        assertThat(offered).containsExactlyInAnyOrder(colleagues.get(0), colleagues.get(1), colleagues.get(2))
                .doesNotContain(ann, auditor, colleagues.get(3));
        assertThat(read.at("/requester/memberId").asString()).isEqualTo(ann);
        awaitSlot("COVERAGE_REQUESTED", ann);

        Api.Response claimed = api.post(requests() + "/" + request + "/claim", colleagueTokens.get(0), "");

        assertThat(claimed.status()).as(claimed.body()).isEqualTo(200);
        assertThat(claimed.json().get("status").asString()).isEqualTo("COVERED");
        assertThat(claimed.json().at("/claimant/memberId").asString()).isEqualTo(colleagues.get(0));
        awaitSlot("ASSIGNED", colleagues.get(0));
    }

    @Test
    void concurrentClaimsGiveExactlyOneWinnerAndTheRestA409() throws Exception {
        String request = ask(annToken, "{\"slot\":" + slot() + "}");
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Future<Integer>> claims = new ArrayList<>();
            for (String token : colleagueTokens) {
                claims.add(clients.submit((Callable<Integer>) () -> api.post(requests() + "/" + request + "/claim", token, "").status()));
            }
            for (Future<Integer> claim : claims) {
                statuses.add(claim.get());
            }
        } finally {
            clients.shutdownNow();
        }

        assertThat(statuses).containsOnlyOnce(200).containsOnly(200, 409);
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ? "
                + "and payload_type = 'app.rota.kernel.coverage.CoverageCoveredEvent'", Long.class, request)).isEqualTo(1);
        String winner = colleagues.get(statuses.indexOf(200));
        assertThat(jdbc.queryForObject("select member_id::text from cmd_booking where slot_key = ?", String.class,
                primary + "/" + DAY)).isEqualTo(winner);
    }

    @Test
    void concurrentRequestsForOneSlotLeaveExactlyOnePendingAndTheRestA409() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Future<Integer>> asks = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String token = i % 2 == 0 ? annToken : admin;
                asks.add(clients.submit((Callable<Integer>) () -> api.post(requests(), token, "{\"slot\":" + slot() + "}").status()));
            }
            String proposal = "{\"fromSlot\":" + slot() + ",\"counterpartId\":\"" + colleagues.get(0) + "\"}";
            asks.add(clients.submit((Callable<Integer>) () -> api.post("/api/v1/groups/" + group + "/swaps", annToken, proposal).status()));
            for (Future<Integer> ask : asks) {
                statuses.add(ask.get());
            }
        } finally {
            clients.shutdownNow();
        }

        assertThat(statuses).containsOnlyOnce(201).containsOnly(201, 409);
        assertThat(jdbc.queryForObject("select count(*) from cmd_pending_slot where slot_key = ?", Long.class,
                primary + "/" + DAY)).isEqualTo(1);
    }

    @Test
    void withApprovalRequiredAClaimWaitsAndARejectionReopensTheRequest() {
        assertThat(api.put("/api/v1/groups/" + group + "/settings", admin, "{\"coverageApprovalRequired\":true}").status()).isEqualTo(200);
        String request = ask(annToken, "{\"slot\":" + slot() + "}");

        assertThat(api.post(requests() + "/" + request + "/claim", colleagueTokens.get(0), "").json().get("status").asString())
                .isEqualTo("CLAIMED");
        assertRefused(() -> api.post(requests() + "/" + request + "/claim", colleagueTokens.get(1), ""), 409,
                "COVERAGE_STATE_CONFLICT", null);
        assertThat(api.post(requests() + "/" + request + "/reject", admin, "").json().get("status").asString()).isEqualTo("OPEN");
        assertThat(api.post(requests() + "/" + request + "/claim", colleagueTokens.get(1), "").json().get("status").asString())
                .isEqualTo("CLAIMED");
        Api.Response approved = api.post(requests() + "/" + request + "/approve", admin, "");

        assertThat(approved.json().get("status").asString()).isEqualTo("COVERED");
        awaitSlot("ASSIGNED", colleagues.get(1));
    }

    @Test
    void anAdminPostsAnOpenShiftAndAMemberTakesIt() {
        String open = "2038-06-09";
        Api.Response posted = api.post(requests(), admin, "{\"slot\":{\"shiftTypeId\":\"" + primary + "\",\"date\":\"" + open + "\"}}");
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        JsonNode read = awaitRequest(posted.text("id"), "OPEN");
        assertThat(read.get("requester").isNull()).isTrue();

        Api.Response claimed = api.post(requests() + "/" + posted.text("id") + "/claim", colleagueTokens.get(2), "");

        assertThat(claimed.json().get("status").asString()).isEqualTo("COVERED");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(api.get("/api/v1/groups/" + group
                + "/calendar?from=" + open + "&to=" + open, admin).json().at("/slots/0/assignee/memberId").asString())
                .isEqualTo(colleagues.get(2)));
    }

    @Test
    void theRefusalsAnswerWithTheirCodesAndStoreNothing() {
        assertRefused(() -> api.post(requests(), colleagueTokens.get(0), "{\"slot\":" + slot() + "}"), 403, "ACCESS_DENIED", null);
        assertRefused(() -> api.post(requests(), annToken, "{\"slot\":{\"shiftTypeId\":\"" + primary + "\",\"date\":\"2038-06-10\"}}"),
                403, "ACCESS_DENIED", null);
        assertRefused(() -> api.post(requests(), annToken, "{\"slot\":{\"shiftTypeId\":\"" + primary + "\",\"date\":\"2020-06-10\"}}"),
                403, "ACCESS_DENIED", null);
        assertRefused(() -> api.post(requests(), admin, "{\"slot\":" + slot() + ",\"requesterId\":\"" + colleagues.get(0) + "\"}"),
                422, "SLOT_NOT_HELD", "requesterId");
        String request = ask(annToken, "{\"slot\":" + slot() + "}");
        assertRefused(() -> api.post(requests(), annToken, "{\"slot\":" + slot() + "}"), 409, "SLOT_PENDING", null);
        assertRefused(() -> api.post(requests() + "/" + request + "/claim", annToken, ""), 422, "CLAIMANT_INELIGIBLE", "memberId");
        assertThat(api.post("/api/v1/groups/" + group + "/members/" + colleagues.get(0) + "/time-off", admin,
                "{\"from\":\"" + DAY + "\",\"to\":\"" + DAY + "\"}").status()).isEqualTo(201);
        assertRefused(() -> api.post(requests() + "/" + request + "/claim", colleagueTokens.get(0), ""), 422,
                "CLAIMANT_INELIGIBLE", "memberId");
        assertRefused(() -> api.post(requests() + "/" + request + "/cancel", colleagueTokens.get(1), ""), 403, "ACCESS_DENIED", null);
        assertThat(api.post(requests() + "/" + request + "/cancel", annToken, "").json().get("status").asString()).isEqualTo("CANCELLED");
        awaitSlot("ASSIGNED", ann);
    }

    private String ask(String token, String body) {
        Api.Response asked = api.post(requests(), token, body);
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        return asked.text("id");
    }

    private JsonNode awaitRequest(String request, String status) {
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            Api.Response read = api.get(requests() + "/" + request, annToken);
            return read.status() == 200 && read.json().get("status").asString().equals(status);
        });
        return api.get(requests() + "/" + request, annToken).json();
    }

    private String requests() {
        return "/api/v1/groups/" + group + "/coverage-requests";
    }

    private String slot() {
        return "{\"shiftTypeId\":\"" + primary + "\",\"date\":\"" + DAY + "\"}";
    }

    private void awaitSlot(String status, String assignee) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode slot = api.get("/api/v1/groups/" + group + "/calendar?from=" + DAY + "&to=" + DAY, admin).json().at("/slots/0");
            assertThat(slot.get("status").asString()).isEqualTo(status);
            assertThat(slot.at("/assignee/memberId").asString()).isEqualTo(assignee);
        });
    }
}
