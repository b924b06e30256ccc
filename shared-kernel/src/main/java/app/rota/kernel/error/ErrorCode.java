package app.rota.kernel.error;

/**
 * Stable error codes shared by every module. Clients match on these names, never on message text,
 * so a code is never renamed; new ones may be added.
 */
public enum ErrorCode {
    MALFORMED_REQUEST(Kind.INVALID_INPUT, "The request body or a parameter could not be read"),
    UNKNOWN_FIELD(Kind.INVALID_INPUT, "The request has a field this endpoint does not know"),
    FIELD_REQUIRED(Kind.INVALID_INPUT, "A required field is missing"),
    NAME_BLANK(Kind.INVALID_INPUT, "A name must not be blank"),
    NAME_TOO_LONG(Kind.INVALID_INPUT, "A name is too long"),
    TIME_ZONE_UNKNOWN(Kind.INVALID_INPUT, "Not an IANA time zone id"),
    SETTING_INVALID(Kind.INVALID_INPUT, "A group setting is out of range"),
    PHONE_INVALID(Kind.INVALID_INPUT, "Not a valid phone number in E.164 form"),
    USERNAME_INVALID(Kind.INVALID_INPUT, "Not a usable username"),
    PASSWORD_TOO_SHORT(Kind.INVALID_INPUT, "The password is too short"),
    START_TIME_INVALID(Kind.INVALID_INPUT, "Not a valid local start time"),
    DURATION_INVALID(Kind.INVALID_INPUT, "The duration is out of range"),
    DAYS_OF_WEEK_INVALID(Kind.INVALID_INPUT, "The days of week are missing or invalid"),
    DATE_INVALID(Kind.INVALID_INPUT, "Not a valid date"),
    DATE_RANGE_INVALID(Kind.INVALID_INPUT, "The date range is empty or reversed"),
    DATE_RANGE_TOO_LARGE(Kind.INVALID_INPUT, "The date range is too large"),
    DATE_OUT_OF_RANGE(Kind.INVALID_INPUT, "The date or instant is outside the years Rota accepts"),
    AS_OF_IN_FUTURE(Kind.INVALID_INPUT, "An as-of instant must not be in the future"),
    LAST_EVENT_ID_INVALID(Kind.INVALID_INPUT, "Last-Event-ID must be an event position"),
    TEXT_INVALID(Kind.INVALID_INPUT, "The text contains control characters"),
    TEXT_TOO_LONG(Kind.INVALID_INPUT, "The text is too long"),
    REASON_TOO_LONG(Kind.INVALID_INPUT, "A reason is too long"),
    PASSWORD_TOO_LONG(Kind.INVALID_INPUT, "The password is too long"),
    LIST_TOO_LONG(Kind.INVALID_INPUT, "A list has too many items"),
    ROTATION_TOO_LARGE(Kind.INVALID_INPUT, "The rotation covers too many slots for one request"),
    ROTATION_INTERRUPTED(Kind.INTERNAL, "The rotation stopped partway; what it assigned stays"),
    REQUEST_TOO_LARGE(Kind.TOO_LARGE, "The request body is too large"),

    AUTHENTICATION_REQUIRED(Kind.UNAUTHENTICATED, "Authentication is required"),
    INVALID_CREDENTIALS(Kind.UNAUTHENTICATED, "Unknown user or wrong password"),
    TOKEN_REVOKED(Kind.UNAUTHENTICATED, "The token is no longer valid; log in again"),
    WRONG_PASSWORD(Kind.FORBIDDEN, "The current password is wrong"),
    ACCESS_DENIED(Kind.FORBIDDEN, "Your role does not allow this"),
    SIGNATURE_INVALID(Kind.FORBIDDEN, "The webhook's X-Twilio-Signature is missing or wrong"),

    GROUP_NOT_FOUND(Kind.NOT_FOUND, "No such group"),
    NOT_FOUND(Kind.NOT_FOUND, "No such resource"),
    MEMBER_NOT_FOUND(Kind.NOT_FOUND, "No such member in this group"),
    SHIFT_TYPE_NOT_FOUND(Kind.NOT_FOUND, "No such shift type in this group"),
    SLOT_NOT_FOUND(Kind.NOT_FOUND, "The shift type does not occur on that date"),
    SWAP_NOT_FOUND(Kind.NOT_FOUND, "No such swap in this group"),
    COVERAGE_REQUEST_NOT_FOUND(Kind.NOT_FOUND, "No such coverage request in this group"),
    PROJECTION_NOT_FOUND(Kind.NOT_FOUND, "No such projection"),
    TIME_OFF_NOT_FOUND(Kind.NOT_FOUND, "No such time off for this member"),

    CONCURRENT_MODIFICATION(Kind.CONFLICT, "Someone else changed this at the same time"),
    VERSION_CONFLICT(Kind.CONFLICT, "The slot has changed since you read it"),
    PHONE_TAKEN(Kind.CONFLICT, "Another member of the group has this phone number"),
    USERNAME_TAKEN(Kind.CONFLICT, "This username is taken"),
    MEMBER_DOUBLE_BOOKED(Kind.CONFLICT, "The member already holds an overlapping slot"),
    SLOT_ALREADY_ASSIGNED(Kind.CONFLICT, "The slot was assigned meanwhile"),
    SLOT_PENDING(Kind.CONFLICT, "The slot is already in a pending swap or coverage request"),
    SWAP_STATE_CONFLICT(Kind.CONFLICT, "The swap's status does not allow this"),
    COVERAGE_STATE_CONFLICT(Kind.CONFLICT, "The coverage request's status does not allow this"),
    REPLAY_RUNNING(Kind.CONFLICT, "A replay of this projection is already running"),
    PROJECTION_NOT_REPLAYABLE(Kind.CONFLICT, "This processor cannot be rebuilt while serving"),
    TIME_OFF_WITHDRAWN(Kind.CONFLICT, "This time off was already withdrawn"),
    TIME_OFF_ID_TAKEN(Kind.CONFLICT, "The member already declared time off under this id"),

    MEMBER_INACTIVE(Kind.RULE_VIOLATION, "The member is deactivated"),
    SHIFT_TYPE_RETIRED(Kind.RULE_VIOLATION, "The shift type is retired"),
    NO_ACTIVE_MEMBERS(Kind.RULE_VIOLATION, "There are no active members to rotate"),
    SLOT_NOT_HELD(Kind.RULE_VIOLATION, "The member does not hold that slot"),
    SLOT_STARTED(Kind.RULE_VIOLATION, "The slot has already started"),
    COUNTERPART_INVALID(Kind.RULE_VIOLATION, "The counterpart cannot take part in this swap"),
    MEMBER_ON_TIME_OFF(Kind.RULE_VIOLATION, "The member is on time off then"),
    CLAIMANT_INELIGIBLE(Kind.RULE_VIOLATION, "The member cannot take this slot"),

    TOO_MANY_ATTEMPTS(Kind.THROTTLED, "Too many attempts; wait before trying again"),

    DATABASE_UNAVAILABLE(Kind.UNAVAILABLE, "The database cannot be reached right now"),
    TOO_MANY_STREAMS(Kind.UNAVAILABLE, "This node serves as many live streams as it can; try again shortly"),
    INTERNAL_ERROR(Kind.INTERNAL, "Something went wrong on our side"),
    FEED_NOT_FOUND(Kind.NOT_FOUND, "No such calendar feed, or it was revoked");

    /** What sort of failure a code is; the HTTP layer maps kinds to status codes. */
    public enum Kind {
        INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT, RULE_VIOLATION, TOO_LARGE, THROTTLED, UNAVAILABLE,
        INTERNAL
    }

    private final Kind kind;
    private final String title;

    ErrorCode(Kind kind, String title) {
        this.kind = kind;
        this.title = title;
    }

    public Kind kind() {
        return kind;
    }

    public String title() {
        return title;
    }
}
