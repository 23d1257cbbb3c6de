package org.cascadehub.reports.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.cascadehub.alerts.Tlp;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

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

    @ModelAttribute("show")
    Show show() {
        return SHOW;
    }
}
