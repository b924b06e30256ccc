package app.rota.ops.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

import java.util.regex.Pattern;

/**
 * Only canonical paths reach Rota: every path segment is spelled with plain characters (letters,
 * digits, {@code - _ . ~}), no percent-encoding at all, no empty, {@code .} or {@code ..} segment and
 * no segment that ends with a dot. Rota's paths are UUIDs, dates and words, so no client needs more;
 * anything else is another spelling of a path, the kind of trick that once got past a check on the
 * raw URI. On top of that, Spring Security's {@link StrictHttpFirewall} checks methods, headers and
 * parameters (no control characters).
 */
class CanonicalPathFirewall implements HttpFirewall {

    private static final Pattern CANONICAL = Pattern.compile("(/[A-Za-z0-9_~-][A-Za-z0-9._~-]*(?<!\\.))*/?");

    /** A path that is not in canonical form; answered 404, as there is nothing at that spelling. */
    static final class NonCanonicalPathException extends RequestRejectedException {

        NonCanonicalPathException() {
            super("The request path is not in canonical form.");
        }
    }

    private final StrictHttpFirewall strict = new StrictHttpFirewall();

    @Override
    public FirewalledRequest getFirewalledRequest(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!isCanonical(path)) {
            throw new NonCanonicalPathException();
        }
        return strict.getFirewalledRequest(request);
    }

    @Override
    public HttpServletResponse getFirewalledResponse(HttpServletResponse response) {
        return strict.getFirewalledResponse(response);
    }

    static boolean isCanonical(String path) {
        return !path.isEmpty() && !path.contains("//") && CANONICAL.matcher(path).matches();
    }
}
