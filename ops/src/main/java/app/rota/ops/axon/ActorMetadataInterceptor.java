package app.rota.ops.axon;

import app.rota.kernel.common.ActorMetadata;
import app.rota.ops.security.CurrentAccount;
import app.rota.ops.web.CorrelationIdFilter;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.slf4j.MDC;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
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
 * Stamps every command and query with who sent it (account id, name, roles, and for a member's login
 * their member and group), through which channel, and the correlation id of the request that caused
 * it. Metadata already set by the sender (the SMS channel, the system) is kept. A caller who is not
 * logged in is {@code ANONYMOUS}; only work with no request behind it at all is the {@code SYSTEM}.
 */
class ActorMetadataInterceptor<T extends Message<?>> implements MessageDispatchInterceptor<T> {

    static final String ANONYMOUS = "ANONYMOUS";

    @Override
    @SuppressWarnings("unchecked")
    public BiFunction<Integer, T, T> handle(List<? extends T> messages) {
        return (index, message) -> {
            Map<String, Object> added = new HashMap<>();
            if (!message.getMetaData().containsKey(ActorMetadata.ACTOR_SOURCE)) {
                added.putAll(actorOfThisThread());
            }
            if (!message.getMetaData().containsKey(ActorMetadata.CORRELATION_ID)) {
                String correlationId = MDC.get(CorrelationIdFilter.MDC_KEY);
                added.put(ActorMetadata.CORRELATION_ID, correlationId != null ? correlationId : UUID.randomUUID().toString());
            }
            return (T) message.andMetaData(added);
        };
    }

    private static Map<String, Object> actorOfThisThread() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return Map.of(ActorMetadata.ACTOR_ACCOUNT_ID, "system", ActorMetadata.ACTOR_NAME, "system",
                    ActorMetadata.ACTOR_ROLE, "SYSTEM", ActorMetadata.ACTOR_SOURCE, ActorMetadata.Source.SYSTEM.name());
        }
        if (authentication instanceof AnonymousAuthenticationToken || !(authentication.getPrincipal() instanceof Jwt jwt)) {
            return Map.of(ActorMetadata.ACTOR_ACCOUNT_ID, "anonymous", ActorMetadata.ACTOR_NAME, "anonymous",
                    ActorMetadata.ACTOR_ROLE, ANONYMOUS, ActorMetadata.ACTOR_SOURCE, ActorMetadata.Source.WEB.name());
        }
        String roles = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("ROLE_"))
                .map(authority -> authority.substring("ROLE_".length()))
                .sorted()
                .collect(Collectors.joining(","));
        String name = jwt.getClaimAsString("name");
        Map<String, Object> actor = new HashMap<>(Map.of(ActorMetadata.ACTOR_ACCOUNT_ID, jwt.getSubject(),
                ActorMetadata.ACTOR_NAME, name != null ? name : jwt.getSubject(),
                ActorMetadata.ACTOR_ROLE, roles,
                ActorMetadata.ACTOR_SOURCE, ActorMetadata.Source.WEB.name()));
        if (authentication.getDetails() instanceof CurrentAccount account && account.groupId() != null) {
            actor.put(ActorMetadata.ACTOR_GROUP_ID, account.groupId().toString());
            actor.put(ActorMetadata.ACTOR_MEMBER_ID, account.memberId().toString());
        }
        return actor;
    }
}
