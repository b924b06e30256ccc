package app.rota.kernel.error;

/** The serializable form of a refusal: travels as command-execution details across the bus. */
public record RotaError(ErrorCode code, String field, String detail) {

    public RotaException toException() {
        return new RotaException(code, field, detail);
    }
}
