package app.rota.kernel.schedule;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Identifies one slot: a shift type on the group-local date on which the slot starts. Its string
 * form {@code <shiftTypeId>/<yyyy-MM-dd>} is used as an aggregate identifier.
 */
public record SlotKey(ShiftTypeId shiftTypeId, LocalDate date) {

    private static final char SEPARATOR = '/';

    public SlotKey {
        Objects.requireNonNull(shiftTypeId, "shift type id");
        Objects.requireNonNull(date, "date");
    }

    /**
     * The inverse of {@link #toString()}. Only the canonical form is accepted (a UUID in the
     * 8-4-4-4-12 hex form, in either case, and an ISO date), so one slot never has two identifiers
     * differing by more than UUID letter case.
     *
     * @throws IllegalArgumentException if {@code text} is null or not of that form
     */
    public static SlotKey parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("slot key must not be null");
        }
        int separator = text.indexOf(SEPARATOR);
        if (separator < 0) {
            throw new IllegalArgumentException("not a slot key: " + text);
        }
        SlotKey key;
        try {
            key = new SlotKey(
                    ShiftTypeId.of(text.substring(0, separator)),
                    LocalDate.parse(text.substring(separator + 1)));
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new IllegalArgumentException("not a slot key: " + text, e);
        }
        if (!key.toString().equalsIgnoreCase(text)) {
            throw new IllegalArgumentException("not a canonical slot key: " + text);
        }
        return key;
    }

    @Override
    public String toString() {
        return shiftTypeId + String.valueOf(SEPARATOR) + date;
    }
}
