package app.rota.kernel.schedule;

import app.rota.kernel.common.TypedId;

import java.util.Objects;
import java.util.UUID;

/** Identifies a shift type within a group. Its string form is the UUID. */
public record ShiftTypeId(UUID value) implements TypedId {

    public ShiftTypeId {
        Objects.requireNonNull(value, "shift type id");
    }

    public static ShiftTypeId of(String value) {
        return new ShiftTypeId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
