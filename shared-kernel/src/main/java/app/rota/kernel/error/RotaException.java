package app.rota.kernel.error;

/**
 * A refusal with a stable {@link ErrorCode}, the offending field (if one input is at fault) and a
 * sentence for humans. Thrown by command handlers before anything is applied, so a refusal never
 * leaves partial state behind.
 */
public class RotaException extends RuntimeException {

    private final ErrorCode code;
    private final String field;
    private final transient Object current;

    public RotaException(ErrorCode code, String field, String detail) {
        this(code, field, detail, null);
    }

    /** A refusal that also tells the client the current state (e.g. a 409 on a stale version). */
    public RotaException(ErrorCode code, String field, String detail, Object current) {
        super(detail);
        this.code = code;
        this.field = field;
        this.current = current;
    }

    public RotaException(ErrorCode code, String detail) {
        this(code, null, detail);
    }

    public ErrorCode code() {
        return code;
    }

    /** The request field at fault, or {@code null} when no single input is. */
    public String field() {
        return field;
    }

    /** The current state of what the refused command aimed at, or {@code null}. */
    public Object current() {
        return current;
    }

    /** What travels over the command bus as exception details, so the code survives distribution. */
    public RotaError toError() {
        return new RotaError(code, field, getMessage(), current);
    }
}
