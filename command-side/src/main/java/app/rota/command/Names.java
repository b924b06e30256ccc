package app.rota.command;

import app.rota.kernel.common.Text;
import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.error.RotaException;

/**
 * The rule for the names of groups, members and shift types: one line of printable characters, not
 * blank, at most 100 characters, trimmed.
 */
public final class Names {

    public static final int MAX_LENGTH = 100;

    private Names() {
    }

    /** @param what what is named, for the refusal's sentence (e.g. "The group") */
    public static String valid(String name, String what) {
        if (name == null || name.isBlank()) {
            throw new RotaException(ErrorCode.NAME_BLANK, "name", what + " needs a name.");
        }
        Text.checked(name, "name", true);
        String trimmed = name.strip();
        if (trimmed.length() > MAX_LENGTH) {
            throw new RotaException(ErrorCode.NAME_TOO_LONG, "name", "A name has at most " + MAX_LENGTH + " characters.");
        }
        return trimmed;
    }
}
