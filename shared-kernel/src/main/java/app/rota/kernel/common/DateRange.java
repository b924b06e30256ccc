package app.rota.kernel.common;

import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.error.RotaException;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** Group-local dates, both inclusive: given, within {@link SaneDates}, in order, and at most {@code maxDays} long. */
public record DateRange(LocalDate from, LocalDate to) {

    /**
     * @param what what the range is, for the refusal's sentence (e.g. "Time off", "A rotation")
     */
    public static DateRange checked(LocalDate from, LocalDate to, int maxDays, String what) {
        if (from == null || to == null) {
            throw new RotaException(ErrorCode.FIELD_REQUIRED, from == null ? "from" : "to", what + " needs both from and to dates.");
        }
        SaneDates.checked(from, "from");
        SaneDates.checked(to, "to");
        if (to.isBefore(from)) {
            throw new RotaException(ErrorCode.DATE_RANGE_INVALID, "to", what + " ends before it starts.");
        }
        if (ChronoUnit.DAYS.between(from, to) >= maxDays) {
            throw new RotaException(ErrorCode.DATE_RANGE_TOO_LARGE, "to", what + " covers at most " + maxDays + " days.");
        }
        return new DateRange(from, to);
    }
}
