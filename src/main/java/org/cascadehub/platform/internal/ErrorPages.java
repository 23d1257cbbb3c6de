package org.cascadehub.platform.internal;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every error that reaches the servlet container's error dispatch: problem details for the API
 * (and any client that does not ask for HTML), a plain page for people. Never a stack trace.
 */
@Controller
class ErrorPages implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    private final ErrorAttributes errorAttributes;

    ErrorPages(ErrorAttributes errorAttributes) {
        this.errorAttributes = errorAttributes;
    }

    @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView page(HttpServletRequest request) {
        if (isApi(request)) {
            // An API path asked for HTML: it still gets problem details, as the API promises.
            return new ModelAndView("forward:/error/problem");
        }
        HttpStatus status = status(request);
        logIfServerError(request, status);
        ModelAndView page = new ModelAndView("error");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject(
                "title",
                switch (status) {
                    case NOT_FOUND -> "Page not found";
                    case FORBIDDEN -> "You do not have access to this page";
                    case METHOD_NOT_ALLOWED, BAD_REQUEST, UNSUPPORTED_MEDIA_TYPE, CONTENT_TOO_LARGE ->
                        "The request could not be handled";
                    default ->
                        status.is5xxServerError()
                                ? "Sorry, there is a problem with the service"
                                : status.getReasonPhrase();
                });
        return page;
    }

    @RequestMapping({"/error", "/error/problem"})
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        HttpStatus status = status(request);
        String path = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        Throwable error = errorAttributes.getError(new ServletWebRequest(request));
        HttpHeaders headers = new HttpHeaders();
        ProblemDetail problem = ProblemDetail.forStatus(status);
        if (error instanceof ErrorResponse response && status.is4xxClientError()) {
            headers.addAll(response.getHeaders());
            problem = response.getBody();
        }
        problem.setDetail(detail(status, request.getMethod(), path, error, problem.getDetail()));
        if (path != null) {
            problem.setInstance(URI.create(path));
        }
        logIfServerError(request, status);
        return ResponseEntity.status(status)
                .headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static String detail(
            HttpStatus status,
            String method,
            @Nullable String path,
            @Nullable Throwable error,
            @Nullable String fallback) {
        String originalMethod = method;
        return switch (status) {
            case NOT_FOUND -> "There is nothing at " + originalMethod + " " + path + ".";
            case METHOD_NOT_ALLOWED ->
                error instanceof HttpRequestMethodNotSupportedException e && e.getSupportedMethods() != null
                        ? "Method " + e.getMethod() + " is not allowed here; use "
                                + String.join(
                                        " or ", new java.util.TreeSet<>(java.util.List.of(e.getSupportedMethods())))
                                + "."
                        : "That method is not allowed here.";
            case UNSUPPORTED_MEDIA_TYPE ->
                error instanceof HttpMediaTypeNotSupportedException e
                        ? "Content type '" + e.getContentType() + "' is not supported; send "
                                + e.getSupportedMediaTypes() + "."
                        : "That content type is not supported.";
            case UNAUTHORIZED -> "Sign in, or send an API token as 'Authorization: Bearer <token>'.";
            case FORBIDDEN -> "Your role does not allow this.";
            default ->
                status.is5xxServerError()
                        ? "Something went wrong on our side and has been logged. Try again; if it keeps happening, tell the hub administrator."
                        : fallback == null ? status.getReasonPhrase() : fallback;
        };
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    private static boolean isApi(HttpServletRequest request) {
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return path instanceof String p && p.startsWith("/api/");
    }

    private void logIfServerError(HttpServletRequest request, HttpStatus status) {
        if (status.is5xxServerError()) {
            Throwable error = errorAttributes.getError(new ServletWebRequest(request));
            log.error(
                    "Request {} {} failed (reference {})",
                    request.getMethod(),
                    request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
                    UUID.randomUUID(),
                    error);
        }
    }
}
