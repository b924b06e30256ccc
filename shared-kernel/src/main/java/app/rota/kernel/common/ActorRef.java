package app.rota.kernel.common;

import app.rota.kernel.member.MemberId;

import java.util.Map;

/** Who did something, as a history shows it: their name, the role they acted in, the channel. */
public record ActorRef(String name, String role, String source) {

    /** The actor a message's metadata names ({@link ActorMetadata}), or null when it names none. */
    public static ActorRef fromMetaData(Map<String, ?> metaData) {
        String name = text(metaData, ActorMetadata.ACTOR_NAME);
        String role = text(metaData, ActorMetadata.ACTOR_ROLE);
        String source = text(metaData, ActorMetadata.ACTOR_SOURCE);
        return name == null && role == null && source == null ? null : new ActorRef(name, role, source);
    }

    /** The member an admin acted for, as the metadata records it ({@link ActorMetadata#ON_BEHALF_OF}), or null. */
    public static MemberId onBehalfOf(Map<String, ?> metaData) {
        String member = text(metaData, ActorMetadata.ON_BEHALF_OF);
        return member == null ? null : MemberId.of(member);
    }

    private static String text(Map<String, ?> metaData, String key) {
        Object value = metaData.get(key);
        return value == null ? null : value.toString();
    }
}
