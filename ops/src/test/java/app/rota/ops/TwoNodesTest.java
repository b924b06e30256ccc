package app.rota.ops;

import app.rota.ops.support.Api;
import app.rota.ops.support.RotaIntegrationTest;
import app.rota.ops.support.RotaNode;
import app.rota.ops.support.ScheduleFixtures;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two full nodes on one database split the tracking processors' segments between them (token claims, shared out
 * by ClaimShare), each serves what the other wrote, a slot edited through one with a version read through the
 * other is refused when stale, and a node that stops hands its segments back.
 */
class TwoNodesTest {

    private static final String PASSWORD = "two-nodes-admin-password";

    @Test
    void twoNodesShareTheProcessorsAndWhatOneWritesTheOtherServes() {
        Path dataDir = RotaIntegrationTest.newDataDir("rota-two-nodes-");
        try (ConfigurableApplicationContext first = RotaNode.start(dataDir, PASSWORD, "--rota.node-id=node-a")) {
            HikariDataSource db = (HikariDataSource) first.getBean(DataSource.class);
            JdbcTemplate jdbc = new JdbcTemplate(db);
            int segments = jdbc.queryForObject("select count(*) from token_entry", Integer.class);

            try (ConfigurableApplicationContext second = RotaNode.start(dataDir, PASSWORD, "--rota.node-id=node-b",
                    "--spring.datasource.url=" + db.getJdbcUrl(), "--spring.datasource.username=" + db.getUsername())) {
                await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                    Map<String, Long> held = claims(jdbc);
                    assertThat(held).as("segments per node").containsOnlyKeys("node-a", "node-b");
                    assertThat(Math.abs(held.get("node-a") - held.get("node-b"))).isLessThanOrEqualTo(1);
                });

                Api a = new Api(RotaNode.port(first));
                Api b = new Api(RotaNode.port(second));
                String tokenA = a.login("admin", PASSWORD);
                String tokenB = b.login("admin", PASSWORD);
                ScheduleFixtures throughB = new ScheduleFixtures(b, tokenB);
                String group = throughB.group("Europe/Berlin");
                String primary = throughB.shiftType(group, "Primary", "08:00", 24);
                String ann = throughB.member(group, "Ann");
                String bob = throughB.member(group, "Bob");
                assertThat(throughB.assign(group, primary, "2038-10-04", ann).status()).isEqualTo(200);

                String slot = ScheduleFixtures.slot(group, primary, "2038-10-04");
                assertThat(a.put(slot, tokenA, "{\"memberId\":\"" + bob + "\",\"expectedVersion\":1}").status())
                        .as("node A sees the version node B stored").isEqualTo(200);
                Api.Response stale = b.put(slot, tokenB, "{\"memberId\":\"" + ann + "\",\"expectedVersion\":1}");
                assertThat(stale.status()).as("a version node A moved on is refused on node B").isEqualTo(409);
                assertThat(stale.json().get("code").asString()).isEqualTo("VERSION_CONFLICT");
                assertThat(stale.json().at("/current/version").asLong()).isEqualTo(2);
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                        a.get("/api/v1/groups/" + group + "/calendar?from=2038-10-04&to=2038-10-04", tokenA).body())
                        .contains(bob));
            }

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(claims(jdbc))
                    .as("the stopped node's segments go back to the one left").isEqualTo(Map.of("node-a", (long) segments)));
        }
    }

    private static Map<String, Long> claims(JdbcTemplate jdbc) {
        return jdbc.queryForList("select owner from token_entry where owner is not null", String.class).stream()
                .collect(Collectors.groupingBy(owner -> owner, Collectors.counting()));
    }
}
