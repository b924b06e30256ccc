package app.rota.kernel.member;

import app.rota.kernel.common.TypedId;

import java.util.Objects;
import java.util.UUID;

/** Identifies a member of a group. Its string form is the UUID. */
public record MemberId(UUID value) implements TypedId {

    public MemberId {
        Objects.requireNonNull(value, "member id");
    }

    public static MemberId of(String value) {
        return new MemberId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
