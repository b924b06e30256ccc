package app.rota.kernel.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * The real time span of a slot, half-open: {@code start} inclusive, {@code end} exclusive.
 *
 * @param start the first instant of the slot, in the group's zone
 * @param end   the first instant after the slot, in the group's zone; strictly after {@code start}
 */
public record SlotInterval(ZonedDateTime start, ZonedDateTime end) {

    private static final double SECONDS_PER_HOUR = 3600.0;

    public SlotInterval {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.toInstant().isAfter(start.toInstant())) {
            throw new IllegalArgumentException("slot end " + end + " must be after start " + start);
        }
    }

    public Instant startInstant() {
        return start.toInstant();
    }

    public Instant endInstant() {
        return end.toInstant();
    }

    /** The real elapsed time between start and end (not the wall-clock difference). */
    public Duration realDuration() {
        return Duration.between(startInstant(), endInstant());
    }

    /** The real elapsed hours, e.g. 23.0 for a 24-hour shift across spring-forward. */
    public double realHours() {
        Duration duration = realDuration();
        return (duration.getSeconds() + duration.getNano() / 1_000_000_000.0) / SECONDS_PER_HOUR;
    }

    /** Whether {@code at} lies in this slot: start inclusive, end exclusive. */
    public boolean contains(Instant at) {
        Objects.requireNonNull(at, "instant");
        return !at.isBefore(startInstant()) && at.isBefore(endInstant());
    }

    /** Whether the two half-open intervals share an instant; touching intervals do not overlap. */
    public boolean overlaps(SlotInterval other) {
        Objects.requireNonNull(other, "other");
        return startInstant().isBefore(other.endInstant()) && other.startInstant().isBefore(endInstant());
    }

    public OffsetDateTime startOffset() {
        return start.toOffsetDateTime();
    }

    public OffsetDateTime endOffset() {
        return end.toOffsetDateTime();
    }
}
