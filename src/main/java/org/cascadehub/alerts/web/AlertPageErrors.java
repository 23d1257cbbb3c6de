package org.cascadehub.alerts.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.cascadehub.platform.Conflict;
import org.cascadehub.platform.InvalidInput;
import org.cascadehub.platform.NotAllowed;
import org.cascadehub.platform.NotFound;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * For the alert pages: a refusal from a service becomes the site's error page (through the
 * container's error dispatch). An alert the viewer may not see is answered exactly like one that
 * does not exist. Every page starts with no form problems and the same time format.
 */
@ControllerAdvice(assignableTypes = AlertPage.class)
class AlertPageErrors {

    @ModelAttribute("problems")
    PageProblems noProblems() {
        return PageProblems.NONE;
    }

    @ModelAttribute("times")
    AlertTimes times() {
        return AlertTimes.LONDON;
    }

    @ExceptionHandler(NotFound.class)
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }

    /** A malformed id in a page address, or a link missing its parts, names nothing. */
    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    void malformed(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }

    @ExceptionHandler(NotAllowed.class)
    void notAllowed(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
    }

    /** A step the alert's state no longer allows, where the page could not say so itself. */
    @ExceptionHandler(Conflict.class)
    void conflict(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_CONFLICT);
    }

    /** Forms catch their own problems to show them inline; one that escapes is a bad request. */
    @ExceptionHandler(InvalidInput.class)
    void invalid(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_BAD_REQUEST);
    }
}
