package app.rota.kernel.schedule;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Objects;

/**
 * When a shift of a shift type happens: a group-local start time and a length in wall-clock hours.
 *
 * <p>The duration is deliberately not validated here (range checks with error codes happen where
 * shift types are defined); see {@link #MIN_DURATION_HOURS} and {@link #MAX_DURATION_HOURS}.
 *
 * @param startTime     the local wall-clock time at which the shift starts, in the group's zone
 * @param durationHours the length of the shift in wall-clock hours (not necessarily real hours)
 */
public record ShiftTiming(LocalTime startTime, int durationHours) {

    /** The shortest allowed shift, in hours. */
    public static final int MIN_DURATION_HOURS = 1;

    /** The longest allowed shift, in hours (one week). */
    public static final int MAX_DURATION_HOURS = 168;

    public ShiftTiming {
        Objects.requireNonNull(startTime, "start time");
    }

    /**
     * The real interval of the slot of this shift that belongs to {@code date}.
     *
     * <p>Rules (product contract):
     * <ul>
     *   <li>The slot belongs to {@code date}, the group-local date on which it starts (a night shift
     *       20:00-08:00 starting on 31 January belongs to 31 January).</li>
     *   <li>Start = the local date-time {@code date} at {@link #startTime()} in {@code zone}. If that
     *       local time does not exist (spring-forward gap), the slot starts at the first valid instant
     *       after the gap, i.e. the transition instant (America/Chicago 2026-03-08 02:30 becomes
     *       03:00-05:00, not 03:30 as {@link ZonedDateTime#of} would give). If it is ambiguous
     *       (fall-back overlap), the earlier offset (the one in force before the transition) is used.</li>
     *   <li>End = the local wall-clock date-time {@code date.atTime(startTime).plusHours(durationHours)}
     *       resolved in {@code zone} with the same rules (gap: transition instant; overlap: earlier
     *       offset). A 24-hour shift starting 08:00 therefore ends at 08:00 local time the next day and
     *       lasts 23 or 25 real hours across a DST change (24.5 in a zone with a 30-minute shift).</li>
     * </ul>
     *
     * @throws IllegalArgumentException if the resolved end is not after the resolved start
     *                                  (e.g. a non-positive duration)
     */
    public SlotInterval intervalOn(LocalDate date, ZoneId zone) {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(zone, "zone");
        LocalDateTime localStart = date.atTime(startTime);
        LocalDateTime localEnd = localStart.plusHours(durationHours);
        return new SlotInterval(resolve(localStart, zone), resolve(localEnd, zone));
    }

    /**
     * Resolves a local date-time in a zone: gap to the transition instant, overlap to the earlier
     * offset.
     */
    static ZonedDateTime resolve(LocalDateTime local, ZoneId zone) {
        ZoneRules rules = zone.getRules();
        List<ZoneOffset> offsets = rules.getValidOffsets(local);
        if (offsets.size() == 1) {
            return ZonedDateTime.ofStrict(local, offsets.get(0), zone);
        }
        ZoneOffsetTransition transition = rules.getTransition(local);
        if (offsets.isEmpty()) {
            // Gap: the local time is skipped; start at the first valid instant after it.
            return ZonedDateTime.ofInstant(transition.getInstant(), zone);
        }
        // Overlap: the local time occurs twice; take the earlier one.
        return ZonedDateTime.ofStrict(local, transition.getOffsetBefore(), zone);
    }
}
