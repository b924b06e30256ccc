package app.rota.ops;

import app.rota.kernel.common.ActorMetadata;
import app.rota.kernel.common.Roles;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.member.MemberId;
import app.rota.kernel.member.OptOutOfSmsCommand;
import app.rota.ops.support.Api;
import app.rota.ops.support.RotaIntegrationTest;
import app.rota.ops.support.ScheduleFixtures;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The audit log over HTTP after a real sequence of changes: every event with who did it (and for whom), why,
 * what it changed, newest first; its filters and paging; the CSV export with its escaping; who may read it.
 */
class AuditTest extends RotaIntegrationTest {

    private static final String FORMULA_NAME = "=cmd|' /C calc'!A0";
    private static final String COMMA_NAME = "Smith, \"Jo\"";

    @Autowired
    private CommandGateway commands;

    private String admin;
    private String group;
    private String primary;
    private String ada;
    private String adaToken;
    private String bob;
    private String jo;
    private String auditorToken;

    /**
     * A Chicago group whose admin assigns, reassigns with a reason, proposes a trade for Ada, while Ada asks
     * for cover herself; then Bob becomes an admin and Jo texts STOP.
     */
    @BeforeEach
    void aGroupWithAHistory() {
        admin = adminToken();
        ScheduleFixtures fixtures = new ScheduleFixtures(api, admin);
        group = fixtures.group("America/Chicago");
        String suffix = group.substring(0, 8);
        ada = fixtures.memberWithLogin(group, "Ada", "MEMBER", "ada-" + suffix, "ada-password-1");
        adaToken = api.login("ada-" + suffix, "ada-password-1");
        bob = fixtures.member(group, "Bob");
        fixtures.member(group, FORMULA_NAME);
        jo = fixtures.member(group, COMMA_NAME.replace("\"", "\\\""));
        fixtures.memberWithLogin(group, "Aud", "AUDITOR", "aud-" + suffix, "aud-password-1");
        auditorToken = api.login("aud-" + suffix, "aud-password-1");
        primary = fixtures.shiftType(group, "Primary", "08:00", 24);
        String march7 = ScheduleFixtures.slot(group, primary, "2038-03-07");
        assertThat(api.put(march7, admin, "{\"memberId\":\"" + ada + "\",\"reason\":\"first pick\"}").status()).isEqualTo(200);
        assertThat(api.put(march7, admin, "{\"memberId\":\"" + bob + "\",\"reason\":\"Ada is away\"}").status()).isEqualTo(200);
        assertThat(fixtures.assign(group, primary, "2038-03-08", ada).status()).isEqualTo(200);
        assertThat(fixtures.assign(group, primary, "2038-03-09", ada).status()).isEqualTo(200);
        fixtures.awaitSlotVersion(group, primary, "2038-03-08", 1);
        fixtures.awaitSlotVersion(group, primary, "2038-03-09", 1);
        Api.Response proposed = api.post("/api/v1/groups/" + group + "/swaps", admin, "{\"fromSlot\":" + slot("2038-03-08")
                + ",\"toSlot\":" + slot("2038-03-07") + ",\"counterpartId\":\"" + bob + "\",\"proposerId\":\"" + ada
                + "\",\"reason\":\"wedding\"}");
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        Api.Response asked = api.post("/api/v1/groups/" + group + "/coverage-requests", adaToken,
                "{\"slot\":" + slot("2038-03-09") + ",\"reason\":\"dentist\"}");
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        assertThat(api.patch("/api/v1/groups/" + group + "/members/" + bob, admin, "{\"role\":\"ADMIN\"}").status()).isEqualTo(204);
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(new OptOutOfSmsCommand(MemberId.of(jo), GroupId.of(group), "STOP"))
                .andMetaData(Map.of(ActorMetadata.ACTOR_ACCOUNT_ID, "sms:" + jo, ActorMetadata.ACTOR_NAME, "Jo",
                        ActorMetadata.ACTOR_ROLE, Roles.GROUP_MEMBER, ActorMetadata.ACTOR_SOURCE, "SMS",
                        ActorMetadata.ACTOR_MEMBER_ID, jo, ActorMetadata.ACTOR_GROUP_ID, group)));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> audit("?type=MemberOptedOutOfSms", admin).json().get("total").asLong() == 1);
    }

    @Test
    void theLogListsEveryChangeNewestFirstWithWhoDidItForWhomWhyAndWhatChanged() {
        JsonNode page = audit("", admin).json();

        assertThat(types(page)).containsExactly("MemberOptedOutOfSms", "MemberChanged", "CoverageRequested", "SwapProposed",
                "SlotAssigned", "SlotAssigned", "SlotAssigned", "SlotAssigned", "ShiftTypeDefined",
                "MemberAdded", "MemberAdded", "MemberAdded", "MemberAdded", "MemberAdded", "GroupCreated");
        assertThat(page.get("total").asLong()).isEqualTo(15);
        assertThat(page.get("size").asInt()).isEqualTo(50);
        JsonNode items = page.get("items");
        List<Long> positions = new ArrayList<>();
        items.forEach(item -> positions.add(item.get("position").asLong()));
        assertThat(positions).isSortedAccordingTo((a, b) -> Long.compare(b, a));

        JsonNode stop = items.get(0);
        assertThat(stop.get("summary").asString()).isEqualTo(COMMA_NAME + " opted out of SMS (STOP)");
        assertThat(stop.at("/actor/source").asString()).isEqualTo("SMS");
        assertThat(stop.at("/actor/memberId").asString()).isEqualTo(jo);
        assertThat(stop.at("/after/smsOptedOut").asBoolean()).isTrue();

        JsonNode roleChange = items.get(1);
        assertThat(roleChange.get("summary").asString()).isEqualTo("Bob: role changed from MEMBER to ADMIN");
        assertThat(roleChange.at("/before/role").asString()).isEqualTo("MEMBER");
        assertThat(roleChange.at("/after/role").asString()).isEqualTo("ADMIN");
        assertThat(roleChange.at("/actor/name").asString()).isEqualTo(ADMIN);
        assertThat(roleChange.at("/actor/role").asString()).isEqualTo("SUPER_ADMIN");

        JsonNode cover = items.get(2);
        assertThat(cover.get("summary").asString()).isEqualTo("Ada asked for cover for Primary on 2038-03-09");
        assertThat(cover.at("/actor/memberId").asString()).isEqualTo(ada);
        assertThat(cover.at("/actor/name").asString()).as("the member's name, not her login").isEqualTo("Ada");
        assertThat(cover.at("/actor/role").asString()).isEqualTo("MEMBER");
        assertThat(cover.get("onBehalfOf").isNull()).isTrue();
        assertThat(cover.get("reason").asString()).isEqualTo("dentist");
        assertThat(cover.at("/slot/date").asString()).isEqualTo("2038-03-09");

        JsonNode swap = items.get(3);
        assertThat(swap.get("summary").asString()).isEqualTo("Ada proposed to trade Primary on 2038-03-08 for Bob's Primary on 2038-03-07");
        assertThat(swap.at("/actor/name").asString()).isEqualTo(ADMIN);
        assertThat(swap.at("/onBehalfOf/memberId").asString()).isEqualTo(ada);
        assertThat(swap.at("/onBehalfOf/name").asString()).isEqualTo("Ada");
        assertThat(swap.get("reason").asString()).isEqualTo("wedding");
        assertThat(swap.at("/after/status").asString()).isEqualTo("PROPOSED");

        JsonNode reassigned = items.get(6);
        assertThat(reassigned.get("summary").asString()).isEqualTo("Bob assigned to Primary on 2038-03-07 (was Ada)");
        assertThat(reassigned.get("reason").asString()).isEqualTo("Ada is away");
        assertThat(reassigned.at("/before/assignee/name").asString()).isEqualTo("Ada");
        assertThat(reassigned.at("/after/assignee/memberId").asString()).isEqualTo(bob);
        assertThat(reassigned.at("/slot/shiftTypeId").asString()).isEqualTo(primary);
        assertThat(reassigned.at("/actor/source").asString()).isEqualTo("WEB");
        assertThat(reassigned.get("correlationId").asString()).isNotBlank().isNotEqualTo(items.get(7).get("correlationId").asString());
        assertThat(reassigned.get("eventId").asString()).isNotBlank();
        assertThat(reassigned.get("at").asString()).isNotBlank();

        assertThat(page.toString()).as("no phone number in full").doesNotContainPattern("\\+1312555\\d{4}");
    }

    @Test
    void theFiltersNarrowTheLogAndPagesSplitIt() {
        assertThat(types(audit("?memberId=" + bob, admin).json()))
                .containsExactly("MemberChanged", "SwapProposed", "SlotAssigned", "MemberAdded");
        assertThat(types(audit("?type=SlotAssigned&date=2038-03-07", admin).json())).containsExactly("SlotAssigned", "SlotAssigned");
        assertThat(audit("?shiftTypeId=" + primary, admin).json().get("total").asLong()).as("4 assignments, the swap, the request")
                .isEqualTo(6);
        assertThat(audit("?to=2020-01-01", admin).json().get("total").asLong()).isZero();
        assertThat(audit("?from=2020-01-01&to=2199-12-31", admin).json().get("total").asLong()).isEqualTo(15);
        assertThat(audit("?from=2199-01-01T00:00:00Z", admin).json().get("total").asLong()).isZero();

        JsonNode second = audit("?page=1&size=2", admin).json();
        assertThat(types(second)).containsExactly("CoverageRequested", "SwapProposed");
        assertThat(second.get("total").asLong()).isEqualTo(15);
        assertThat(second.get("page").asInt()).isEqualTo(1);
    }

    @Test
    void theCsvHasOneRowPerEntryWithNamesThatCannotRunAsFormulasAndCommasAndQuotesEscaped() throws Exception {
        HttpResponse<String> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/groups/" + group + "/audit?type=MemberAdded"))
                .header("Authorization", "Bearer " + auditorToken).header("Accept", "text/csv").GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("eventId,position,at,type,actorName,actorRole,actorSource,actorMemberId,onBehalfOf,"
                + "correlationId,summary,shiftTypeId,date,before,after,reason");
        assertThat(lines).hasSize(6);
        assertThat(csv.body()).contains(",'=cmd|' /C calc'!A0 added as MEMBER,")
                .contains(",\"Smith, \"\"Jo\"\" added as MEMBER\",")
                .contains("\"{\"\"name\"\":\"\"Ada\"\",\"\"role\"\":\"\"MEMBER\"\",\"\"phone\"\":\"\"+*******");
    }

    @Test
    void aMemberCannotReadTheAuditLogButAnAuditorCan() {
        assertRefused(() -> audit("", adaToken), 403, "ACCESS_DENIED", null);
        assertThat(audit("", auditorToken).status()).isEqualTo(200);
    }

    @Test
    void anUnknownTypeIsRefusedWithTheField() {
        assertRefused(() -> audit("?type=SlotAssignedEvent", admin), 400, "MALFORMED_REQUEST", "type");
    }

    @Test
    void aRebuildWhileServingGivesTheSameLog() {
        String before = audit("?size=500", admin).json().get("items").toString();

        Api.Response replay = api.post("/api/v1/admin/projections/audit/replay", admin, "");

        assertThat(replay.status()).as(replay.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                .until(this::auditProcessor, status -> "DONE".equals(status.at("/lastReplay/status").asString()));
        assertThat(audit("?size=500", admin).json().get("items").toString()).isEqualTo(before);
        assertThat(jdbc.queryForList("select indexname from pg_indexes where tablename = 'audit_entry'", String.class))
                .contains("audit_entry_group_position", "audit_entry_group_at");
    }

    private JsonNode auditProcessor() {
        for (JsonNode projection : api.get("/api/v1/admin/projections", admin).json().get("projections")) {
            if (projection.get("name").asString().equals("audit")) {
                return projection;
            }
        }
        throw new AssertionError("no audit processor");
    }

    private Api.Response audit(String query, String token) {
        return api.get("/api/v1/groups/" + group + "/audit" + query, token);
    }

    private static List<String> types(JsonNode page) {
        List<String> types = new ArrayList<>();
        page.get("items").forEach(item -> types.add(item.get("type").asString()));
        return types;
    }

    private String slot(String date) {
        return "{\"shiftTypeId\":\"" + primary + "\",\"date\":\"" + date + "\"}";
    }
}
