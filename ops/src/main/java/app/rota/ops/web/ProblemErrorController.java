package app.rota.ops.web;

import app.rota.kernel.error.ErrorCode;
import app.rota.ops.persistence.DatabaseFailures;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the servlet container sends to {@code /error} (a failure outside Spring MVC: a filter, a path
 * the container refused) is answered as a problem detail with a code too, never Boot's default JSON.
 */
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping(value = "/error", produces = {MediaType.APPLICATION_PROBLEM_JSON_VALUE, MediaType.ALL_VALUE})
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (failure instanceof Throwable t && DatabaseFailures.isDatabaseUnusable(t)) {
            return respond(ErrorCode.DATABASE_UNAVAILABLE, "The database cannot be reached right now; try again shortly.", "5");
        }
        int code = status instanceof Integer s ? s : 500;
        return respond(codeFor(code), detailFor(code), null);
    }

    static ErrorCode codeFor(int status) {
        return switch (status) {
            case 401 -> ErrorCode.AUTHENTICATION_REQUIRED;
            case 403 -> ErrorCode.ACCESS_DENIED;
            case 404 -> ErrorCode.NOT_FOUND;
            case 413 -> ErrorCode.REQUEST_TOO_LARGE;
            case 429 -> ErrorCode.TOO_MANY_ATTEMPTS;
            case 503 -> ErrorCode.DATABASE_UNAVAILABLE;
            default -> status >= 400 && status < 500 ? ErrorCode.MALFORMED_REQUEST : ErrorCode.INTERNAL_ERROR;
        };
    }

    static String detailFor(int status) {
        return status == 404 ? "Nothing here."
                : status >= 400 && status < 500 ? "The request could not be read (its path, query or headers)."
                : "Something went wrong on our side; it has been logged.";
    }

    private static ResponseEntity<ProblemDetail> respond(ErrorCode code, String detail, String retryAfter) {
        ProblemDetail problem = Problems.of(code, null, detail);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (retryAfter != null) {
            response.header(HttpHeaders.RETRY_AFTER, retryAfter);
        }
        return response.body(problem);
    }
}
