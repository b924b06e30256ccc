package app.rota.query.audit;

import app.rota.kernel.common.SaneDates;
import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.error.RotaException;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * One end of the audit log's time filter as the caller wrote it: a group-local date ({@code 2027-03-07}) or
 * an instant ({@code 2027-03-07T08:00:00Z}, or with an offset). Exactly one of the two is set.
 */
record TimeBound(LocalDate date, Instant instant) {

    /** Parses and checks the text; null or blank is no bound. */
    static TimeBound parse(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new TimeBound(SaneDates.checked(LocalDate.parse(text), field), null);
        } catch (DateTimeException notADate) {
            Instant instant;
            try {
                instant = OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeException notAnInstant) {
                throw new RotaException(ErrorCode.MALFORMED_REQUEST, field,
                        "'" + field + "' is an instant (2027-03-07T08:00:00Z) or a date (2027-03-07).");
            }
            if (!SaneDates.isSane(instant)) {
                throw SaneDates.outOfRange(field);
            }
            return new TimeBound(null, instant);
        }
    }

    /** As a lower bound (inclusive): the instant, or the date's first moment in the zone. */
    Instant fromInclusive(ZoneId zone) {
        return instant != null ? instant : date.atStartOfDay(zone).toInstant();
    }

    /**
     * As an upper bound, exclusive: just after the instant (the log keeps microseconds), or the next day's
     * first moment in the zone, so that the whole day is in.
     */
    Instant toExclusive(ZoneId zone) {
        return instant != null ? instant.plusNanos(1_000) : date.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** True when {@code to} is before this bound, told without a zone (both dates, or both instants). */
    boolean isAfterWithoutZone(TimeBound to) {
        if (date != null && to.date != null) {
            return to.date.isBefore(date);
        }
        return instant != null && to.instant != null && to.instant.isBefore(instant);
    }
}
