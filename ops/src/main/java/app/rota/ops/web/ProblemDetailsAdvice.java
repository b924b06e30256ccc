package app.rota.ops.web;

import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.error.RotaError;
import app.rota.kernel.error.RotaException;
import app.rota.ops.persistence.DatabaseFailures;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.common.lock.LockAcquisitionFailedException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.queryhandling.QueryExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

/**
 * The one place that turns failures into RFC 9457 problem details with a stable error code. Codes
 * come from exceptions' {@link ErrorCode}s, never from message text.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    private static final long DATABASE_RETRY_SECONDS = 5;

    @ExceptionHandler(RotaException.class)
    ResponseEntity<ProblemDetail> refused(RotaException e) {
        if (e instanceof RetryLaterException later) {
            return retryLater(later.code(), later.getMessage(), later.retryAfterSeconds());
        }
        ProblemDetail problem = Problems.of(e.code(), e.field(), e.getMessage());
        if (e.current() != null) {
            problem.setProperty("current", e.current());
        }
        if (e.getCause() != null && DatabaseFailures.isDatabaseUnusable(e.getCause())) {
            log.warn("Database unavailable: {}", e.getCause().toString());
            problem.setStatus(HttpStatus.SERVICE_UNAVAILABLE);
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(DATABASE_RETRY_SECONDS)).body(problem);
        }
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ProblemDetail> commandFailed(CommandExecutionException e) {
        return e.getDetails()
                .filter(RotaError.class::isInstance)
                .map(RotaError.class::cast)
                .map(error -> refused(error.toException()))
                .orElseGet(() -> unexpected(e));
    }

    /** A refusal raised inside a query handler arrives wrapped (completion, query execution): unwrap it here. */
    @ExceptionHandler({CompletionException.class, QueryExecutionException.class})
    ResponseEntity<ProblemDetail> wrappedFailure(Exception e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof RotaException refusal) {
                return refused(refusal);
            }
        }
        return unexpected(e);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> aggregateNotFound(AggregateNotFoundException e) {
        return problem(ErrorCode.NOT_FOUND, null, "Nothing exists with id " + e.getAggregateIdentifier() + ".");
    }

    /** Another command changed (or first created) the same aggregate at the same moment; nothing of this one was stored. */
    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class, LockAcquisitionFailedException.class})
    ResponseEntity<ProblemDetail> concurrentChange(Exception e) {
        return problem(ErrorCode.CONCURRENT_MODIFICATION, null,
                "Someone else changed this at the same time; read it again and retry.");
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
        return problem(ErrorCode.ACCESS_DENIED, null, "Your role does not allow this.");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException e) {
        return problem(ErrorCode.MALFORMED_REQUEST, e.getName(), "'" + e.getValue() + "' is not a valid " + e.getName() + ".");
    }

    /** Anything else is ours, unless it is the database being out of reach: then 503 and when to retry. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (DatabaseFailures.isDatabaseUnusable(e)) {
            log.warn("Database unavailable: {}", e.toString());
            return retryLater(ErrorCode.DATABASE_UNAVAILABLE,
                    "The database cannot be reached right now; nothing was changed. Try again shortly.", DATABASE_RETRY_SECONDS);
        }
        log.error("Unexpected failure", e);
        return problem(ErrorCode.INTERNAL_ERROR, null, "Something went wrong on our side; it has been logged.");
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RequestSizeLimitFilter.BodyTooLargeException) {
                return asObject(problem(ErrorCode.REQUEST_TOO_LARGE, null, t.getMessage()));
            }
        }
        Throwable cause = firstDatabindException(e);
        if (cause instanceof StrictJson.RefusedValueException refused) {
            return asObject(problem(refused.code(), fieldPath(refused), refused.getOriginalMessage()));
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return asObject(problem(ErrorCode.UNKNOWN_FIELD, fieldPath(unknown),
                    "Unknown field '" + unknown.getPropertyName() + "'."));
        }
        if (cause instanceof DatabindException mismatch && !mismatch.getPath().isEmpty()) {
            return asObject(problem(ErrorCode.MALFORMED_REQUEST, fieldPath(mismatch),
                    "The value of '" + fieldPath(mismatch) + "' has the wrong type or format."));
        }
        return asObject(problem(ErrorCode.MALFORMED_REQUEST, null, "The request body is missing or is not valid JSON."));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        return asObject(problem(ErrorCode.FIELD_REQUIRED, e.getParameterName(),
                "The parameter '" + e.getParameterName() + "' is required."));
    }

    /** Spring MVC's own problems (405, 406, 415, unknown path…) get a code too. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(e, body, headers, status, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem
                && problem.getProperties() == null) {
            ErrorCode code = status.value() == HttpStatus.NOT_FOUND.value() ? ErrorCode.NOT_FOUND
                    : status.is4xxClientError() ? ErrorCode.MALFORMED_REQUEST : ErrorCode.INTERNAL_ERROR;
            problem.setProperty(Problems.CODE, code.name());
        }
        return response;
    }

    private static Throwable firstDatabindException(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DatabindException) {
                return t;
            }
        }
        return e;
    }

    private static String fieldPath(DatabindException e) {
        return e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static ResponseEntity<ProblemDetail> retryLater(ErrorCode code, String detail, long seconds) {
        ProblemDetail problem = Problems.of(code, null, detail);
        return ResponseEntity.status(problem.getStatus()).header(HttpHeaders.RETRY_AFTER, Long.toString(seconds)).body(problem);
    }

    private static ResponseEntity<ProblemDetail> problem(ErrorCode code, String field, String detail) {
        ProblemDetail problem = Problems.of(code, field, detail);
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    private static ResponseEntity<Object> asObject(ResponseEntity<ProblemDetail> response) {
        return ResponseEntity.status(response.getStatusCode()).body(response.getBody());
    }
}
