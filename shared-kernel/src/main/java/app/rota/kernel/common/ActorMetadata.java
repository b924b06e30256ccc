package app.rota.kernel.common;

/**
 * Metadata keys every command carries (and its events inherit through correlation): who acted, in
 * which role, through which channel, and the request that caused it. Read by the audit log.
 */
public final class ActorMetadata {

    /**
     * The acting account: an account id, or {@code system} / {@code anonymous}. Events stored before
     * 30 November 2026 carry it under the key {@code actorId} instead (an account id, never a member id).
     */
    public static final String ACTOR_ACCOUNT_ID = "actorAccountId";
    public static final String ACTOR_NAME = "actorName";
    public static final String ACTOR_ROLE = "actorRole";
    public static final String ACTOR_SOURCE = "actorSource";
    /** The member the acting account belongs to, when it is a member's login. */
    public static final String ACTOR_MEMBER_ID = "actorMemberId";
    /** The group the acting account belongs to, when it is a member's login: what tenancy checks compare. */
    public static final String ACTOR_GROUP_ID = "actorGroupId";
    /** The member an admin acted for, when the actor is not that member (set by the domain on the events). */
    public static final String ON_BEHALF_OF = "onBehalfOf";
    public static final String CORRELATION_ID = "correlationId";

    /** The channel an action came through. */
    public enum Source { WEB, SMS, SYSTEM }

    private ActorMetadata() {
    }
}
