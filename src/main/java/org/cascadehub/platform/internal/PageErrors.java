package org.cascadehub.platform.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.cascadehub.platform.Conflict;
import org.cascadehub.platform.FormProblems;
import org.cascadehub.platform.InvalidInput;
import org.cascadehub.platform.NotAllowed;
import org.cascadehub.platform.NotFound;
import org.cascadehub.platform.WebPage;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * For every {@link WebPage}: a refusal from a service becomes the site's error page (through the
 * container's error dispatch, {@link ErrorPages}), and every page starts with no form problems.
 * Something the viewer may not see is answered exactly like something that does not exist.
 */
@ControllerAdvice(assignableTypes = WebPage.class)
class PageErrors {

    @ModelAttribute("problems")
    FormProblems noProblems() {
        return FormProblems.NONE;
    }

    @ExceptionHandler(NotFound.class)
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }

    /** A malformed id in a page address names nothing. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    void malformedId(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }

    @ExceptionHandler(NotAllowed.class)
    void notAllowed(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
    }

    /** A step the thing's state no longer allows, where the page could not say so itself. */
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
