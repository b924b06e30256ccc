package app.rota.kernel.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * What kind of day a slot falls on, by the local date it belongs to: rotation balances weekend and
 * holiday slots with it, and reports count them with it.
 */
public final class SlotCategories {

    private SlotCategories() {
    }

    public static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    public static boolean isHoliday(LocalDate date, Set<LocalDate> holidays) {
        return holidays.contains(date);
    }

    /** A weekend or one of the group's holidays: the slots that rotation spreads evenly on their own. */
    public static boolean isWeekendOrHoliday(LocalDate date, Set<LocalDate> holidays) {
        return isWeekend(date) || isHoliday(date, holidays);
    }
}
