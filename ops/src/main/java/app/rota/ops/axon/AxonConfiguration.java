package app.rota.ops.axon;

import app.rota.command.errors.RefusalWrappingInterceptor;
import app.rota.command.tables.CommandTables;
import app.rota.kernel.common.ActorMetadata;
import app.rota.kernel.rotation.RotationId;
import app.rota.ops.web.TypedIdJacksonModule;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import jakarta.persistence.EntityManagerFactory;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.springboot.EventProcessorProperties;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon wiring that is Rota's own choice: readable typed ids in stored events, actor and correlation
 * metadata on every command (inherited by its events), and event handlers whose failures are retried
 * (with the processor's back-off) and counted instead of silently skipped.
 */
@Configuration(proxyBeanMethods = false)
class AxonConfiguration {

    /**
     * The one customizer of Axon's serializers (Axon applies only the first such bean it finds):
     * <ul>
     *   <li>readable typed ids in stored events;</li>
     *   <li>Axon's tokens read back: they name their inner tokens' classes ({@code ReplayToken} holds the
     *       token at reset and an {@code Object} context), and Jackson 3 refuses every polymorphic type on
     *       an {@code Object} base by default, so a processor started on an existing event store (a new
     *       projection, a query-only node, a replay) died reading back its first token. Exactly Axon's
     *       and Rota's own classes are allowed there.</li>
     * </ul>
     */
    @Bean
    Jackson3SerializerCustomizer rotaSerialization() {
        return builder -> builder.addModule(new TypedIdJacksonModule())
                .polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
                        .allowIfSubType("org.axonframework.")
                        .allowIfSubType("app.rota.")
                        .build());
    }

    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    @Bean
    CorrelationDataProvider actorCorrelation() {
        return new SimpleCorrelationDataProvider(ActorMetadata.ACTOR_ACCOUNT_ID, ActorMetadata.ACTOR_NAME,
                ActorMetadata.ACTOR_ROLE, ActorMetadata.ACTOR_SOURCE, ActorMetadata.ACTOR_MEMBER_ID,
                ActorMetadata.ACTOR_GROUP_ID, ActorMetadata.CORRELATION_ID);
    }

    /**
     * The rotation run that sent an assignment ({@link RotationId#METADATA_KEY} on the command) is named on
     * the slot's events too, so that their readers (the notifier) can tell a rotation's assignments, told
     * once in the run's summary, from single edits.
     */
    @Bean
    CorrelationDataProvider rotationCorrelation() {
        return new SimpleCorrelationDataProvider(RotationId.METADATA_KEY);
    }

    @Bean
    ConfigurerModule failingHandlersAreRetriedNotSkipped(MeterRegistry registry, ProcessorFailures failing) {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance())
                .registerDefaultErrorHandler(c -> PropagatingErrorHandler.instance())
                .registerDefaultHandlerInterceptor((c, processorName) -> CommandTables.PROCESSING_GROUP.equals(processorName)
                        ? (unitOfWork, chain) -> chain.proceed()
                        : new HandlerFailureCounter(processorName, registry, failing));
    }

    /** Handlers of dead-lettering processors run in a savepoint each, so one failing event leaves the batch's transaction usable. */
    @Bean
    SavepointPerEvent savepointPerEvent(ObjectProvider<DataSource> dataSource, ObjectProvider<EntityManagerFactory> entityManagers,
                                        EventProcessorProperties properties) {
        return new SavepointPerEvent(dataSource, entityManagers, deadLetteringProcessors(properties));
    }

    @Bean
    DeadLetters deadLetterQueues(JdbcTemplate jdbc, EventProcessingConfiguration processing, EventProcessorProperties properties,
                            MeterRegistry registry) {
        return new DeadLetters(jdbc, processing, deadLetteringProcessors(properties), registry);
    }

    /** Each processor with a dead-letter queue (axon.eventhandling.processors.NAME.dlq.enabled) gets Rota's policy. */
    @Bean
    ConfigurerModule deadLetterPolicies(EventProcessorProperties properties, MeterRegistry registry) {
        return configurer -> deadLetteringProcessors(properties).forEach(processor -> configurer.eventProcessing()
                .registerDeadLetterPolicy(processor, c -> new DeadLetterPolicy(processor, registry)));
    }

    private static Set<String> deadLetteringProcessors(EventProcessorProperties properties) {
        return properties.getProcessors().entrySet().stream()
                .filter(e -> e.getValue().getDlq().isEnabled())
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    /** Who asks travels with every command and query, and the handling side checks tenancy on it. */
    @Bean
    InitializingBean actorOnCommandsAndQueries(CommandBus commandBus, QueryBus queryBus,
                                               ObjectProvider<RefusalWrappingInterceptor> refusalsCrossTheBus) {
        return () -> {
            commandBus.registerDispatchInterceptor(new ActorMetadataInterceptor<>());
            queryBus.registerDispatchInterceptor(new ActorMetadataInterceptor<>());
            refusalsCrossTheBus.ifAvailable(commandBus::registerHandlerInterceptor);
            commandBus.registerHandlerInterceptor(new TenantGuard());
            queryBus.registerHandlerInterceptor(new TenantGuard());
        };
    }
}
