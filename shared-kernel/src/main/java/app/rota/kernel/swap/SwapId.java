package app.rota.kernel.swap;

import app.rota.kernel.common.TypedId;

import java.util.Objects;
import java.util.UUID;

/** Identifies a swap. Its string form is the UUID, which is also the aggregate id. */
public record SwapId(UUID value) implements TypedId {

    /** Metadata key under which every slot move a swap makes (and so its events) names the swap. */
    public static final String METADATA_KEY = "swapId";

    public SwapId {
        Objects.requireNonNull(value, "swap id");
    }

    public static SwapId of(String value) {
        return new SwapId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
