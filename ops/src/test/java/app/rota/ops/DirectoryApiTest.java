package app.rota.ops;

import app.rota.ops.support.Api;
import app.rota.ops.support.RotaIntegrationTest;
import app.rota.ops.support.ScheduleFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The directory reads over HTTP, as a client uses them: who am I, my groups, the group's members (phones full for
 * admins and the member themself, masked for everyone else; the deactivated ones on request), one member with their
 * time off, withdrawing time off (after which a rotation gives the member the day again), and the shift types.
 */
class DirectoryApiTest extends RotaIntegrationTest {

    private static final String PASSWORD = "directory-password-1";
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    private String superAdmin;
    private ScheduleFixtures fixtures;
    private String group;
    private String prefix;
    private final Map<String, String> ids = new HashMap<>();
    private final Map<String, String> phones = new HashMap<>();
    private final Map<String, String> tokens = new HashMap<>();

    @BeforeEach
    void aGroupWithAnAdminAMemberAnAuditorEachWithALoginAndAMemberWithout() {
        superAdmin = adminToken();
        fixtures = new ScheduleFixtures(api, superAdmin);
        group = fixtures.group(CHICAGO.getId());
        prefix = "dir-" + group.substring(0, 8) + "-";
        member("Ada", "ADMIN", true);
        member("bob", "MEMBER", true);
        member("Cid", "AUDITOR", true);
        member("Dan", "MEMBER", false);
        awaitMembers(superAdmin, "", members -> members.size() == 4);
    }

    @Test
    void meNamesTheLoginAndItsOneGroupWithTheRoleAndTheSuperAdminBelongsToNoGroupAsAMember() {
        JsonNode bob = api.get("/api/v1/me", tokens.get("bob")).json();
        JsonNode admin = api.get("/api/v1/me", superAdmin).json();

        assertThat(bob.get("username").asString()).isEqualTo(prefix + "bob");
        assertThat(bob.get("superAdmin").asBoolean()).isFalse();
        assertThat(bob.get("memberships")).hasSize(1);
        assertThat(bob.at("/memberships/0/groupId").asString()).isEqualTo(group);
        assertThat(bob.at("/memberships/0/groupName").asString()).isEqualTo("Team");
        assertThat(bob.at("/memberships/0/memberId").asString()).isEqualTo(ids.get("bob"));
        assertThat(bob.at("/memberships/0/role").asString()).isEqualTo("MEMBER");
        assertThat(api.get("/api/v1/me", tokens.get("Cid")).json().at("/memberships/0/role").asString()).isEqualTo("AUDITOR");
        assertThat(admin.get("username").asString()).isEqualTo(ADMIN);
        assertThat(admin.get("superAdmin").asBoolean()).isTrue();
        assertThat(admin.get("memberships")).isEmpty();
        assertThat(api.get("/api/v1/me", null).status()).isEqualTo(401);
    }

    @Test
    void aMemberListsTheirOneGroupAndTheSuperAdminPagesThroughEveryGroupByName() {
        String other = fixtures.group("Europe/Rome");
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/v1/groups/" + other, superAdmin).status() == 200);

        JsonNode mine = api.get("/api/v1/groups", tokens.get("bob")).json();
        assertThat(mine.get("groups")).hasSize(1);
        assertThat(mine.at("/groups/0/id").asString()).isEqualTo(group);
        assertThat(mine.at("/groups/0/name").asString()).isEqualTo("Team");
        assertThat(mine.at("/groups/0/timeZone").asString()).isEqualTo("America/Chicago");
        assertThat(mine.get("total").asLong()).isEqualTo(1);
        assertThat(api.get("/api/v1/groups?page=1", tokens.get("bob")).json().get("groups")).isEmpty();

        JsonNode all = api.get("/api/v1/groups?size=500", superAdmin).json();
        List<String> listed = new ArrayList<>();
        all.get("groups").forEach(g -> listed.add(g.get("id").asString()));
        assertThat(listed).contains(group, other);
        assertThat(all.get("total").asLong()).isEqualTo(listed.size());
        JsonNode firstPage = api.get("/api/v1/groups?page=0&size=1", superAdmin).json();
        assertThat(firstPage.get("groups")).hasSize(1);
        assertThat(firstPage.get("size").asInt()).isEqualTo(1);
        assertThat(firstPage.get("total").asLong()).isEqualTo(listed.size());
        assertRefused(() -> api.get("/api/v1/groups?size=501", superAdmin), 400, "MALFORMED_REQUEST", "size");
        assertRefused(() -> api.get("/api/v1/groups?page=-1", superAdmin), 400, "MALFORMED_REQUEST", "page");
    }

    @Test
    void anAdminSeesEveryPhoneInFullAndAPlainMemberOnlyTheirOwn() {
        List<JsonNode> asAdmin = members(tokens.get("Ada"), "");
        List<JsonNode> asBob = members(tokens.get("bob"), "");
        List<JsonNode> asAuditor = members(tokens.get("Cid"), "");
        List<JsonNode> asSuperAdmin = members(superAdmin, "");

        assertThat(asAdmin).extracting(m -> m.get("name").asString()).as("by name, whatever the case")
                .containsExactly("Ada", "bob", "Cid", "Dan");
        assertThat(asAdmin).allSatisfy(m -> assertThat(m.get("phone").asString()).isEqualTo(phones.get(m.get("name").asString())));
        assertThat(asSuperAdmin).allSatisfy(m -> assertThat(m.get("phone").asString()).isEqualTo(phones.get(m.get("name").asString())));
        assertThat(phoneOf(asBob, "bob")).isEqualTo(phones.get("bob"));
        assertThat(phoneOf(asBob, "Dan")).isEqualTo(masked(phones.get("Dan"))).matches("\\+1\\*{6}\\d{4}");
        assertThat(phoneOf(asBob, "Ada")).isEqualTo(masked(phones.get("Ada")));
        assertThat(phoneOf(asAuditor, "Dan")).as("an auditor reads, but is no admin").isEqualTo(masked(phones.get("Dan")));
        assertThat(phoneOf(asAuditor, "Cid")).isEqualTo(phones.get("Cid"));
        assertThat(api.get("/api/v1/groups/" + group + "/members/" + ids.get("Ada"), tokens.get("bob")).text("phone"))
                .isEqualTo(masked(phones.get("Ada")));
        assertThat(api.get("/api/v1/groups/" + group + "/members/" + ids.get("bob"), tokens.get("bob")).text("phone"))
                .isEqualTo(phones.get("bob"));
        assertThat(api.get("/api/v1/groups/" + group + "/members/" + ids.get("Dan"), tokens.get("Ada")).text("phone"))
                .isEqualTo(phones.get("Dan"));
    }

    @Test
    void eachMemberShowsTheirRoleLoginAndReachability() {
        Map<String, JsonNode> byName = new HashMap<>();
        members(tokens.get("bob"), "").forEach(m -> byName.put(m.get("name").asString(), m));

        assertThat(byName.get("Ada").get("id").asString()).isEqualTo(ids.get("Ada"));
        assertThat(byName.get("Ada").get("role").asString()).isEqualTo("ADMIN");
        assertThat(byName.get("Cid").get("role").asString()).isEqualTo("AUDITOR");
        assertThat(byName.get("bob").get("username").asString()).isEqualTo(prefix + "bob");
        assertThat(byName.get("Dan").get("username").isNull()).as("no login").isTrue();
        assertThat(byName.values()).allSatisfy(m -> {
            assertThat(m.get("active").asBoolean()).isTrue();
            assertThat(m.get("reachableBySms").asBoolean()).isTrue();
        });
    }

    @Test
    void aDeactivatedMemberIsListedOnlyOnRequestAndNoLongerReachable() {
        assertThat(api.post("/api/v1/groups/" + group + "/members/" + ids.get("Dan") + "/deactivate", superAdmin, "").status())
                .isEqualTo(204);

        List<JsonNode> active = awaitMembers(tokens.get("bob"), "", members -> members.size() == 3);
        List<JsonNode> everyone = members(tokens.get("bob"), "?includeInactive=true");
        List<JsonNode> explicitlyActive = members(tokens.get("bob"), "?includeInactive=false");

        assertThat(active).extracting(m -> m.get("name").asString()).containsExactly("Ada", "bob", "Cid");
        assertThat(explicitlyActive).extracting(m -> m.get("name").asString()).containsExactly("Ada", "bob", "Cid");
        JsonNode dan = everyone.stream().filter(m -> m.get("name").asString().equals("Dan")).findFirst().orElseThrow();
        assertThat(dan.get("active").asBoolean()).isFalse();
        assertThat(dan.get("reachableBySms").asBoolean()).isFalse();
        assertThat(api.get("/api/v1/groups/" + group + "/members/" + ids.get("Dan"), tokens.get("bob")).json()
                .get("active").asBoolean()).as("one member is found, active or not").isFalse();
    }

    @Test
    void timeOffIsListedWithTheMemberUntilItIsWithdrawnAndARotationThenGivesTheMemberThatDay() {
        String primary = fixtures.shiftType(group, "Primary", "08:00", 24);
        String day = aYearAhead().toString();
        String member = "/api/v1/groups/" + group + "/members/" + ids.get("bob");
        Api.Response declared = api.post(member + "/time-off", tokens.get("bob"),
                "{\"from\":\"" + day + "\",\"to\":\"" + day + "\",\"reason\":\"dentist\"}");
        assertThat(declared.status()).as(declared.body()).isEqualTo(201);
        assertThat(URI.create(declared.location()).getPath()).as("a declaration is read with its member").isEqualTo(member);
        String timeOff = declared.text("id");
        JsonNode listed = awaitMember(tokens.get("bob"), ids.get("bob"), m -> m.get("timeOff").size() == 1);
        assertThat(api.get(URI.create(declared.location()).getPath(), tokens.get("bob")).json().at("/timeOff/0/id").asString())
                .isEqualTo(timeOff);
        assertThat(listed.at("/timeOff/0/id").asString()).isEqualTo(timeOff);
        assertThat(listed.at("/timeOff/0/from").asString()).isEqualTo(day);
        assertThat(listed.at("/timeOff/0/to").asString()).isEqualTo(day);
        assertThat(listed.at("/timeOff/0/reason").asString()).isEqualTo("dentist");
        String onlyBob = "{\"from\":\"" + day + "\",\"to\":\"" + day + "\",\"memberIds\":[\"" + ids.get("bob") + "\"]}";
        JsonNode whileAway = api.post("/api/v1/groups/" + group + "/rotations", superAdmin, onlyBob).json();
        assertThat(whileAway.get("assigned").asInt()).as("the rotation keeps Bob off his day off").isZero();

        assertRefused(() -> api.delete(member + "/time-off/" + timeOff, tokens.get("Cid")), 403, "ACCESS_DENIED", null);
        assertThat(api.delete(member + "/time-off/" + timeOff, tokens.get("bob")).status()).isEqualTo(204);

        awaitMember(tokens.get("bob"), ids.get("bob"), m -> m.get("timeOff").isEmpty());
        assertRefused(() -> api.delete(member + "/time-off/" + timeOff, tokens.get("bob")), 409, "TIME_OFF_WITHDRAWN", "timeOffId");
        JsonNode afterwards = api.post("/api/v1/groups/" + group + "/rotations", superAdmin, onlyBob).json();
        assertThat(afterwards.get("assigned").asInt()).as(afterwards.toString()).isEqualTo(1);
        fixtures.awaitSlotVersion(group, primary, day, 1);
        JsonNode slot = api.get("/api/v1/groups/" + group + "/calendar?from=" + day + "&to=" + day, superAdmin).json().at("/slots/0");
        assertThat(slot.at("/assignee/memberId").asString()).isEqualTo(ids.get("bob"));
    }

    @Test
    void anAdminWithdrawsAMembersTimeOffAndAnotherMemberMayNot() {
        String member = "/api/v1/groups/" + group + "/members/" + ids.get("Dan");
        LocalDate from = aYearAhead();
        LocalDate to = from.plusDays(2);
        String timeOff = api.post(member + "/time-off", tokens.get("Ada"), "{\"from\":\"" + from + "\",\"to\":\"" + to + "\"}")
                .text("id");

        assertRefused(() -> api.delete(member + "/time-off/" + timeOff, tokens.get("bob")), 403, "ACCESS_DENIED", null);
        assertRefused(() -> api.delete(member + "/time-off/00000000-0000-0000-0000-000000000001", tokens.get("Ada")), 404,
                "TIME_OFF_NOT_FOUND", "timeOffId");
        assertRefused(() -> api.delete("/api/v1/groups/" + group + "/members/" + ids.get("bob") + "/time-off/" + timeOff,
                tokens.get("Ada")), 404, "TIME_OFF_NOT_FOUND", "timeOffId");
        assertThat(api.delete(member + "/time-off/" + timeOff, tokens.get("Ada")).status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/v1/groups/" + group + "/audit?type=TimeOffWithdrawn",
                tokens.get("Ada")).json().get("total").asLong() == 1);
        JsonNode entry = api.get("/api/v1/groups/" + group + "/audit?type=TimeOffWithdrawn", tokens.get("Ada")).json().at("/items/0");
        assertThat(entry.get("summary").asString()).isEqualTo("Dan's time off from " + from + " to " + to + " withdrawn");
        assertThat(entry.at("/onBehalfOf/name").asString()).isEqualTo("Dan");
    }

    @Test
    void timeOffThatHasEndedIsNoLongerListed() {
        String member = "/api/v1/groups/" + group + "/members/" + ids.get("Dan");
        LocalDate ended = today().minusDays(10);
        LocalDate coming = today().plusDays(60);
        assertThat(api.post(member + "/time-off", superAdmin, "{\"from\":\"" + ended + "\",\"to\":\"" + ended.plusDays(1) + "\"}")
                .status()).isEqualTo(201);
        String comingId = api.post(member + "/time-off", superAdmin, "{\"from\":\"" + coming + "\",\"to\":\"" + coming + "\"}")
                .text("id");

        JsonNode dan = awaitMember(superAdmin, ids.get("Dan"), m -> m.get("timeOff").size() == 1);

        assertThat(dan.at("/timeOff/0/id").asString()).isEqualTo(comingId);
        assertThat(dan.at("/timeOff/0/reason").isNull()).isTrue();
    }

    @Test
    void theShiftTypesAreListedWithTheirTimingAndDaysAndTheRetiredOnesFlagged() {
        String night = fixtures.shiftType(group, "Night", "20:00", 12, "[\"SUNDAY\",\"MONDAY\",\"FRIDAY\"]");
        String primary = fixtures.shiftType(group, "Primary", "08:00", 24);
        assertThat(api.post("/api/v1/groups/" + group + "/shift-types/" + night + "/retire", superAdmin, "").status()).isEqualTo(204);

        JsonNode types = await().atMost(Duration.ofSeconds(10)).until(
                () -> api.get("/api/v1/groups/" + group + "/shift-types", tokens.get("Cid")).json().get("shiftTypes"),
                list -> list.size() == 2 && list.get(1).get("retired").asBoolean());

        assertThat(types.at("/0/id").asString()).isEqualTo(primary);
        assertThat(types.at("/0/name").asString()).isEqualTo("Primary");
        assertThat(types.at("/0/startTime").asString()).isEqualTo("08:00");
        assertThat(types.at("/0/durationHours").asInt()).isEqualTo(24);
        assertThat(types.at("/0/daysOfWeek")).hasSize(7);
        assertThat(types.at("/0/retired").asBoolean()).isFalse();
        assertThat(types.at("/1/id").asString()).isEqualTo(night);
        assertThat(types.at("/1/startTime").asString()).isEqualTo("20:00");
        assertThat(types.at("/1/durationHours").asInt()).isEqualTo(12);
        assertThat(types.at("/1/daysOfWeek").toString()).isEqualTo("[\"MONDAY\",\"FRIDAY\",\"SUNDAY\"]");
    }

    @Test
    void anotherGroupsMemberGetsNotFoundAndAnUnknownMemberIsNotFound() {
        String other = fixtures.group("UTC");
        fixtures.memberWithLogin(other, "Eve", "ADMIN", prefix + "eve", PASSWORD);
        String eve = api.login(prefix + "eve", PASSWORD);
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/v1/groups/" + other + "/members", eve).status() == 200);

        assertRefused(() -> api.get("/api/v1/groups/" + group + "/members", eve), 404, "GROUP_NOT_FOUND", null);
        assertRefused(() -> api.get("/api/v1/groups/" + group + "/members/" + ids.get("bob"), eve), 404, "GROUP_NOT_FOUND", null);
        assertRefused(() -> api.get("/api/v1/groups/" + group + "/shift-types", eve), 404, "GROUP_NOT_FOUND", null);
        assertRefused(() -> api.get("/api/v1/groups/" + other + "/members/" + ids.get("bob"), eve), 404, "MEMBER_NOT_FOUND", null);
        assertRefused(() -> api.get("/api/v1/groups/00000000-0000-0000-0000-0000000000ff/members", superAdmin), 404,
                "GROUP_NOT_FOUND", null);
        assertThat(api.get("/api/v1/groups", eve).json().get("groups").toString()).doesNotContain(group);
    }

    @Test
    void aRebuildWhileServingGivesTheSameDirectory() {
        fixtures.shiftType(group, "Primary", "08:00", 24);
        String dan = "/api/v1/groups/" + group + "/members/" + ids.get("Dan");
        LocalDate later = aYearAhead();
        String kept = api.post(dan + "/time-off", superAdmin, "{\"from\":\"" + later + "\",\"to\":\"" + later.plusDays(1) + "\"}")
                .text("id");
        LocalDate laterStill = later.plusDays(30);
        String dropped = api.post(dan + "/time-off", superAdmin, "{\"from\":\"" + laterStill + "\",\"to\":\"" + laterStill + "\"}")
                .text("id");
        assertThat(api.delete(dan + "/time-off/" + dropped, superAdmin).status()).isEqualTo(204);
        assertThat(api.post(dan + "/deactivate", superAdmin, "").status()).isEqualTo(204);
        awaitMember(superAdmin, ids.get("Dan"), m -> !m.get("active").asBoolean() && m.get("timeOff").size() == 1);
        String before = directory();

        Api.Response replay = api.post("/api/v1/admin/projections/directory/replay", superAdmin, "");

        assertThat(replay.status()).as(replay.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                .until(this::directoryProcessor, status -> "DONE".equals(status.at("/lastReplay/status").asString()));
        assertThat(directory()).isEqualTo(before).contains(kept).doesNotContain(dropped);
    }

    @Test
    void aTimeOffReasonIsShownToAdminsTheSuperAdminAndTheMemberThemselfAndToNobodyElse() {
        String day = aYearAhead().toString();
        String bob = "/api/v1/groups/" + group + "/members/" + ids.get("bob");
        String ada = "/api/v1/groups/" + group + "/members/" + ids.get("Ada");
        assertThat(api.post(bob + "/time-off", tokens.get("bob"), "{\"from\":\"" + day + "\",\"to\":\"" + day + "\",\"reason\":\"dentist\"}")
                .status()).isEqualTo(201);
        assertThat(api.post(ada + "/time-off", tokens.get("Ada"), "{\"from\":\"" + day + "\",\"to\":\"" + day + "\",\"reason\":\"family\"}")
                .status()).isEqualTo(201);
        awaitMember(superAdmin, ids.get("bob"), m -> m.get("timeOff").size() == 1);
        awaitMember(superAdmin, ids.get("Ada"), m -> m.get("timeOff").size() == 1);

        assertThat(reasonSeen(bob, tokens.get("bob"))).as("the member themself").isEqualTo("dentist");
        assertThat(reasonSeen(bob, tokens.get("Ada"))).as("an admin").isEqualTo("dentist");
        assertThat(reasonSeen(bob, superAdmin)).as("the super admin").isEqualTo("dentist");
        assertThat(reasonSeen(bob, tokens.get("Cid"))).as("an auditor reads, but is no admin").isNull();
        assertThat(reasonSeen(ada, tokens.get("bob"))).as("another member").isNull();
        assertThat(api.get(ada, tokens.get("bob")).json().at("/timeOff/0/from").asString()).as("the days are no secret").isEqualTo(day);
    }

    private String reasonSeen(String member, String token) {
        JsonNode reason = api.get(member, token).json().at("/timeOff/0/reason");
        return reason.isNull() ? null : reason.asString();
    }

    private static LocalDate today() {
        return LocalDate.now(CHICAGO);
    }

    /** A day that stays in the future however long the test lives: rotations fill only future slots. */
    private static LocalDate aYearAhead() {
        return today().plusYears(1);
    }

    private String directory() {
        return api.get("/api/v1/groups/" + group + "/members?includeInactive=true", superAdmin).body()
                + api.get("/api/v1/groups/" + group + "/members/" + ids.get("Dan"), superAdmin).body()
                + api.get("/api/v1/groups/" + group + "/shift-types", superAdmin).body();
    }

    private JsonNode directoryProcessor() {
        for (JsonNode projection : api.get("/api/v1/admin/projections", superAdmin).json().get("projections")) {
            if (projection.get("name").asString().equals("directory")) {
                return projection;
            }
        }
        throw new AssertionError("no directory processor");
    }

    private void member(String name, String role, boolean withLogin) {
        String phone = ScheduleFixtures.nextPhone();
        String login = withLogin ? ",\"username\":\"" + prefix + name + "\",\"password\":\"" + PASSWORD + "\"" : "";
        Api.Response created = api.post("/api/v1/groups/" + group + "/members", superAdmin,
                "{\"name\":\"" + name + "\",\"phone\":\"" + phone + "\",\"role\":\"" + role + "\"" + login + "}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        ids.put(name, created.text("id"));
        phones.put(name, phone);
        if (withLogin) {
            tokens.put(name, api.login(prefix + name, PASSWORD));
        }
    }

    private List<JsonNode> members(String token, String query) {
        Api.Response response = api.get("/api/v1/groups/" + group + "/members" + query, token);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<JsonNode> members = new ArrayList<>();
        response.json().get("members").forEach(members::add);
        return members;
    }

    private List<JsonNode> awaitMembers(String token, String query, Predicate<List<JsonNode>> until) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> members(token, query), until);
    }

    private JsonNode awaitMember(String token, String member, Predicate<JsonNode> until) {
        return await().atMost(Duration.ofSeconds(10))
                .until(() -> api.get("/api/v1/groups/" + group + "/members/" + member, token).json(), until);
    }

    private static String phoneOf(List<JsonNode> members, String name) {
        return members.stream().filter(m -> m.get("name").asString().equals(name)).findFirst().orElseThrow().get("phone").asString();
    }

    /** A US number as others see it: the country code and the last four digits. */
    private static String masked(String phone) {
        return "+1" + "*".repeat(phone.length() - 6) + phone.substring(phone.length() - 4);
    }
}
