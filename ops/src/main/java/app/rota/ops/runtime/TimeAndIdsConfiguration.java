package app.rota.ops.runtime;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.IdGenerator;
import org.springframework.util.JdkIdGenerator;

import java.time.Clock;

/**
 * Where every module gets the time and new ids from: injected, never {@code Instant.now()} or
 * {@code UUID.randomUUID()} in domain code, so tests can fix them.
 */
@Configuration(proxyBeanMethods = false)
public class TimeAndIdsConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Random (version 4) UUIDs for new groups, members and shift types. */
    @Bean
    IdGenerator idGenerator() {
        return new JdkIdGenerator();
    }
}
