package org.cascadehub.reports.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.cascadehub.alerts.Tlp;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/** What every report page's templates use: London times written one way, and TLP labels as tags. */
@ControllerAdvice(assignableTypes = ReportPage.class)
class ReportPageHelpers {

    /** Times and labels, as the templates call them ({@code ${show.time(instant)}}). */
    static final class Show {
        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm");

        public String time(Instant instant) {
            return TIME.format(instant.atZone(ReportFormReading.LONDON));
        }

        public ReportTlpLabel tlp(Tlp tlp) {
            return ReportTlpLabel.of(tlp);
        }
    }

    private static final Show SHOW = new Show();

    /**
     * An upload past the container's limits cannot even be read, so the form's fields are lost with
     * it; the autosaved draft is not. The form opens again from the draft, saying why.
     */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(HttpServletRequest request) {
        return request.getRequestURI().endsWith("/reports/new")
                ? "redirect:/reports/new?too-large"
                : "redirect:" + request.getRequestURI().replaceFirst("/attachments$", "") + "?too-large";
    }

    @ModelAttribute("show")
    Show show() {
        return SHOW;
    }
}
