package app.rota.notifier.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How SMS word dates and times: group-local, short, unambiguous ("Tue 1 Dec", "08:00"). */
final class SmsTexts {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private SmsTexts() {
    }

    static String day(LocalDate date) {
        return DAY.format(date);
    }

    static String time(Instant instant, ZoneId zone) {
        return TIME.format(instant.atZone(zone));
    }

    /** "Primary on Tue 1 Dec 2026 from 08:00". */
    static String slot(String shiftType, LocalDate date, Instant start, ZoneId zone) {
        return shiftType + " on " + day(date) + (start == null ? "" : " from " + time(start, zone));
    }
}
