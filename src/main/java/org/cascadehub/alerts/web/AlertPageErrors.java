package org.cascadehub.alerts.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the alert pages add to every {@link org.cascadehub.platform.WebPage}'s error handling: one
 * time format, and a signed link missing its parts answered as not found (it names nothing).
 */
@ControllerAdvice(assignableTypes = AlertPage.class)
class AlertPageErrors {

    @ModelAttribute("times")
    AlertTimes times() {
        return AlertTimes.LONDON;
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    void malformed(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
}
