package app.rota.ops;

import app.rota.RotaApplication;
import app.rota.ops.support.RotaIntegrationTest;
import app.rota.ops.support.RotaNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.jobrunr.JobRunrDeadlineManager;
import org.jobrunr.server.BackgroundJobServer;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.storage.sql.postgres.PostgresStorageProvider;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import rotatest.deadline.ProbeAggregate;
import rotatest.deadline.ProbeAggregate.ProbeFired;
import rotatest.deadline.ProbeAggregate.ProbeStarted;
import rotatest.deadline.ProbeAggregate.StartProbe;
import rotatest.deadline.ProbeConfiguration;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Deadlines are JobRunr jobs in Rota's own PostgreSQL, so one scheduled before a clean stop fires after
 * the next start. The deadline owner is a test-only aggregate ({@link ProbeAggregate}).
 */
class DurableDeadlineTest {

    private static final Logger log = LoggerFactory.getLogger(DurableDeadlineTest.class);
    private static final Duration AHEAD = Duration.ofSeconds(20);

    @Test
    void aDeadlineScheduledBeforeACleanStopFiresAfterTheRestart() {
        Path dataDir = RotaIntegrationTest.newDataDir("rota-deadline-");
        String probeId = UUID.randomUUID().toString();
        Instant fireAt;

        try (ConfigurableApplicationContext first = start(dataDir)) {
            assertDeadlinesAreJobRunrJobsInRotasDatabase(first);
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);

            fireAt = Instant.now().plus(AHEAD);
            first.getBean(CommandGateway.class).sendAndWait(new StartProbe(probeId, fireAt), 10, TimeUnit.SECONDS);

            assertThat(events(jdbc, ProbeStarted.class, probeId)).hasSize(1);
            assertThat(jdbc.queryForObject("select count(*) from jobrunr_jobs where state = 'SCHEDULED' and jobasjson like ?",
                    Long.class, "%" + ProbeAggregate.DEADLINE + "%")).as("the deadline as a scheduled JobRunr job").isEqualTo(1);
            assertThat(events(jdbc, ProbeFired.class, probeId)).as("not fired yet").isEmpty();
        }
        assertThat(Instant.now()).as("stopped before the deadline was due").isBefore(fireAt);

        Instant restartedAt = Instant.now();
        try (ConfigurableApplicationContext second = start(dataDir)) {
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            assertThat(second.getBean(DeadlineManager.class)).isInstanceOf(JobRunrDeadlineManager.class);

            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> assertThat(events(jdbc, ProbeFired.class, probeId)).hasSize(1));

            Instant stored = Instant.parse(events(jdbc, ProbeFired.class, probeId).get(0));
            log.info("Deadline due at {} fired at {} ({} after the restart began)", fireAt, stored,
                    Duration.between(restartedAt, stored));
            assertThat(stored).as("fired by the restarted instance, not before its due time")
                    .isAfter(restartedAt).isAfterOrEqualTo(fireAt);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                    "select count(*) from jobrunr_jobs where state = 'SUCCEEDED' and jobasjson like ?",
                    Long.class, "%" + ProbeAggregate.DEADLINE + "%")).as("the JobRunr job succeeded").isEqualTo(1));
        }
    }

    /** Without JobRunr's scheduler Axon would keep deadlines in memory; Rota refuses to start rather than lose them. */
    @Test
    void rotaRefusesToStartWithDeadlinesOnlyInMemory() {
        Path dataDir = RotaIntegrationTest.newDataDir("rota-deadline-memory-");

        assertThatThrownBy(() -> new SpringApplicationBuilder(RotaApplication.class).run(args(dataDir,
                "--jobrunr.job-scheduler.enabled=false")).close())
                .hasStackTraceContaining("Deadlines would not survive a restart")
                .hasStackTraceContaining("SimpleDeadlineManager");
    }

    private static void assertDeadlinesAreJobRunrJobsInRotasDatabase(ConfigurableApplicationContext context) {
        Map<String, DeadlineManager> beans = context.getBeansOfType(DeadlineManager.class);
        log.info("DeadlineManager beans: {}", beans.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().getClass().getName())));
        assertThat(beans).hasSize(1);
        DeadlineManager deadlineManager = beans.values().iterator().next();
        assertThat(deadlineManager).isInstanceOf(JobRunrDeadlineManager.class);
        // The one Axon hands to handlers is that same bean, not a SimpleDeadlineManager of its own.
        assertThat(context.getBean(Configuration.class).deadlineManager()).isSameAs(deadlineManager);

        StorageProvider storage = context.getBean(StorageProvider.class);
        log.info("JobRunr storage provider: {}", storage.getClass().getName());
        assertThat(storage).isInstanceOf(PostgresStorageProvider.class);
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        assertThat(jdbc.queryForList("select table_name from information_schema.tables where table_catalog = current_database()"
                + " and table_name like 'jobrunr\\_%'", String.class)).contains("jobrunr_jobs", "jobrunr_backgroundjobservers");

        Duration pollInterval = context.getBean(BackgroundJobServer.class).getConfiguration().getPollInterval();
        log.info("JobRunr poll interval: {}", pollInterval);
        assertThat(pollInterval).as("JobRunr's minimum, so a deadline is at most 5 s late").isEqualTo(Duration.ofSeconds(5));
    }

    /** The time stamps of this probe's stored events of one type. */
    private static List<String> events(JdbcTemplate jdbc, Class<?> type, String probeId) {
        return jdbc.queryForList("select time_stamp from domain_event_entry where payload_type = ? and aggregate_identifier = ?",
                String.class, type.getName(), probeId);
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(RotaApplication.class, ProbeConfiguration.class).run(args(dataDir));
    }

    private static String[] args(Path dataDir, String... more) {
        return RotaNode.args(dataDir, "deadline-admin-password", more);
    }
}
