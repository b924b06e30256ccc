package app.rota.ops;

import app.rota.ops.support.Api;
import app.rota.ops.support.RotaIntegrationTest;
import app.rota.ops.support.ScheduleFixtures;
import app.rota.command.errors.Refusals;
import app.rota.kernel.common.ActorMetadata;
import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.error.RotaException;
import app.rota.kernel.group.FindGroupQuery;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.group.GroupResponse;
import app.rota.kernel.schedule.ShiftTypeId;
import app.rota.kernel.schedule.SlotKey;
import app.rota.kernel.schedule.UnassignSlotCommand;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.GenericQueryMessage;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Walks every operation of the OpenAPI document that names a group, as the admin of one group aiming
 * at another group's real ids, spelled plainly and in every altered way (percent-encoded letters,
 * doubled slashes, trailing dots, dot segments): each answers 404 as a problem detail, and nothing is
 * stored. A new endpoint joins this walk by getting a request in {@link #REQUESTS}; the walk fails
 * until it has one.
 */
class TenantIsolationTest extends RotaIntegrationTest {

    /** A plausible, valid request per operation: what would change the other group if it got through. */
    private static final Map<String, String> REQUESTS = Map.ofEntries(
            Map.entry("GET /api/v1/groups/{groupId}", ""),
            Map.entry("PUT /api/v1/groups/{groupId}/settings", "{\"swapApprovalRequired\":true}"),
            Map.entry("POST /api/v1/groups/{groupId}/members", "{\"name\":\"Mallory\",\"phone\":\"+13125559871\"}"),
            Map.entry("PATCH /api/v1/groups/{groupId}/members/{memberId}", "{\"name\":\"Renamed\"}"),
            Map.entry("POST /api/v1/groups/{groupId}/members/{memberId}/deactivate", ""),
            Map.entry("POST /api/v1/groups/{groupId}/members/{memberId}/time-off", "{\"from\":\"2038-06-01\",\"to\":\"2038-06-02\"}"),
            Map.entry("GET /api/v1/groups/{groupId}/members/{memberId}/schedule?from=2038-03-01&to=2038-03-31", ""),
            Map.entry("GET /api/v1/groups/{groupId}/members?includeInactive=true", ""),
            Map.entry("GET /api/v1/groups/{groupId}/members/{memberId}", ""),
            Map.entry("DELETE /api/v1/groups/{groupId}/members/{memberId}/time-off/{timeOffId}", ""),
            Map.entry("GET /api/v1/groups/{groupId}/shift-types", ""),
            Map.entry("POST /api/v1/groups/{groupId}/shift-types",
                    "{\"name\":\"Night\",\"startTime\":\"20:00\",\"durationHours\":12,\"daysOfWeek\":[\"MONDAY\"]}"),
            Map.entry("PATCH /api/v1/groups/{groupId}/shift-types/{shiftTypeId}", "{\"name\":\"Renamed\"}"),
            Map.entry("POST /api/v1/groups/{groupId}/shift-types/{shiftTypeId}/retire", ""),
            Map.entry("PUT /api/v1/groups/{groupId}/slots/{shiftTypeId}/{date}/assignee", "{\"memberId\":\"{memberId}\",\"expectedVersion\":0}"),
            Map.entry("DELETE /api/v1/groups/{groupId}/slots/{shiftTypeId}/{date}/assignee?reason=x", ""),
            Map.entry("POST /api/v1/groups/{groupId}/rotations", "{\"from\":\"2038-03-01\",\"to\":\"2038-03-07\"}"),
            Map.entry("GET /api/v1/groups/{groupId}/calendar?from=2038-03-01&to=2038-03-31", ""),
            Map.entry("GET /api/v1/groups/{groupId}/on-call?at=2038-03-02T12:00:00Z", ""),
            Map.entry("GET /api/v1/groups/{groupId}/calendar/stream", ""),
            Map.entry("POST /api/v1/groups/{groupId}/swaps", "{\"fromSlot\":{\"shiftTypeId\":\"{shiftTypeId}\",\"date\":\"{date}\"},"
                    + "\"counterpartId\":\"{secondMemberId}\",\"proposerId\":\"{memberId}\"}"),
            Map.entry("GET /api/v1/groups/{groupId}/swaps", ""),
            Map.entry("GET /api/v1/groups/{groupId}/notifications", ""),
            Map.entry("GET /api/v1/groups/{groupId}/slots/{shiftTypeId}/{date}/history", ""),
            Map.entry("POST /api/v1/groups/{groupId}/notifications/test", "{\"memberId\":\"{memberId}\"}"),
            Map.entry("GET /api/v1/groups/{groupId}/swaps/{swapId}", ""),
            Map.entry("POST /api/v1/groups/{groupId}/swaps/{swapId}/accept", "{}"),
            Map.entry("POST /api/v1/groups/{groupId}/swaps/{swapId}/decline", "{}"),
            Map.entry("POST /api/v1/groups/{groupId}/swaps/{swapId}/approve", "{}"),
            Map.entry("POST /api/v1/groups/{groupId}/swaps/{swapId}/reject", "{}"),
            Map.entry("POST /api/v1/groups/{groupId}/swaps/{swapId}/cancel", "{}"),
            Map.entry("POST /api/v1/groups/{groupId}/coverage-requests",
                    "{\"slot\":{\"shiftTypeId\":\"{shiftTypeId}\",\"date\":\"2038-03-04\"}}"),
            Map.entry("GET /api/v1/groups/{groupId}/coverage-requests", ""),
            Map.entry("GET /api/v1/groups/{groupId}/coverage-requests/{requestId}", ""),
            Map.entry("POST /api/v1/groups/{groupId}/coverage-requests/{requestId}/claim", "{\"memberId\":\"{memberId}\"}"),
            Map.entry("POST /api/v1/groups/{groupId}/coverage-requests/{requestId}/approve", "{}"),
            Map.entry("POST /api/v1/groups/{groupId}/coverage-requests/{requestId}/reject", "{}"),
            Map.entry("POST /api/v1/groups/{groupId}/coverage-requests/{requestId}/cancel", "{}"),
            Map.entry("POST /api/v1/groups/{groupId}/members/{memberId}/feed", ""),
            Map.entry("POST /api/v1/groups/{groupId}/feed", ""),
            Map.entry("GET /api/v1/groups/{groupId}/reports/fairness?from=2038-03-01&to=2038-03-31", ""),
            Map.entry("GET /api/v1/groups/{groupId}/audit", ""));

    private static final List<UnaryOperator<String>> SPELLINGS = List.of(
            path -> path,
            path -> path.replace("/groups/", "/gr%6Fups/"),
            TenantIsolationTest::firstCharacterOfTheIdPercentEncoded,
            path -> path.replace("/api/v1/", "/api/v1//"),
            path -> path.replaceFirst("/groups/([0-9a-f-]{36})", "/groups/$1."),
            path -> path.replaceFirst("/groups/([0-9a-f-]{36})", "/groups/./$1"),
            path -> path.replaceFirst("/groups/([0-9a-f-]{36})", "/groups/x/../$1"),
            path -> path.replaceFirst("/groups/([0-9a-f-]{36})", "/groups/$1;x=1"));

    private static String firstCharacterOfTheIdPercentEncoded(String path) {
        int at = path.indexOf("/groups/") + "/groups/".length();
        return path.substring(0, at) + "%" + Integer.toHexString(path.charAt(at)).toUpperCase() + path.substring(at + 1);
    }

    @Autowired
    private CommandGateway commandGateway;
    @Autowired
    private QueryGateway queryGateway;

    private String ownAdmin;
    private Map<String, String> theirs;
    private Map<String, String> ours;

    @BeforeEach
    void twoGroupsEachWithAShiftTypeAndAMemberOnASlot() {
        String superAdmin = adminToken();
        ScheduleFixtures fixtures = new ScheduleFixtures(api, superAdmin);
        ours = group(fixtures, "Ours");
        theirs = group(fixtures, "Theirs");
        String username = "iso-" + ours.get("groupId").substring(0, 8);
        fixtures.memberWithLogin(ours.get("groupId"), "Olga", "ADMIN", username, "olga-password-1");
        ownAdmin = api.login(username, "olga-password-1");
    }

    private Map<String, String> group(ScheduleFixtures fixtures, String name) {
        String group = fixtures.group("America/Chicago");
        String shiftType = fixtures.shiftType(group, "Primary", "08:00", 24);
        String member = fixtures.member(group, name + " member");
        String second = fixtures.member(group, name + " second");
        fixtures.assign(group, shiftType, "2038-03-02", member);
        fixtures.assign(group, shiftType, "2038-03-03", second);
        String superAdmin = adminToken();
        Api.Response swap = api.post("/api/v1/groups/" + group + "/swaps", superAdmin,
                "{\"fromSlot\":{\"shiftTypeId\":\"" + shiftType + "\",\"date\":\"2038-03-02\"},\"toSlot\":{\"shiftTypeId\":\""
                        + shiftType + "\",\"date\":\"2038-03-03\"},\"counterpartId\":\"" + second + "\",\"proposerId\":\"" + member + "\"}");
        assertThat(swap.status()).as(swap.body()).isEqualTo(201);
        String swapId = swap.text("id");
        await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> api.get("/api/v1/groups/" + group + "/swaps/" + swapId, superAdmin).status() == 200);
        Api.Response openShift = api.post("/api/v1/groups/" + group + "/coverage-requests", superAdmin,
                "{\"slot\":{\"shiftTypeId\":\"" + shiftType + "\",\"date\":\"2038-03-05\"}}");
        assertThat(openShift.status()).as(openShift.body()).isEqualTo(201);
        String requestId = openShift.text("id");
        await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> api.get("/api/v1/groups/" + group + "/coverage-requests/" + requestId, superAdmin).status() == 200);
        Api.Response timeOff = api.post("/api/v1/groups/" + group + "/members/" + member + "/time-off", superAdmin,
                "{\"from\":\"2038-07-01\",\"to\":\"2038-07-02\"}");
        assertThat(timeOff.status()).as(timeOff.body()).isEqualTo(201);
        return Map.of("groupId", group, "shiftTypeId", shiftType, "memberId", member, "date", "2038-03-02",
                "secondMemberId", second, "swapId", swapId, "requestId", requestId, "timeOffId", timeOff.text("id"));
    }

    @Test
    void everyOperationOnAnotherGroupAnswers404InEverySpellingAndChangesNothing() {
        List<String> operations = groupOperations();
        assertThat(REQUESTS.keySet().stream().map(TenantIsolationTest::withoutQuery).toList())
                .as("every group operation of the OpenAPI document has a request in REQUESTS")
                .containsExactlyInAnyOrderElementsOf(operations);
        long events = eventCount();
        List<String> leaks = new ArrayList<>();

        for (var operation : REQUESTS.entrySet()) {
            for (UnaryOperator<String> spelling : SPELLINGS) {
                String method = operation.getKey().substring(0, operation.getKey().indexOf(' '));
                String path = spelling.apply(fill(operation.getKey().substring(method.length() + 1), theirs));
                Api.Response response = send(method, path, fill(operation.getValue(), theirs));
                if (response.status() != 404 || response.contentType() == null
                        || !response.contentType().startsWith("application/problem+json") || !response.body().contains("\"code\"")) {
                    leaks.add(method + " " + path + " -> " + response.status() + " " + response.body());
                }
            }
        }

        assertThat(leaks).isEmpty();
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void theSameOperationsOnTheCallersOwnGroupAreNotRefusedAsUnknown() {
        for (var operation : REQUESTS.entrySet()) {
            String method = operation.getKey().substring(0, operation.getKey().indexOf(' '));
            String path = fill(operation.getKey().substring(method.length() + 1), ours);
            Api.Response response = send(method, path, fill(operation.getValue(), ours));

            assertThat(response.status()).as(method + " " + path + " " + response.body()).isNotEqualTo(404).isLessThan(500);
        }
    }

    @Test
    void aCommandOrQueryForAnotherGroupIsRefusedByTheBusesEvenIfItGotPastTheDoor() {
        Map<String, Object> ourAdmin = Map.of(ActorMetadata.ACTOR_ACCOUNT_ID, "someone", ActorMetadata.ACTOR_NAME, "olga",
                ActorMetadata.ACTOR_ROLE, "GROUP_ADMIN", ActorMetadata.ACTOR_SOURCE, "WEB",
                ActorMetadata.ACTOR_GROUP_ID, ours.get("groupId"));
        GroupId theirGroup = new GroupId(UUID.fromString(theirs.get("groupId")));
        long events = eventCount();

        assertThatThrownBy(() -> commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(
                new UnassignSlotCommand(new SlotKey(ShiftTypeId.of(theirs.get("shiftTypeId")), LocalDate.parse("2038-03-02")),
                        theirGroup, "x", null)).andMetaData(ourAdmin)))
                .as("the tenancy guard's refusal crosses the command bus wrapped, with its code")
                .isInstanceOfSatisfying(CommandExecutionException.class, e -> assertThat(Refusals.of(e))
                        .hasValueSatisfying(refusal -> assertThat(refusal.code()).isEqualTo(ErrorCode.GROUP_NOT_FOUND)));
        assertThatThrownBy(() -> queryGateway.query(new GenericQueryMessage<>(new FindGroupQuery(theirGroup),
                        ResponseTypes.optionalInstanceOf(GroupResponse.class)).andMetaData(ourAdmin),
                ResponseTypes.optionalInstanceOf(GroupResponse.class)).join())
                .hasRootCauseInstanceOf(RotaException.class).rootCause().hasMessageContaining(theirs.get("groupId"));
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void aStaleVersionOnAnotherGroupsShiftTypeNeverShowsThatSlot() {
        String mixed = ScheduleFixtures.slot(ours.get("groupId"), theirs.get("shiftTypeId"), "2038-03-02");

        Api.Response response = api.put(mixed, ownAdmin, "{\"memberId\":\"" + ours.get("memberId") + "\",\"expectedVersion\":7}");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("code").asString()).isEqualTo("SHIFT_TYPE_NOT_FOUND");
        assertThat(response.body()).doesNotContain("current").doesNotContain(theirs.get("memberId"));
    }

    private List<String> groupOperations() {
        JsonNode paths = api.get("/v3/api-docs", null).json().get("paths");
        List<String> operations = new ArrayList<>();
        for (String path : paths.propertyNames()) {
            if (path.contains("{groupId}")) {
                for (String method : paths.get(path).propertyNames()) {
                    operations.add(method.toUpperCase() + " " + path);
                }
            }
        }
        return operations;
    }

    private static String withoutQuery(String operation) {
        int query = operation.indexOf('?');
        return query < 0 ? operation : operation.substring(0, query);
    }

    private static String fill(String template, Map<String, String> ids) {
        String filled = template;
        for (var id : ids.entrySet()) {
            filled = filled.replace("{" + id.getKey() + "}", id.getValue());
        }
        return filled;
    }

    private Api.Response send(String method, String path, String body) {
        return switch (method) {
            case "GET" -> api.get(path, ownAdmin);
            case "POST" -> api.post(path, ownAdmin, body);
            case "PUT" -> api.put(path, ownAdmin, body);
            case "PATCH" -> api.patch(path, ownAdmin, body);
            case "DELETE" -> api.delete(path, ownAdmin);
            default -> throw new IllegalArgumentException(method);
        };
    }
}
