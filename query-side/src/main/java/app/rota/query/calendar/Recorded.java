package app.rota.query.calendar;

import org.axonframework.eventhandling.TrackingToken;

import java.time.Instant;
import java.util.OptionalLong;

/** Where and when the event store recorded an event: its global position and its timestamp. */
record Recorded(long position, Instant at) {

    /** From the handler's tracking token (the calendar is always a tracking processor) and the event's timestamp. */
    static Recorded of(TrackingToken token, Instant at) {
        OptionalLong position = token == null ? OptionalLong.empty() : token.position();
        if (position.isEmpty()) {
            throw new IllegalStateException("The calendar records each change at its global position, and this event has none");
        }
        return new Recorded(position.getAsLong(), at);
    }
}
