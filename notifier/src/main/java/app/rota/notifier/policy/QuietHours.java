package app.rota.notifier.policy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The group's quiet hours, group-local: from {@code start} (inclusive) to {@code end} (exclusive), wrapping
 * midnight when the end is before the start (22:00–07:00). A non-urgent SMS created inside them waits until
 * they end; an urgent one goes at once. No start or no end (or start = end) means no quiet hours.
 */
public record QuietHours(LocalTime start, LocalTime end, ZoneId zone) {

    /** When a message created at {@code now} may be sent. */
    public Instant notBefore(Instant now, boolean urgent) {
        if (urgent || start == null || end == null || start.equals(end)) {
            return now;
        }
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        boolean wraps = end.isBefore(start);
        boolean quiet = wraps ? !time.isBefore(start) || time.isBefore(end) : !time.isBefore(start) && time.isBefore(end);
        if (!quiet) {
            return now;
        }
        LocalDateTime endToday = local.toLocalDate().atTime(end);
        LocalDateTime endAt = wraps && !time.isBefore(start) ? endToday.plusDays(1) : endToday;
        // ZonedDateTime.of moves a time in a DST gap forward, so quiet hours ending at 02:30 on a spring-forward night end at 03:30
        return ZonedDateTime.of(endAt, zone).toInstant();
    }
}
