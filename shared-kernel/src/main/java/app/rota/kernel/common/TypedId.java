package app.rota.kernel.common;

import java.util.UUID;

/** A typed identifier: a record around a UUID whose string form is the UUID. */
public interface TypedId {

    UUID value();
}
