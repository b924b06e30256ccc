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

    AUTHENTICATION_REQUIRED(Kind.UNAUTHENTICATED, "Authentication is required"),
    INVALID_CREDENTIALS(Kind.UNAUTHENTICATED, "Unknown user or wrong password"),
    ACCESS_DENIED(Kind.FORBIDDEN, "Your role does not allow this"),

    GROUP_NOT_FOUND(Kind.NOT_FOUND, "No such group"),
    NOT_FOUND(Kind.NOT_FOUND, "No such resource"),

    CONCURRENT_MODIFICATION(Kind.CONFLICT, "Someone else changed this at the same time"),

    INTERNAL_ERROR(Kind.INTERNAL, "Something went wrong on our side");

    /** What sort of failure a code is; the HTTP layer maps kinds to status codes. */
    public enum Kind { INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT, RULE_VIOLATION, INTERNAL }

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
