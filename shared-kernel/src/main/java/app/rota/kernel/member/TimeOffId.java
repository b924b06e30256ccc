package app.rota.kernel.member;

import app.rota.kernel.common.TypedId;

import java.util.Objects;
import java.util.UUID;

/** Identifies one declaration of time off (a member's dates away). Its string form is the UUID. */
public record TimeOffId(UUID value) implements TypedId {

    public TimeOffId {
        Objects.requireNonNull(value, "time off id");
    }

    public static TimeOffId of(String value) {
        return new TimeOffId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
