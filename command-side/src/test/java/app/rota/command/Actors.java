package app.rota.command;

import app.rota.kernel.common.ActorMetadata;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.member.MemberId;
import org.axonframework.eventhandling.EventMessage;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Command metadata for the actors of fixture tests, as the web channel stamps it, and matchers on what events record. */
public final class Actors {

    private Actors() {
    }

    public static Map<String, Object> member(MemberId member, GroupId group) {
        return Map.of(ActorMetadata.ACTOR_ACCOUNT_ID, "account-of-" + member, ActorMetadata.ACTOR_ROLE, "GROUP_MEMBER",
                ActorMetadata.ACTOR_SOURCE, "WEB", ActorMetadata.ACTOR_MEMBER_ID, member.toString(),
                ActorMetadata.ACTOR_GROUP_ID, group.toString());
    }

    /** A member acting by SMS reply (the notifier's inbound channel): the member's own role, the SMS source. */
    public static Map<String, Object> memberBySms(MemberId member, GroupId group) {
        return Map.of(ActorMetadata.ACTOR_ACCOUNT_ID, "sms", ActorMetadata.ACTOR_ROLE, "GROUP_MEMBER",
                ActorMetadata.ACTOR_SOURCE, "SMS", ActorMetadata.ACTOR_MEMBER_ID, member.toString(),
                ActorMetadata.ACTOR_GROUP_ID, group.toString());
    }

    /** Rota itself, with no request behind it (a scheduled job, a carrier's callback), as the dispatch interceptor stamps it. */
    public static Map<String, Object> system() {
        return Map.of(ActorMetadata.ACTOR_ACCOUNT_ID, "system", ActorMetadata.ACTOR_NAME, "system",
                ActorMetadata.ACTOR_ROLE, "SYSTEM", ActorMetadata.ACTOR_SOURCE, "SYSTEM");
    }

    public static Map<String, Object> groupAdmin(MemberId admin, GroupId group) {
        return Map.of(ActorMetadata.ACTOR_ACCOUNT_ID, "account-of-" + admin, ActorMetadata.ACTOR_ROLE, "GROUP_ADMIN",
                ActorMetadata.ACTOR_SOURCE, "WEB", ActorMetadata.ACTOR_MEMBER_ID, admin.toString(),
                ActorMetadata.ACTOR_GROUP_ID, group.toString());
    }

    public static Map<String, Object> auditor(MemberId auditor, GroupId group) {
        return Map.of(ActorMetadata.ACTOR_ACCOUNT_ID, "account-of-" + auditor, ActorMetadata.ACTOR_ROLE, "GROUP_AUDITOR",
                ActorMetadata.ACTOR_SOURCE, "WEB", ActorMetadata.ACTOR_MEMBER_ID, auditor.toString(),
                ActorMetadata.ACTOR_GROUP_ID, group.toString());
    }

    /** The published events are exactly one, with this payload, recording {@code onBehalfOf} as given (null: absent). */
    public static Matcher<List<EventMessage<?>>> oneEvent(Object payload, MemberId onBehalfOf) {
        return new CustomTypeSafeMatcher<>("one event " + payload + " on behalf of " + onBehalfOf) {
            @Override
            protected boolean matchesSafely(List<EventMessage<?>> events) {
                return events.size() == 1 && events.get(0).getPayload().equals(payload)
                        && Objects.equals(events.get(0).getMetaData().get(ActorMetadata.ON_BEHALF_OF),
                        onBehalfOf == null ? null : onBehalfOf.toString());
            }
        };
    }
}
