package app.rota.ops.axon;

import app.rota.kernel.common.ActorMetadata;
import app.rota.ops.web.CorrelationIdFilter;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.slf4j.MDC;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * Stamps every command with who sent it (user id, name, roles), through which channel, and the
 * correlation id of the request that caused it. Metadata already set by the sender (the SMS channel,
 * the system) is kept.
 */
class ActorMetadataInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            Map<String, Object> added = new HashMap<>();
            if (!command.getMetaData().containsKey(ActorMetadata.ACTOR_ID)) {
                added.putAll(actorOfThisThread());
            }
            if (!command.getMetaData().containsKey(ActorMetadata.CORRELATION_ID)) {
                String correlationId = MDC.get(CorrelationIdFilter.MDC_KEY);
                added.put(ActorMetadata.CORRELATION_ID, correlationId != null ? correlationId : UUID.randomUUID().toString());
            }
            return command.andMetaData(added);
        };
    }

    private static Map<String, Object> actorOfThisThread() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof Jwt jwt)) {
            return Map.of(ActorMetadata.ACTOR_ID, "system", ActorMetadata.ACTOR_NAME, "system",
                    ActorMetadata.ACTOR_ROLE, "SYSTEM", ActorMetadata.ACTOR_SOURCE, ActorMetadata.Source.SYSTEM.name());
        }
        String roles = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("ROLE_"))
                .map(authority -> authority.substring("ROLE_".length()))
                .sorted()
                .collect(Collectors.joining(","));
        String name = jwt.getClaimAsString("name");
        return Map.of(ActorMetadata.ACTOR_ID, jwt.getSubject(),
                ActorMetadata.ACTOR_NAME, name != null ? name : jwt.getSubject(),
                ActorMetadata.ACTOR_ROLE, roles,
                ActorMetadata.ACTOR_SOURCE, ActorMetadata.Source.WEB.name());
    }
}
