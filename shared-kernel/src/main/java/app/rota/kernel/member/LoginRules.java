package app.rota.kernel.member;

import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.error.RotaException;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * What a login may be: a username of 3 to 100 letters, digits or {@code . _ @ -}, and a password of
 * at least {@value #MIN_PASSWORD_LENGTH} characters and at most {@value #MAX_PASSWORD_BYTES} bytes in
 * UTF-8 (bcrypt reads no further, so a longer one would be silently cut).
 */
public final class LoginRules {

    public static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{3,100}");
    public static final int MIN_PASSWORD_LENGTH = 10;
    public static final int MAX_PASSWORD_BYTES = 72;

    private LoginRules() {
    }

    public static String validUsername(String username) {
        if (username == null || !USERNAME.matcher(username.strip()).matches()) {
            throw new RotaException(ErrorCode.USERNAME_INVALID, "username",
                    "A username has 3 to 100 letters, digits or . _ @ - characters.");
        }
        return username.strip();
    }

    public static String validPassword(String password, String field) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new RotaException(ErrorCode.PASSWORD_TOO_SHORT, field,
                    "A password has at least " + MIN_PASSWORD_LENGTH + " characters.");
        }
        if (!fitsHash(password)) {
            throw new RotaException(ErrorCode.PASSWORD_TOO_LONG, field,
                    "A password has at most " + MAX_PASSWORD_BYTES + " bytes in UTF-8.");
        }
        return password;
    }

    /** Whether the password is short enough to be hashed whole. */
    public static boolean fitsHash(String password) {
        return password.length() <= MAX_PASSWORD_BYTES
                && password.getBytes(StandardCharsets.UTF_8).length <= MAX_PASSWORD_BYTES;
    }
}
