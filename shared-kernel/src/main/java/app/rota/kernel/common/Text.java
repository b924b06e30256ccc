package app.rota.kernel.common;

import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.error.RotaException;

/**
 * What text Rota stores: no control characters (PostgreSQL text cannot even hold NUL, and one such
 * event would stop a projection), no unpaired surrogates, and a bounded length. Single-line text
 * (names, usernames) refuses line breaks and tabs too; free text (reasons) keeps them.
 */
public final class Text {

    /** The longest string any JSON field or parameter may carry, whatever its own, smaller limit. */
    public static final int MAX_ANY_TEXT = 10_000;
    /** Reasons (slot edits, time off, swaps, coverage) are free text up to this length. */
    public static final int MAX_REASON_LENGTH = 500;

    private Text() {
    }

    /** True when the text holds a character Rota never stores (see the class comment). */
    public static boolean hasForbiddenCharacter(String text, boolean singleLine) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return true;
            }
            if (Character.isLowSurrogate(c)) {
                return true;
            }
            boolean lineBreakOrTab = c == '\n' || c == '\r' || c == '\t';
            if (Character.isISOControl(c) && (singleLine || !lineBreakOrTab)) {
                return true;
            }
            if (c == '\u2028' || c == '\u2029') {
                return singleLine;
            }
        }
        return false;
    }

    /** Refuses forbidden characters in the named field; returns the text unchanged. */
    public static String checked(String text, String field, boolean singleLine) {
        if (text != null && hasForbiddenCharacter(text, singleLine)) {
            throw new RotaException(ErrorCode.TEXT_INVALID, field, singleLine
                    ? "'" + field + "' must be one line of printable characters."
                    : "'" + field + "' contains control characters.");
        }
        return text;
    }

    /** A reason: optional free text, trimmed, at most {@link #MAX_REASON_LENGTH} characters; blank is none. */
    public static String reason(String reason, String field) {
        if (reason == null || reason.isBlank()) {
            return null;
        }
        checked(reason, field, false);
        String trimmed = reason.strip();
        if (trimmed.length() > MAX_REASON_LENGTH) {
            throw new RotaException(ErrorCode.REASON_TOO_LONG, field,
                    "A reason has at most " + MAX_REASON_LENGTH + " characters.");
        }
        return trimmed;
    }
}
