package app.rota.command.member;

import app.rota.kernel.common.Text;
import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.error.RotaException;

import java.util.Locale;

/**
 * The keyword recorded with an SMS opt-out or opt-in (what the member texted: STOP, START…, or a
 * carrier's code such as {@code TWILIO_21610}): optional, one line of printable characters, trimmed,
 * upper-cased, at most {@link #MAX_LENGTH} characters. Blank is none.
 */
final class SmsKeywords {

    static final int MAX_LENGTH = 32;
    static final String FIELD = "keyword";

    private SmsKeywords() {
    }

    static String valid(String keyword) {
        if (keyword == null || keyword.isBlank()) {
            return null;
        }
        Text.checked(keyword, FIELD, true);
        String normalised = keyword.strip().toUpperCase(Locale.ROOT);
        if (normalised.length() > MAX_LENGTH) {
            throw new RotaException(ErrorCode.TEXT_TOO_LONG, FIELD, "A keyword has at most " + MAX_LENGTH + " characters.");
        }
        return normalised;
    }
}
