package app.rota.ops;

import app.rota.ops.support.Api;
import app.rota.ops.support.RotaIntegrationTest;
import app.rota.ops.support.ScheduleFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The event store as PostgreSQL sees it: bytea payloads, no large objects, a gapless global index. */
class EventStoreTest extends RotaIntegrationTest {

    @ParameterizedTest(name = "{0}.{1} is bytea")
    @CsvSource({
            "domain_event_entry, payload", "domain_event_entry, meta_data",
            "snapshot_event_entry, payload", "snapshot_event_entry, meta_data",
            "token_entry, token", "saga_entry, serialized_saga",
            "dead_letter_entry, payload", "dead_letter_entry, meta_data", "dead_letter_entry, token"})
    void axonBinaryColumnsAreByteaNotLargeObjects(String table, String column) {
        String type = jdbc.queryForObject(
                "select data_type from information_schema.columns where table_name = ? and column_name = ?",
                String.class, table, column);

        assertThat(type).isEqualTo("bytea");
    }

    @Test
    void storingEventsAndMovingTokensLeavesNoLargeObjects() {
        String admin = adminToken();
        String id = api.post("/api/v1/groups", admin, "{\"name\":\"Lob check\",\"timeZone\":\"UTC\"}").text("id");
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/v1/groups/" + id, admin).status() == 200);

        assertThat(jdbc.queryForObject("select count(*) from pg_largeobject_metadata", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from token_entry where token is not null", Long.class)).isPositive();
    }

    @Test
    void theGlobalIndexAdvancesByExactlyOne() {
        String admin = adminToken();
        String id = api.post("/api/v1/groups", admin, "{\"name\":\"Sequence\",\"timeZone\":\"UTC\"}").text("id");
        api.put("/api/v1/groups/" + id + "/settings", admin, "{\"reminderLeadMinutes\":15}");
        api.put("/api/v1/groups/" + id + "/settings", admin, "{\"reminderLeadMinutes\":45}");

        List<Long> indexes = jdbc.queryForList(
                "select global_index from domain_event_entry where aggregate_identifier = ? order by sequence_number",
                Long.class, id);

        assertThat(indexes).hasSize(3);
        assertThat(indexes.get(1) - indexes.get(0)).isEqualTo(1);
        assertThat(indexes.get(2) - indexes.get(1)).isEqualTo(1);
        assertThat(jdbc.queryForObject(
                "select increment_by from pg_sequences where sequencename = 'domain_event_entry_seq'", Long.class))
                .isEqualTo(1);
    }

    @Test
    void eventsAreRevisionedJsonRecordsCarryingTheActorAndCorrelation() {
        Api.Response created = api.post("/api/v1/groups", adminToken(),
                "{\"name\":\"Audit me\",\"timeZone\":\"Asia/Tokyo\"}", "client-trace-42");
        String id = created.text("id");

        Map<String, Object> row = jdbc.queryForMap("""
                select payload_type, payload_revision, convert_from(payload, 'UTF8') as payload,
                       convert_from(meta_data, 'UTF8') as meta_data
                from domain_event_entry where aggregate_identifier = ?""", id);

        assertThat(row.get("payload_type")).isEqualTo("app.rota.kernel.group.GroupCreatedEvent");
        assertThat(row.get("payload_revision")).isEqualTo("1");
        assertThat((String) row.get("payload")).contains("\"groupId\":\"" + id + "\"", "\"timeZone\":\"Asia/Tokyo\"");
        assertThat((String) row.get("meta_data"))
                .contains("\"actorName\":\"admin\"", "\"actorRole\":\"SUPER_ADMIN\"", "\"actorSource\":\"WEB\"",
                        "\"correlationId\":\"client-trace-42\"", "\"actorAccountId\":\"");
        assertThat(created.correlationId()).isEqualTo("client-trace-42");
    }

    @Test
    void anEventRecordsTheActingMemberAndWhomAnAdminActedFor() {
        String admin = adminToken();
        ScheduleFixtures fixtures = new ScheduleFixtures(api, admin);
        String group = fixtures.group("Europe/Oslo");
        String boss = fixtures.memberWithLogin(group, "Boss", "ADMIN", "boss-" + group.substring(0, 8), "boss-password-1");
        String ola = fixtures.memberWithLogin(group, "Ola", "MEMBER", "ola-" + group.substring(0, 8), "ola-password-1");
        String bossToken = api.login("boss-" + group.substring(0, 8), "boss-password-1");
        String olaToken = api.login("ola-" + group.substring(0, 8), "ola-password-1");

        assertThat(api.post("/api/v1/groups/" + group + "/members/" + ola + "/time-off", bossToken,
                "{\"from\":\"2038-05-03\",\"to\":\"2038-05-04\"}").status()).isEqualTo(201);
        assertThat(api.post("/api/v1/groups/" + group + "/members/" + ola + "/time-off", olaToken,
                "{\"from\":\"2038-06-07\",\"to\":\"2038-06-08\"}").status()).isEqualTo(201);

        List<String> metaData = jdbc.queryForList("""
                select convert_from(meta_data, 'UTF8') from domain_event_entry
                where aggregate_identifier = ? and payload_type = 'app.rota.kernel.member.TimeOffDeclaredEvent'
                order by sequence_number""", String.class, ola);
        assertThat(metaData).hasSize(2);
        assertThat(metaData.get(0)).contains("\"actorMemberId\":\"" + boss + "\"", "\"onBehalfOf\":\"" + ola + "\"");
        assertThat(metaData.get(1)).contains("\"actorMemberId\":\"" + ola + "\"").doesNotContain("onBehalfOf");
    }

    @Test
    void noPasswordOrHashEverReachesTheEventStore() {
        String hash = jdbc.queryForObject("select password_hash from accounts where username = ?", String.class, ADMIN);

        Long leaks = jdbc.queryForObject("""
                select count(*) from domain_event_entry
                where convert_from(payload, 'UTF8') ilike '%password%' or convert_from(meta_data, 'UTF8') ilike '%password%'
                   or position(? in convert_from(payload, 'UTF8')) > 0 or position(? in convert_from(payload, 'UTF8')) > 0""",
                Long.class, ADMIN_PASSWORD, hash);

        assertThat(leaks).isZero();
    }
}
