package app.rota.kernel.rotation;

import app.rota.kernel.common.TypedId;

import java.util.Objects;
import java.util.UUID;

/** Identifies one run of the rotation generator. Its string form is the UUID, which is also the aggregate id. */
public record RotationId(UUID value) implements TypedId {

    /** Metadata key under which every assignment a rotation makes names its run. */
    public static final String METADATA_KEY = "rotationId";

    public RotationId {
        Objects.requireNonNull(value, "rotation id");
    }

    public static RotationId of(String value) {
        return new RotationId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
