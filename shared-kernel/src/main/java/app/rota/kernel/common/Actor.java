package app.rota.kernel.common;

import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.error.RotaException;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.member.MemberId;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Who acts, as the domain sees it: the member (when a member's login or SMS reply acts), the account,
 * the role they act in, and the channel. Command handlers take it as a parameter (resolved from the
 * command's {@link ActorMetadata}) and decide with it who may do what, e.g. that a member declares
 * time off only for themselves while an admin may act for anyone in the group.
 */
public record Actor(MemberId memberId, GroupId groupId, String accountId, Role role, ActorMetadata.Source source) {

    /** The role an actor acts in; {@code ANONYMOUS} is anyone not logged in. */
    public enum Role { SUPER_ADMIN, ADMIN, MEMBER, AUDITOR, SYSTEM, ANONYMOUS }

    public static final Actor ANONYMOUS = new Actor(null, null, "anonymous", Role.ANONYMOUS, ActorMetadata.Source.WEB);

    /** Reads the actor from a message's metadata; metadata that names no actor is {@link #ANONYMOUS}. */
    public static Actor fromMetaData(Map<String, ?> metaData) {
        if (!(metaData.get(ActorMetadata.ACTOR_SOURCE) instanceof String source)) {
            return ANONYMOUS;
        }
        String roles = metaData.get(ActorMetadata.ACTOR_ROLE) instanceof String r ? r : "";
        return new Actor(id(metaData.get(ActorMetadata.ACTOR_MEMBER_ID), MemberId::new),
                id(metaData.get(ActorMetadata.ACTOR_GROUP_ID), GroupId::new),
                metaData.get(ActorMetadata.ACTOR_ACCOUNT_ID) instanceof String account ? account : null,
                role(Arrays.asList(roles.split(","))), ActorMetadata.Source.valueOf(source));
    }

    private static Role role(List<String> roles) {
        if (roles.contains(Roles.SUPER_ADMIN)) {
            return Role.SUPER_ADMIN;
        }
        if (roles.contains("SYSTEM")) {
            return Role.SYSTEM;
        }
        if (roles.contains(Roles.GROUP_ADMIN)) {
            return Role.ADMIN;
        }
        if (roles.contains(Roles.GROUP_MEMBER)) {
            return Role.MEMBER;
        }
        if (roles.contains(Roles.GROUP_AUDITOR)) {
            return Role.AUDITOR;
        }
        return Role.ANONYMOUS;
    }

    private static <T> T id(Object value, java.util.function.Function<UUID, T> id) {
        return value instanceof String text && !text.isBlank() ? id.apply(UUID.fromString(text)) : null;
    }

    /** A super admin, a group admin or the system: may act for any member of the group. */
    public boolean actsAsAdmin() {
        return role == Role.SUPER_ADMIN || role == Role.ADMIN || role == Role.SYSTEM;
    }

    public boolean is(MemberId member) {
        return memberId != null && memberId.equals(member);
    }

    /** Refuses with {@code ACCESS_DENIED} unless the actor is the member, or an admin acting for them. */
    public void requireMayActFor(MemberId member) {
        if (!is(member) && !actsAsAdmin()) {
            throw new RotaException(ErrorCode.ACCESS_DENIED, "Only the member themselves or an admin may do this.");
        }
    }

    /** The metadata an event records when the actor acts for {@code member}: who was acted for, if not the actor. */
    public Map<String, Object> actingFor(MemberId member) {
        return is(member) ? Map.of() : Map.of(ActorMetadata.ON_BEHALF_OF, member.toString());
    }
}
