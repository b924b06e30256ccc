package app.rota.command.actor;

import app.rota.kernel.common.Actor;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.ParameterResolver;
import org.axonframework.messaging.annotation.ParameterResolverFactory;

import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;

/**
 * Lets a command handler take the {@link Actor} as a parameter, read from the command's metadata.
 * Found through {@code META-INF/services}, so aggregates get it in the application and in test fixtures alike.
 */
public class ActorParameterResolverFactory implements ParameterResolverFactory {

    @Override
    public ParameterResolver<Actor> createInstance(Executable executable, Parameter[] parameters, int parameterIndex) {
        if (parameters[parameterIndex].getType() != Actor.class) {
            return null;
        }
        return new ParameterResolver<>() {
            @Override
            public Actor resolveParameterValue(Message<?> message) {
                return Actor.fromMetaData(message.getMetaData());
            }

            @Override
            public boolean matches(Message<?> message) {
                return true;
            }
        };
    }
}
