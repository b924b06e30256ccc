package app.rota.ops.axon;

import app.rota.kernel.common.ActorMetadata;
import app.rota.ops.web.TypedIdJacksonModule;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon wiring that is Rota's own choice: readable typed ids in stored events, actor and correlation
 * metadata on every command (inherited by its events), and event handlers whose failures are retried
 * (with the processor's back-off) and counted instead of silently skipped.
 */
@Configuration(proxyBeanMethods = false)
class AxonConfiguration {

    @Bean
    Jackson3SerializerCustomizer typedIdsInEvents() {
        return builder -> builder.addModule(new TypedIdJacksonModule());
    }

    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    @Bean
    CorrelationDataProvider actorCorrelation() {
        return new SimpleCorrelationDataProvider(ActorMetadata.ACTOR_ID, ActorMetadata.ACTOR_NAME,
                ActorMetadata.ACTOR_ROLE, ActorMetadata.ACTOR_SOURCE, ActorMetadata.CORRELATION_ID);
    }

    @Bean
    ConfigurerModule failingHandlersAreRetriedNotSkipped(MeterRegistry registry, ProcessorFailures failing) {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance())
                .registerDefaultErrorHandler(c -> PropagatingErrorHandler.instance())
                .registerDefaultHandlerInterceptor((c, processorName) -> new HandlerFailureCounter(processorName, registry, failing));
    }

    @Bean
    InitializingBean actorMetadataOnCommands(CommandBus commandBus) {
        return () -> commandBus.registerDispatchInterceptor(new ActorMetadataInterceptor());
    }
}
