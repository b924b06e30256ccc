package app.rota.kernel.coverage;

import app.rota.kernel.common.TypedId;

import java.util.Objects;
import java.util.UUID;

/** Identifies a coverage request. Its string form is the UUID, which is also the aggregate id. */
public record CoverageRequestId(UUID value) implements TypedId {

    /** Metadata key under which the slot move a coverage request makes (and so its events) names the request. */
    public static final String METADATA_KEY = "coverageRequestId";

    public CoverageRequestId {
        Objects.requireNonNull(value, "coverage request id");
    }

    public static CoverageRequestId of(String value) {
        return new CoverageRequestId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
