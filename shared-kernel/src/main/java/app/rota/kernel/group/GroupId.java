package app.rota.kernel.group;

import app.rota.kernel.common.TypedId;

import java.util.Objects;
import java.util.UUID;

/** Identifies a group (a tenant). Its string form is the UUID, which is also the aggregate id. */
public record GroupId(UUID value) implements TypedId {

    public GroupId {
        Objects.requireNonNull(value, "group id");
    }

    public static GroupId of(String value) {
        return new GroupId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
