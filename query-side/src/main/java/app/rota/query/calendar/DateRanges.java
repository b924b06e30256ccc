package app.rota.query.calendar;

import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.error.RotaException;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** Read ranges: both ends given, in order, at most 366 days. */
final class DateRanges {

    static final int MAX_DAYS = 366;

    private DateRanges() {
    }

    static void check(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            throw new RotaException(ErrorCode.FIELD_REQUIRED, from == null ? "from" : "to", "Give both from and to dates.");
        }
        if (to.isBefore(from)) {
            throw new RotaException(ErrorCode.DATE_RANGE_INVALID, "to", "The range ends before it starts.");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new RotaException(ErrorCode.DATE_RANGE_TOO_LARGE, "to", "A range covers at most " + MAX_DAYS + " days.");
        }
    }
}
