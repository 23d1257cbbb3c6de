package org.cascadehub.reports;

import java.util.LinkedHashMap;
import java.util.Map;
import org.cascadehub.alerts.Tlp;
import org.cascadehub.platform.PublicAddress;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What each channel says about a report. As for alerts, TLP decides: an email about an AMBER,
 * AMBER+STRICT or RED report carries the label and a link, never the content; on-screen notices go
 * only to people the policy lets see the report, so they carry what those people may read.
 */
@Component
public class ReportNotices {

    /** An email's subject and plain-text body. */
    public record EmailNotice(String subject, String body) {}

    private final PublicAddress address;

    ReportNotices(PublicAddress address) {
        this.address = address;
    }

    public String pageLink(ReportId id) {
        return address.link("/reports/" + id);
    }

    /** Feedback to the reporter: a status change or a police message, with what the police shared. */
    public EmailNotice feedback(Report report, String what, @Nullable String message) {
        String label = "TLP:" + report.tlp().label();
        StringBuilder body = new StringBuilder();
        String subject;
        if (report.tlp().linkOnly()) {
            subject = "[" + label + "] Police feedback on your report";
            body.append("The police have responded to a ")
                    .append(label)
                    .append(" report you made. Its content is shared only on Cascade, to those allowed to see it.\n\n");
        } else {
            subject = "[" + label + "] Police feedback on your report: " + what;
            body.append("Your report of ")
                    .append(report.type().label().toLowerCase(java.util.Locale.UK))
                    .append(": ")
                    .append(what)
                    .append("\n\n");
            if (report.crimeReference() != null) {
                body.append("Crime reference: ").append(report.crimeReference()).append("\n");
            }
            if (message != null) {
                body.append("Message from the police:\n").append(message).append("\n");
            }
            body.append("\n");
        }
        body.append("Read it: ").append(pageLink(report.id())).append("\n\n");
        body.append("Handling: ").append(handling(report.tlp())).append("\n");
        return new EmailNotice(subject, body.toString());
    }

    /** The live event police coordinators get for a new report (they may see every report). */
    public Map<String, Object> submitted(Report report) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reportId", report.id());
        body.put("type", report.type().name());
        body.put("typeLabel", report.type().label());
        body.put("borough", report.borough());
        body.put("occurredAt", report.occurredAt());
        body.put("tlp", report.tlp().label());
        body.put("immediateDanger", report.immediateDanger());
        body.put("status", report.status().name());
        body.put("organisation", report.organisationName());
        body.put("url", "/reports/" + report.id());
        return body;
    }

    /** The live event for the reporter's side: the new status and the message the police shared. */
    public Map<String, Object> feedbackLive(Report report, @Nullable String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reportId", report.id());
        body.put("status", report.status().name());
        body.put("statusLabel", report.status().label());
        body.put("crimeReference", report.crimeReference());
        body.put("message", message);
        body.put("tlp", report.tlp().label());
        body.put("url", "/reports/" + report.id());
        return body;
    }

    /** The live event police get when the reporter's organisation writes. */
    public Map<String, Object> messageLive(Report report, ReportMessage message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reportId", report.id());
        body.put("messageId", message.id());
        body.put("author", message.authorName());
        body.put("body", message.body());
        body.put("tlp", report.tlp().label());
        body.put("url", "/reports/" + report.id());
        return body;
    }

    static String handling(Tlp tlp) {
        return switch (tlp) {
            case CLEAR -> "TLP:CLEAR — may be shared without limit.";
            case GREEN -> "TLP:GREEN — share within the partnership and your community, not publicly.";
            case AMBER -> "TLP:AMBER — share only within your organisation and its clients on a need-to-know basis.";
            case AMBER_STRICT -> "TLP:AMBER+STRICT — share only within your organisation, on a need-to-know basis.";
            case RED -> "TLP:RED — for the named recipients only; do not share.";
        };
    }
}
