package app.rota.command;

import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.error.RotaException;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;

import java.util.Objects;

/** Matchers for a {@link RotaException} by its code, field and (optionally) the current state it carries. */
public final class Refusals {

    private Refusals() {
    }

    public static Matcher<RotaException> refusal(ErrorCode code, String field) {
        return new CustomTypeSafeMatcher<>(code + " on field " + field) {
            @Override
            protected boolean matchesSafely(RotaException e) {
                return e.code() == code && Objects.equals(e.field(), field);
            }
        };
    }

    public static Matcher<RotaException> refusal(ErrorCode code, String field, Object current) {
        return new CustomTypeSafeMatcher<>(code + " on field " + field + " with current state " + current) {
            @Override
            protected boolean matchesSafely(RotaException e) {
                return e.code() == code && Objects.equals(e.field(), field) && Objects.equals(e.current(), current);
            }
        };
    }
}
