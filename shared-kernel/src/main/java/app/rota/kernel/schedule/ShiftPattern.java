package app.rota.kernel.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which slots a shift type has: one on each date whose day of week it occurs on, timed by its
 * {@link ShiftTiming}. The one rule both sides use to say whether a slot exists and when it happens.
 */
public record ShiftPattern(ShiftTiming timing, Set<DayOfWeek> days) {

    public ShiftPattern {
        Objects.requireNonNull(timing, "timing");
        days = days.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(days);
    }

    /** Whether the shift type has a slot on {@code date} (a slot belongs to the local date it starts on). */
    public boolean occursOn(LocalDate date) {
        return days.contains(date.getDayOfWeek());
    }

    /** The slot's real interval on {@code date}, or empty when the shift type does not occur that day. */
    public Optional<SlotInterval> slotOn(LocalDate date, ZoneId zone) {
        return occursOn(date) ? Optional.of(timing.intervalOn(date, zone)) : Optional.empty();
    }

    /** The days as stored in both sides' tables: names in week order, comma-separated ("MONDAY,FRIDAY"). */
    public static String encodeDays(Set<DayOfWeek> days) {
        return days.stream().sorted().map(DayOfWeek::name).collect(Collectors.joining(","));
    }

    public static Set<DayOfWeek> decodeDays(String encoded) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        Arrays.stream(encoded.split(",")).filter(s -> !s.isBlank()).map(DayOfWeek::valueOf).forEach(days::add);
        return days;
    }
}
