package app.rota.ops.axon;

import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.jobrunr.JobRunrDeadlineManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Deadlines are JobRunr jobs in Rota's PostgreSQL (Axon's {@code AxonJobRunrAutoConfiguration} builds the
 * {@link JobRunrDeadlineManager} once JobRunr's {@code JobScheduler} exists), so they survive a restart.
 * Without it Axon would fall back to an in-memory {@code SimpleDeadlineManager} and lose every pending
 * deadline on a stop without a word: Rota refuses to start instead.
 */
@Configuration(proxyBeanMethods = false)
class DeadlineConfiguration {

    @Bean
    SmartInitializingSingleton deadlinesAreDurable(ObjectProvider<org.axonframework.config.Configuration> axon) {
        return () -> {
            DeadlineManager deadlineManager = axon.getObject().deadlineManager();
            if (!(deadlineManager instanceof JobRunrDeadlineManager)) {
                throw new IllegalStateException("Deadlines would not survive a restart: Axon's deadline manager is "
                        + deadlineManager.getClass().getName() + ", not the JobRunr one (is jobrunr.job-scheduler.enabled false?)");
            }
        };
    }
}
