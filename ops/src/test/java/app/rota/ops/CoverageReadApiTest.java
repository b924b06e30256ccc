package app.rota.ops;

import app.rota.kernel.common.ActorMetadata;
import app.rota.kernel.coverage.CoverageClaimedEvent;
import app.rota.kernel.coverage.CoverageCoveredEvent;
import app.rota.kernel.coverage.CoverageRequestId;
import app.rota.kernel.coverage.CoverageRequestedEvent;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.member.MemberId;
import app.rota.kernel.schedule.ShiftTypeId;
import app.rota.kernel.schedule.SlotKey;
import app.rota.ops.support.Api;
import app.rota.ops.support.RotaIntegrationTest;
import app.rota.ops.support.ScheduleFixtures;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The coverage request reads over HTTP, fed by coverage events stored as the request aggregate would store
 * them (the command side of coverage is built separately): the request JSON, the list with its filter,
 * any role of the group reading, refusals as problem details, and the calendar's COVERAGE_REQUESTED (with
 * the request's id) while the request is pending, for an assigned slot and for an open shift.
 */
class CoverageReadApiTest extends RotaIntegrationTest {

    @Autowired
    private EventStore eventStore;
    @Autowired
    private TransactionTemplate transactions;

    private String admin;
    private String group;
    private String primary;
    private String ada;
    private String bo;
    private String boToken;

    @BeforeEach
    void aChicagoGroupWhereAdaHoldsOneSlot() {
        admin = adminToken();
        ScheduleFixtures fixtures = new ScheduleFixtures(api, admin);
        group = fixtures.group("America/Chicago");
        primary = fixtures.shiftType(group, "Primary", "08:00", 24);
        ada = fixtures.member(group, "Ada");
        String username = "cov-" + group.substring(0, 8);
        bo = fixtures.memberWithLogin(group, "Bo", "MEMBER", username, "bo-password-1");
        boToken = api.login(username, "bo-password-1");
        fixtures.assign(group, primary, "2038-03-13", ada);
        fixtures.awaitSlotVersion(group, primary, "2038-03-13", 1);
    }

    @Test
    void aRequestReadsAsTheContractShowsItAndHoldsTheSlotUntilItIsCovered() {
        String request = UUID.randomUUID().toString();
        store(request, 0, new CoverageRequestedEvent(requestId(request), groupId(), slot("2038-03-13"),
                Instant.parse("2038-03-13T14:00:00Z"), Instant.parse("2038-03-14T13:00:00Z"), member(ada), List.of(member(bo)),
                "wedding", Instant.parse("2038-03-12T14:00:00Z")), "Ada", "GROUP_MEMBER");

        JsonNode read = awaitRequest(request, "OPEN");

        assertThat(read.get("id").asString()).isEqualTo(request);
        assertThat(read.at("/slot/shiftTypeId").asString()).isEqualTo(primary);
        assertThat(read.at("/slot/date").asString()).isEqualTo("2038-03-13");
        assertThat(read.at("/slot/start").asString()).isEqualTo("2038-03-13T08:00:00-06:00");
        assertThat(read.at("/slot/end").asString()).as("across spring-forward").isEqualTo("2038-03-14T08:00:00-05:00");
        assertThat(read.at("/requester/memberId").asString()).isEqualTo(ada);
        assertThat(read.at("/requester/name").asString()).isEqualTo("Ada");
        assertThat(read.get("claimant").isNull()).isTrue();
        assertThat(read.at("/offeredTo/0/memberId").asString()).isEqualTo(bo);
        assertThat(read.at("/offeredTo/0/name").asString()).isEqualTo("Bo");
        assertThat(read.get("reason").asString()).isEqualTo("wedding");
        assertThat(read.get("createdAt").isNull()).isFalse();
        assertThat(read.get("escalatesAt").asString()).isEqualTo("2038-03-12T14:00:00Z");
        assertThat(read.get("escalatedAt").isNull()).isTrue();
        assertThat(read.get("closedAt").isNull()).isTrue();
        assertThat(read.get("version").asLong()).isEqualTo(1);
        assertThat(read.at("/history/0/status").asString()).isEqualTo("OPEN");
        assertThat(read.at("/history/0/actor/name").asString()).isEqualTo("Ada");
        assertThat(read.at("/history/0/onBehalfOf").isNull()).isTrue();
        awaitCalendarSlot("2038-03-13", "COVERAGE_REQUESTED", request);

        Api.Response page = api.get("/api/v1/groups/" + group + "/coverage-requests?status=OPEN", boToken);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.json().get("items")).hasSize(1);
        assertThat(page.json().at("/items/0/id").asString()).isEqualTo(request);
        assertThat(page.json().get("page").asInt()).isZero();
        assertThat(page.json().get("size").asInt()).isEqualTo(50);
        assertThat(page.json().get("total").asLong()).isEqualTo(1);

        store(request, 1, new CoverageClaimedEvent(requestId(request), groupId(), slot("2038-03-13"), member(ada), member(bo), false),
                "Bo", "GROUP_MEMBER");
        store(request, 2, new CoverageCoveredEvent(requestId(request), groupId(), slot("2038-03-13"), member(ada), member(bo)),
                "Bo", "GROUP_MEMBER");

        JsonNode covered = awaitRequest(request, "COVERED");
        assertThat(covered.at("/claimant/name").asString()).isEqualTo("Bo");
        assertThat(covered.get("closedAt").isNull()).isFalse();
        assertThat(covered.get("version").asLong()).isEqualTo(3);
        assertThat(covered.at("/history/1/status").asString()).isEqualTo("CLAIMED");
        assertThat(covered.at("/history/2/status").asString()).isEqualTo("COVERED");
        awaitCalendarSlot("2038-03-13", "ASSIGNED", null);
        assertThat(api.get("/api/v1/groups/" + group + "/coverage-requests?status=OPEN", boToken).json().get("total").asLong())
                .isZero();
    }

    @Test
    void anOpenShiftOnASlotNobodyHoldsShowsNoRequesterAndIsCoverageRequestedOnTheCalendar() {
        String request = UUID.randomUUID().toString();
        store(request, 0, new CoverageRequestedEvent(requestId(request), groupId(), slot("2038-03-20"),
                Instant.parse("2038-03-20T13:00:00Z"), Instant.parse("2038-03-21T13:00:00Z"), null, List.of(member(ada), member(bo)),
                null, Instant.parse("2038-03-19T13:00:00Z")), "admin", "SUPER_ADMIN");

        JsonNode read = awaitRequest(request, "OPEN");

        assertThat(read.get("requester").isNull()).isTrue();
        assertThat(read.get("offeredTo")).hasSize(2);
        JsonNode slot = awaitCalendarSlot("2038-03-20", "COVERAGE_REQUESTED", request);
        assertThat(slot.get("assignee").isNull()).isTrue();
    }

    @Test
    void anAuditorMayReadAndAnUnknownStatusOrPageIsMalformedAndAnUnknownRequestIsNotFound() {
        String username = "caud-" + group.substring(0, 8);
        new ScheduleFixtures(api, admin).memberWithLogin(group, "Aud", "AUDITOR", username, "aud-password-1");
        String auditor = api.login(username, "aud-password-1");
        String requests = "/api/v1/groups/" + group + "/coverage-requests";

        Api.Response list = api.get(requests, auditor);
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(list.json().get("total").asLong()).isZero();
        assertRefused(() -> api.get(requests + "?status=open", admin), 400, "MALFORMED_REQUEST", "status");
        assertRefused(() -> api.get(requests + "?size=501", admin), 400, "MALFORMED_REQUEST", "size");
        assertRefused(() -> api.get(requests + "?page=-1", admin), 400, "MALFORMED_REQUEST", "page");
        assertRefused(() -> api.get(requests + "/" + UUID.randomUUID(), boToken), 404, "COVERAGE_REQUEST_NOT_FOUND", null);
    }

    private void store(String request, long sequence, Object event, String actorName, String actorRole) {
        MetaData metaData = MetaData.from(Map.of(ActorMetadata.ACTOR_ACCOUNT_ID, UUID.randomUUID().toString(),
                ActorMetadata.ACTOR_NAME, actorName, ActorMetadata.ACTOR_ROLE, actorRole,
                ActorMetadata.ACTOR_SOURCE, ActorMetadata.Source.WEB.name()));
        transactions.executeWithoutResult(tx -> eventStore.publish(
                new GenericDomainEventMessage<>("CoverageRequestAggregate", request, sequence, event, metaData)));
    }

    private JsonNode awaitRequest(String request, String status) {
        String path = "/api/v1/groups/" + group + "/coverage-requests/" + request;
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            Api.Response read = api.get(path, boToken);
            return read.status() == 200 && read.json().get("status").asString().equals(status);
        });
        return api.get(path, boToken).json();
    }

    private JsonNode awaitCalendarSlot(String date, String status, String requestId) {
        String path = "/api/v1/groups/" + group + "/calendar?from=" + date + "&to=" + date;
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode slot = api.get(path, boToken).json().at("/slots/0");
            assertThat(slot.get("status").asString()).isEqualTo(status);
            assertThat(slot.has("coverageRequestId")).isTrue();
            assertThat(slot.get("coverageRequestId").isNull() ? null : slot.get("coverageRequestId").asString()).isEqualTo(requestId);
            assertThat(slot.get("swapId").isNull()).isTrue();
        });
        return api.get(path, boToken).json().at("/slots/0");
    }

    private GroupId groupId() {
        return new GroupId(UUID.fromString(group));
    }

    private static CoverageRequestId requestId(String id) {
        return CoverageRequestId.of(id);
    }

    private static MemberId member(String id) {
        return new MemberId(UUID.fromString(id));
    }

    private SlotKey slot(String date) {
        return new SlotKey(ShiftTypeId.of(primary), LocalDate.parse(date));
    }
}
