package app.rota.ops.web;

import app.rota.kernel.error.ErrorCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;

/** Builds RFC 9457 problem details carrying a stable {@link ErrorCode}, for controllers and filters alike. */
@Component
public class Problems {

    public static final String CODE = "code";
    public static final String FIELD = "field";
    private static final String TYPE_PREFIX = "urn:rota:problem:";

    private final JsonMapper json;

    public Problems(JsonMapper json) {
        this.json = json;
    }

    public static HttpStatus statusOf(ErrorCode code) {
        return switch (code.kind()) {
            case INVALID_INPUT -> HttpStatus.BAD_REQUEST;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case RULE_VIOLATION -> HttpStatus.UNPROCESSABLE_ENTITY;
            case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case THROTTLED -> HttpStatus.TOO_MANY_REQUESTS;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            case INTERNAL -> HttpStatus.INTERNAL_SERVER_ERROR;
        };
    }

    public static ProblemDetail of(ErrorCode code, String field, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(statusOf(code), detail);
        decorate(problem, code, field);
        return problem;
    }

    /** Adds type, title, code and field to a problem detail built elsewhere (e.g. by Spring MVC). */
    public static void decorate(ProblemDetail problem, ErrorCode code, String field) {
        problem.setType(URI.create(TYPE_PREFIX + code.name()));
        problem.setTitle(code.title());
        problem.setProperty(CODE, code.name());
        if (field != null) {
            problem.setProperty(FIELD, field);
        }
    }

    /** Writes a problem straight to the response, for filters that answer before any controller runs. */
    public void write(HttpServletResponse response, ErrorCode code, String detail) throws IOException {
        write(response, of(code, null, detail));
    }

    /** A problem that will pass: with {@code Retry-After}. */
    public void write(HttpServletResponse response, ErrorCode code, String detail, long retryAfterSeconds) throws IOException {
        response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        write(response, of(code, null, detail));
    }

    public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.resetBuffer();
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
