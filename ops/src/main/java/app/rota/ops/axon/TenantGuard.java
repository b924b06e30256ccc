package app.rota.ops.axon;

import app.rota.kernel.common.ActorMetadata;
import app.rota.kernel.common.GroupScoped;
import app.rota.kernel.common.Roles;
import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.error.RotaException;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.Arrays;

/**
 * Tenancy again where commands and queries are handled, whatever let them through at the door: a
 * {@link GroupScoped} message is handled only for an actor who belongs to its group, a super admin, or
 * the system itself. Anyone else gets {@code GROUP_NOT_FOUND}, as for a group that does not exist.
 */
class TenantGuard implements MessageHandlerInterceptor<Message<?>> {

    @Override
    public Object handle(UnitOfWork<? extends Message<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Message<?> message = unitOfWork.getMessage();
        if (message.getPayload() instanceof GroupScoped scoped && !mayActIn(message.getMetaData(), scoped)) {
            throw new RotaException(ErrorCode.GROUP_NOT_FOUND, "No group with id " + scoped.groupId() + ".");
        }
        return chain.proceed();
    }

    static boolean mayActIn(MetaData metaData, GroupScoped message) {
        if (ActorMetadata.Source.SYSTEM.name().equals(metaData.get(ActorMetadata.ACTOR_SOURCE))
                && "SYSTEM".equals(metaData.get(ActorMetadata.ACTOR_ROLE))) {
            return true;
        }
        if (metaData.get(ActorMetadata.ACTOR_ROLE) instanceof String roles
                && Arrays.asList(roles.split(",")).contains(Roles.SUPER_ADMIN)) {
            return true;
        }
        return message.groupId() != null
                && message.groupId().value().toString().equals(metaData.get(ActorMetadata.ACTOR_GROUP_ID));
    }
}
