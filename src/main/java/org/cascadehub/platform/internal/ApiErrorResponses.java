package org.cascadehub.platform.internal;

import java.util.List;
import java.util.Map;
import org.cascadehub.platform.Conflict;
import org.cascadehub.platform.InvalidInput;
import org.cascadehub.platform.NotAllowed;
import org.cascadehub.platform.NotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * RFC 9457 problem details for everything the JSON API refuses, each naming the field and the
 * problem. Requests that never reached a controller (unknown route, wrong method or content type)
 * are answered by {@link ErrorPages}.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiErrorResponses extends ResponseEntityExceptionHandler {

    /** One rejected field: where it is in the request and what is wrong with it. */
    record FieldProblem(String field, String message) {}

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (request.getAttribute(LimitedBodyRequest.TOO_LARGE, WebRequest.SCOPE_REQUEST) instanceof String tooLarge) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, tooLarge);
            return handleExceptionInternal(ex, problem, headers, HttpStatus.CONTENT_TOO_LARGE, request);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, describe(ex));
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(
                        error.getField(),
                        error.getDefaultMessage() == null ? "is not valid" : error.getDefaultMessage()))
                .toList();
        String detail = errors.stream()
                .map(e -> e.field() + ": " + e.message())
                .reduce((a, b) -> a + "; " + b)
                .orElse("The request is not valid.");
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Some fields are not valid");
        problem.setProperty("errors", errors);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMaxUploadSizeExceededException(
            MaxUploadSizeExceededException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, uploadTooLarge());
        return handleExceptionInternal(ex, problem, headers, HttpStatus.CONTENT_TOO_LARGE, request);
    }

    /** Also used where an upload is read before any controller (see IdempotencyKeys). */
    static String uploadTooLarge() {
        return "The upload is larger than the server accepts (files up to 10 MB, 12 MB in all).";
    }

    @ExceptionHandler(InvalidInput.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInput ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
        problem.setTitle("Some fields are not valid");
        problem.setProperty(
                "errors",
                ex.problems().stream()
                        .map(p -> new FieldProblem(p.field(), p.message()))
                        .toList());
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<ProblemDetail> notFound(NotFound ex) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage()));
    }

    @ExceptionHandler(Conflict.class)
    ResponseEntity<ProblemDetail> conflict(Conflict ex) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage()));
    }

    @ExceptionHandler(NotAllowed.class)
    ResponseEntity<ProblemDetail> notAllowed(NotAllowed ex) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, ex.getMessage()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
        String expected = ex.getRequiredType() == null ? "a valid value" : example(ex.getRequiredType());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                "'" + ex.getName() + "' must be " + expected + ", not '" + ex.getValue() + "'.");
        problem.setProperty("errors", List.of(new FieldProblem(ex.getName(), "must be " + expected)));
        return ResponseEntity.badRequest().body(problem);
    }

    private static String example(Class<?> type) {
        Map<String, String> examples = Map.of(
                "Instant",
                "an ISO-8601 instant such as 2026-11-29T14:00:00Z",
                "UUID",
                "a UUID such as 3f2504e0-4f89-11d3-9a0c-0305e82c3301",
                "long",
                "a whole number",
                "int",
                "a whole number",
                "Long",
                "a whole number",
                "Integer",
                "a whole number");
        return examples.getOrDefault(type.getSimpleName(), "a valid " + type.getSimpleName());
    }

    /** Says where the JSON went wrong, from the parser's own location, without echoing internals. */
    static String describe(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getCause();
        if (cause instanceof InvalidFormatException invalid
                && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            return "'" + path(invalid) + "' must be one of "
                    + java.util.Arrays.stream(invalid.getTargetType().getEnumConstants())
                            .map(Object::toString)
                            .collect(java.util.stream.Collectors.joining(", "))
                    + ", not '" + invalid.getValue() + "'.";
        }
        if (cause instanceof InvalidFormatException invalid) {
            return "'" + path(invalid) + "' has a value of the wrong type or format: '" + invalid.getValue() + "'.";
        }
        if (cause instanceof MismatchedInputException mismatched
                && !mismatched.getPath().isEmpty()) {
            return "'" + path(mismatched) + "' is not of the expected type.";
        }
        if (cause instanceof JacksonException jackson) {
            TokenStreamLocation at = jackson.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            return "The body is not valid JSON" + where + ": " + jackson.getOriginalMessage();
        }
        return "The request body is missing or not readable as JSON.";
    }

    private static String path(MismatchedInputException ex) {
        StringBuilder path = new StringBuilder();
        for (var reference : ex.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
