package app.rota.kernel.common;

import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.error.RotaException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The calendar years Rota accepts anywhere (bodies, parameters, paths): {@value #FIRST_YEAR} to
 * {@value #LAST_YEAR}. On-call history starts long after the first and no schedule is planned past the
 * last; anything outside is a typo or a probe, refused with {@code DATE_OUT_OF_RANGE}.
 */
public final class SaneDates {

    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 2199;
    public static final LocalDate FIRST = LocalDate.of(FIRST_YEAR, 1, 1);
    public static final LocalDate LAST = LocalDate.of(LAST_YEAR, 12, 31);
    private static final Instant FIRST_INSTANT = FIRST.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final Instant END_INSTANT = LAST.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant();

    private SaneDates() {
    }

    public static boolean isSane(LocalDate date) {
        return !date.isBefore(FIRST) && !date.isAfter(LAST);
    }

    /** An instant within the same years, read in UTC (a day's margin either side covers every zone). */
    public static boolean isSane(Instant instant) {
        return !instant.isBefore(FIRST_INSTANT) && instant.isBefore(END_INSTANT);
    }

    public static LocalDate checked(LocalDate date, String field) {
        if (date != null && !isSane(date)) {
            throw outOfRange(field);
        }
        return date;
    }

    public static RotaException outOfRange(String field) {
        return new RotaException(ErrorCode.DATE_OUT_OF_RANGE, field,
                "Dates must fall in the years " + FIRST_YEAR + " to " + LAST_YEAR + ".");
    }
}
