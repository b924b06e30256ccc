package app.rota.kernel.error;

/**
 * The serializable form of a refusal: travels as command-execution details across the bus.
 * {@code current} is the state the refused command met, when the refusal tells it (a 409 on a stale version).
 */
public record RotaError(ErrorCode code, String field, String detail, Object current) {

    public RotaException toException() {
        return new RotaException(code, field, detail, current);
    }
}
