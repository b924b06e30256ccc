package app.rota.ops.axon;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.util.Set;
import java.sql.Connection;
import java.sql.Savepoint;

/**
 * Each event handler of a processor with a dead-letter queue runs inside a savepoint of the batch's transaction (and flushes JPA
 * changes before it is released). A handler that fails on one event is rolled back to its savepoint,
 * so the transaction stays usable (PostgreSQL refuses every statement after a failed one otherwise):
 * the dead-letter queue can record that event and the rest of the batch goes on.
 */
class SavepointPerEvent implements HandlerEnhancerDefinition {

    private final ObjectProvider<DataSource> dataSource;
    private final ObjectProvider<EntityManagerFactory> entityManagers;
    private final Set<String> deadLetteringProcessors;

    SavepointPerEvent(ObjectProvider<DataSource> dataSource, ObjectProvider<EntityManagerFactory> entityManagers,
                      Set<String> deadLetteringProcessors) {
        this.dataSource = dataSource;
        this.entityManagers = entityManagers;
        this.deadLetteringProcessors = Set.copyOf(deadLetteringProcessors);
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        ProcessingGroup group = original.declaringClass().getAnnotation(ProcessingGroup.class);
        boolean deadLetteringHandler = original.annotationAttributes(EventHandler.class).isPresent()
                && original.annotationAttributes(EventSourcingHandler.class).isEmpty()
                && group != null && deadLetteringProcessors.contains(group.value());
        return deadLetteringHandler ? new InSavepoint<>(original) : original;
    }

    private final class InSavepoint<T> extends WrappedMessageHandlingMember<T> {

        InSavepoint(MessageHandlingMember<T> delegate) {
            super(delegate);
        }

        @Override
        public Object handle(Message<?> message, T target) throws Exception {
            if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                return super.handle(message, target);
            }
            Connection connection = DataSourceUtils.getConnection(dataSource.getObject());
            Savepoint savepoint = connection.setSavepoint();
            try {
                Object result = super.handle(message, target);
                EntityManager entityManager = EntityManagerFactoryUtils.getTransactionalEntityManager(entityManagers.getObject());
                if (entityManager != null) {
                    entityManager.flush();
                }
                connection.releaseSavepoint(savepoint);
                return result;
            } catch (Exception | Error failure) {
                try {
                    EntityManager entityManager = EntityManagerFactoryUtils.getTransactionalEntityManager(entityManagers.getObject());
                    if (entityManager != null) {
                        entityManager.clear();
                    }
                    connection.rollback(savepoint);
                } catch (Exception rollbackFailed) {
                    failure.addSuppressed(rollbackFailed);
                }
                throw failure;
            }
        }
    }
}
