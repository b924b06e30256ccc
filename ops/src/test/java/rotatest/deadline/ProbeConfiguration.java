package rotatest.deadline;

import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers {@link ProbeAggregate} with Axon; passed explicitly as a source, never found by a scan. */
@Configuration(proxyBeanMethods = false)
public class ProbeConfiguration {

    @Bean
    ConfigurerModule probeAggregate() {
        return configurer -> configurer.configureAggregate(ProbeAggregate.class);
    }
}
