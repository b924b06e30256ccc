package app.rota.kernel.common;

import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.error.RotaException;

/** The paging rule of every list: {@code page} from 0, {@code size} from 1 to a maximum. */
public final class Paging {

    private Paging() {
    }

    public static void check(int page, int size, int maxSize) {
        if (page < 0 || page > 1_000_000) {
            throw new RotaException(ErrorCode.MALFORMED_REQUEST, "page", "page is 0 or more.");
        }
        if (size < 1 || size > maxSize) {
            throw new RotaException(ErrorCode.MALFORMED_REQUEST, "size", "size is 1 to " + maxSize + ".");
        }
    }
}
