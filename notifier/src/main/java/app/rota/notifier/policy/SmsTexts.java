package app.rota.notifier.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How SMS word dates and times (group-local, short, unambiguous: "Tue 1 Dec 2026", "08:00") and whose they are. */
public final class SmsTexts {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private SmsTexts() {
    }

    public static String day(LocalDate date) {
        return DAY.format(date);
    }

    public static String time(Instant instant, ZoneId zone) {
        return TIME.format(instant.atZone(zone));
    }

    /** Every SMS opens with the group's name: "Rota Cardiology: …". */
    public static String fromGroup(String groupName, String text) {
        return "Rota " + groupName + ": " + text;
    }

    /** "Primary on Tue 1 Dec 2026 from 08:00". */
    static String slot(String shiftType, LocalDate date, Instant start, ZoneId zone) {
        return shiftType + " on " + day(date) + (start == null ? "" : " from " + time(start, zone));
    }
}
