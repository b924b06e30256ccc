package app.rota.ops;

import app.rota.kernel.common.ActorMetadata;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.member.MemberId;
import app.rota.kernel.schedule.ShiftTypeId;
import app.rota.kernel.schedule.SlotKey;
import app.rota.kernel.swap.SwapCancelledEvent;
import app.rota.kernel.swap.SwapId;
import app.rota.kernel.swap.SwapKind;
import app.rota.kernel.swap.SwapProposedEvent;
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
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The swap reads over HTTP, fed by swap events stored as the swap aggregate would store them (the
 * command side of swaps is built separately): the swap JSON, the list with its filters and paging,
 * any role of the group reading, refusals as problem details, and the calendar's SWAP_PENDING (with the
 * swap's id) while the swap is pending.
 */
class SwapReadApiTest extends RotaIntegrationTest {

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
    void aChicagoGroupWhereAdaAndBoHoldOneSlotEach() {
        admin = adminToken();
        ScheduleFixtures fixtures = new ScheduleFixtures(api, admin);
        group = fixtures.group("America/Chicago");
        primary = fixtures.shiftType(group, "Primary", "08:00", 24);
        ada = fixtures.member(group, "Ada");
        String username = "swap-" + group.substring(0, 8);
        bo = fixtures.memberWithLogin(group, "Bo", "MEMBER", username, "bo-password-1");
        boToken = api.login(username, "bo-password-1");
        fixtures.assign(group, primary, "2038-03-13", ada);
        fixtures.assign(group, primary, "2038-03-20", bo);
        fixtures.awaitSlotVersion(group, primary, "2038-03-13", 1);
        fixtures.awaitSlotVersion(group, primary, "2038-03-20", 1);
    }

    @Test
    void aProposedTradeReadsAsTheContractShowsItAndHoldsBothSlotsUntilItIsCancelled() {
        String swap = UUID.randomUUID().toString();
        store(swap, 0, new SwapProposedEvent(new SwapId(UUID.fromString(swap)), groupId(), SwapKind.TRADE, member(ada), member(bo),
                slot("2038-03-13"), Instant.parse("2038-03-13T14:00:00Z"), Instant.parse("2038-03-14T13:00:00Z"),
                slot("2038-03-20"), Instant.parse("2038-03-20T13:00:00Z"), Instant.parse("2038-03-21T13:00:00Z"),
                "wedding", Instant.parse("2038-03-12T14:00:00Z")), "Ada", "GROUP_MEMBER");

        JsonNode read = awaitSwap(swap, "PROPOSED");

        assertThat(read.get("id").asString()).isEqualTo(swap);
        assertThat(read.get("kind").asString()).isEqualTo("TRADE");
        assertThat(read.at("/proposer/memberId").asString()).isEqualTo(ada);
        assertThat(read.at("/proposer/name").asString()).isEqualTo("Ada");
        assertThat(read.at("/counterpart/name").asString()).isEqualTo("Bo");
        assertThat(read.at("/fromSlot/shiftTypeId").asString()).isEqualTo(primary);
        assertThat(read.at("/fromSlot/date").asString()).isEqualTo("2038-03-13");
        assertThat(read.at("/fromSlot/start").asString()).isEqualTo("2038-03-13T08:00:00-06:00");
        assertThat(read.at("/fromSlot/end").asString()).as("across spring-forward").isEqualTo("2038-03-14T08:00:00-05:00");
        assertThat(read.at("/toSlot/start").asString()).isEqualTo("2038-03-20T08:00:00-05:00");
        assertThat(read.get("reason").asString()).isEqualTo("wedding");
        assertThat(read.get("expiresAt").asString()).isEqualTo("2038-03-12T14:00:00Z");
        assertThat(read.get("closedAt").isNull()).isTrue();
        assertThat(read.get("failureReason").isNull()).isTrue();
        assertThat(read.get("version").asLong()).isEqualTo(1);
        assertThat(read.at("/history/0/status").asString()).isEqualTo("PROPOSED");
        assertThat(read.at("/history/0/actor/name").asString()).isEqualTo("Ada");
        assertThat(read.at("/history/0/actor/role").asString()).isEqualTo("GROUP_MEMBER");
        assertThat(read.at("/history/0/actor/source").asString()).isEqualTo("WEB");
        assertThat(read.at("/history/0/onBehalfOf").isNull()).isTrue();
        awaitCalendarSlot("2038-03-13", "SWAP_PENDING", swap);
        awaitCalendarSlot("2038-03-20", "SWAP_PENDING", swap);

        Api.Response page = api.get("/api/v1/groups/" + group + "/swaps?status=PROPOSED&memberId=" + bo, boToken);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.json().get("items")).hasSize(1);
        assertThat(page.json().at("/items/0/id").asString()).isEqualTo(swap);
        assertThat(page.json().get("page").asInt()).isZero();
        assertThat(page.json().get("size").asInt()).isEqualTo(50);
        assertThat(page.json().get("total").asLong()).isEqualTo(1);

        store(swap, 1, new SwapCancelledEvent(new SwapId(UUID.fromString(swap)), groupId(), member(ada), member(bo), null),
                "Ada", "GROUP_MEMBER");

        JsonNode cancelled = awaitSwap(swap, "CANCELLED");
        assertThat(cancelled.get("closedAt").isNull()).isFalse();
        assertThat(cancelled.get("version").asLong()).isEqualTo(2);
        awaitCalendarSlot("2038-03-13", "ASSIGNED", null);
        awaitCalendarSlot("2038-03-20", "ASSIGNED", null);
        assertThat(api.get("/api/v1/groups/" + group + "/swaps?status=PROPOSED", boToken).json().get("total").asLong()).isZero();
    }

    @Test
    void anAuditorOfTheGroupMayReadItsSwaps() {
        String username = "aud-" + group.substring(0, 8);
        new ScheduleFixtures(api, admin).memberWithLogin(group, "Aud", "AUDITOR", username, "aud-password-1");
        String auditor = api.login(username, "aud-password-1");

        Api.Response list = api.get("/api/v1/groups/" + group + "/swaps", auditor);

        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(list.json().get("total").asLong()).isZero();
    }

    @Test
    void anUnknownStatusOrAPageOutOfRangeIsMalformedAndAnUnknownSwapIsSwapNotFound() {
        String swaps = "/api/v1/groups/" + group + "/swaps";

        assertRefused(() -> api.get(swaps + "?status=proposed", admin), 400, "MALFORMED_REQUEST", "status");
        assertRefused(() -> api.get(swaps + "?size=501", admin), 400, "MALFORMED_REQUEST", "size");
        assertRefused(() -> api.get(swaps + "?page=-1", admin), 400, "MALFORMED_REQUEST", "page");
        assertRefused(() -> api.get(swaps + "/" + UUID.randomUUID(), boToken), 404, "SWAP_NOT_FOUND", null);
        assertThat(api.get(swaps, boToken).json().get("items")).isEmpty();
    }

    private void store(String swap, long sequence, Object event, String actorName, String actorRole) {
        MetaData metaData = MetaData.from(Map.of(ActorMetadata.ACTOR_ACCOUNT_ID, UUID.randomUUID().toString(),
                ActorMetadata.ACTOR_NAME, actorName, ActorMetadata.ACTOR_ROLE, actorRole,
                ActorMetadata.ACTOR_SOURCE, ActorMetadata.Source.WEB.name()));
        transactions.executeWithoutResult(tx -> eventStore.publish(
                new GenericDomainEventMessage<>("SwapAggregate", swap, sequence, event, metaData)));
    }

    private JsonNode awaitSwap(String swap, String status) {
        String path = "/api/v1/groups/" + group + "/swaps/" + swap;
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            Api.Response read = api.get(path, boToken);
            return read.status() == 200 && read.json().get("status").asString().equals(status);
        });
        return api.get(path, boToken).json();
    }

    private void awaitCalendarSlot(String date, String status, String swapId) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode slot = api.get("/api/v1/groups/" + group + "/calendar?from=" + date + "&to=" + date, boToken)
                    .json().at("/slots/0");
            assertThat(slot.get("status").asString()).isEqualTo(status);
            assertThat(slot.has("swapId")).isTrue();
            assertThat(slot.get("swapId").isNull() ? null : slot.get("swapId").asString()).isEqualTo(swapId);
            assertThat(slot.has("coverageRequestId")).isTrue();
            assertThat(slot.get("coverageRequestId").isNull()).isTrue();
        });
    }

    private GroupId groupId() {
        return new GroupId(UUID.fromString(group));
    }

    private static MemberId member(String id) {
        return new MemberId(UUID.fromString(id));
    }

    private SlotKey slot(String date) {
        return new SlotKey(ShiftTypeId.of(primary), LocalDate.parse(date));
    }
}
