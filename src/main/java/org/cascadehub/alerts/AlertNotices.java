package org.cascadehub.alerts;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.cascadehub.alerts.cap.CapMsgType;
import org.cascadehub.directory.PersonId;
import org.cascadehub.platform.PublicAddress;
import org.springframework.stereotype.Component;

/**
 * What each channel says about an alert. TLP decides: for AMBER, AMBER+STRICT and RED, email, text
 * messages and webhooks carry a link and the label, never the content; the live stream goes only to
 * recipients, who may read it, so it carries the content.
 */
@Component
public class AlertNotices {

    /** An email's subject and plain-text body. */
    public record EmailNotice(String subject, String body) {}

    /**
     * An email whose words are the same for every recipient but for a part of their own between
     * {@code head} and {@code tail}: the body each receives is head + own part + tail.
     */
    public record SharedEmail(String subject, String head, String tail, Function<PersonId, String> own) {

        public EmailNotice to(PersonId recipient) {
            return new EmailNotice(subject, head + own.apply(recipient) + tail);
        }
    }

    static final int SMS_MAX = 320;
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("d MMM yyyy HH:mm z", Locale.UK).withZone(ZoneId.of("Europe/London"));

    private final AckLinks ackLinks;
    private final PublicAddress address;

    AlertNotices(AckLinks ackLinks, PublicAddress address) {
        this.ackLinks = ackLinks;
        this.address = address;
    }

    public String pageLink(Alert alert) {
        return address.link("/alerts/" + alert.id());
    }

    public EmailNotice email(Alert alert, PersonId recipient) {
        return emails(alert).apply(recipient);
    }

    /** The alert's email for any recipient (see {@link #sharedEmail}). */
    public Function<PersonId, EmailNotice> emails(Alert alert) {
        return sharedEmail(alert)::to;
    }

    /**
     * The alert's email: everything but the signed acknowledgement link line is the same for all
     * recipients, so it is written (and can be stored) once for the thousands an alert reaches.
     */
    public SharedEmail sharedEmail(Alert alert) {
        AlertContent c = alert.content();
        String label = "TLP:" + c.tlp().label();
        StringBuilder body = new StringBuilder();
        String subject;
        if (c.tlp().linkOnly()) {
            subject = "[" + label + "] " + kind(alert) + c.severity() + " alert from Cascade";
            body.append("A ")
                    .append(label)
                    .append(
                            " alert was sent to you. Its content is shared only on Cascade, to those allowed to see it.\n\n")
                    .append("Read it: ")
                    .append(pageLink(alert))
                    .append("\n");
        } else {
            subject = "[" + label + "] " + kind(alert) + c.severity() + " alert: " + c.headline();
            body.append(c.headline()).append("\n\n");
            body.append(c.severity())
                    .append(" · ")
                    .append(c.urgency())
                    .append(" · ")
                    .append(c.certainty());
            body.append(" · ").append(c.category()).append("\n");
            body.append("Area: ").append(c.areaDescription()).append("\n");
            body.append("From: ").append(alert.senderName()).append("\n");
            body.append("Expires: ").append(TIME.format(c.expires())).append("\n\n");
            appendIf(body, c.description());
            appendIf(body, c.instruction().isEmpty() ? "" : "What to do: " + c.instruction());
            appendIf(
                    body,
                    alert.note() == null
                            ? ""
                            : (alert.isForward() ? "Note from " + alert.authorName() + ": " : "Note: ") + alert.note());
            body.append("Read it on Cascade: ").append(pageLink(alert)).append("\n");
        }
        String after = "\nHandling: " + handling(c.tlp()) + "\n";
        if (alert.msgType() == CapMsgType.Cancel) {
            return new SharedEmail(subject, body.toString(), after, recipient -> "");
        }
        return new SharedEmail(
                subject,
                body.toString(),
                after,
                recipient -> "Acknowledge it: " + ackLinks.linkFor(alert.id(), recipient) + "\n");
    }

    /** A text message with a link to the alert; its reply keyword acknowledges. */
    public String sms(Alert alert) {
        AlertContent c = alert.content();
        String reply = alert.msgType() == CapMsgType.Cancel ? "" : " Reply ACK " + alert.id() + " to acknowledge.";
        String suffix = " Read: " + pageLink(alert) + reply;
        String text = c.tlp().linkOnly()
                ? "Cascade: " + kind(alert) + c.severity() + " TLP:" + c.tlp().label() + " alert for you."
                : "Cascade " + kind(alert) + c.severity() + " TLP:" + c.tlp().label() + ": " + c.headline() + ". "
                        + c.instruction();
        // a very long public address leaves no room: the link and keyword matter more than the words
        int room = Math.max(1, SMS_MAX - suffix.length());
        return (text.length() > room ? text.substring(0, room - 1) + "…" : text) + suffix;
    }

    /** The webhook body for partner systems of a recipient organisation. */
    public Map<String, Object> webhook(Alert alert) {
        Map<String, Object> body = new LinkedHashMap<>();
        AlertContent c = alert.content();
        body.put(
                "event",
                switch (alert.msgType()) {
                    case Update -> "alert.updated";
                    case Cancel -> "alert.cancelled";
                    default -> "alert.published";
                });
        body.put("alertId", alert.id().value());
        body.put("identifier", alert.identifier());
        body.put("msgType", alert.msgType().name());
        body.put("tlp", c.tlp().label());
        body.put("severity", c.severity().name());
        body.put("urgency", c.urgency().name());
        body.put("sent", alert.publishedAt());
        body.put("expires", c.expires());
        body.put("url", pageLink(alert));
        body.put("capUrl", address.link("/api/v1/alerts/" + alert.id() + "/cap"));
        if (!c.tlp().linkOnly()) {
            body.put("headline", c.headline());
            body.put("description", c.description());
            body.put("instruction", c.instruction());
            body.put("category", c.category().name());
            body.put("certainty", c.certainty().name());
            body.put("areaDescription", c.areaDescription());
            body.put("area", c.area());
            body.put("note", alert.note());
        }
        return body;
    }

    /** The live stream's event for a recipient's screen. */
    public Map<String, Object> live(Alert alert) {
        AlertContent c = alert.content();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("seq", alert.seq());
        body.put("alertId", alert.id().value());
        body.put("msgType", alert.msgType().name());
        body.put("headline", c.headline());
        body.put("description", c.description());
        body.put("instruction", c.instruction());
        body.put("category", c.category().name());
        body.put("urgency", c.urgency().name());
        body.put("severity", c.severity().name());
        body.put("certainty", c.certainty().name());
        body.put("tlp", c.tlp().label());
        body.put("sender", alert.senderName());
        body.put("sent", alert.publishedAt());
        body.put("expires", c.expires());
        body.put("areaDescription", c.areaDescription());
        body.put("note", alert.note());
        body.put("forwardedBy", alert.isForward() ? alert.authorName() : null);
        body.put("url", "/alerts/" + alert.id());
        return body;
    }

    /** The reminder sent when a recipient has not acknowledged in time. */
    public EmailNotice reminder(Alert alert, PersonId recipient) {
        return reminders(alert).to(recipient);
    }

    /** The reminder for any recipient who has not acknowledged in time: the alert's email, prefaced. */
    public SharedEmail reminders(Alert alert) {
        SharedEmail email = sharedEmail(alert);
        return new SharedEmail(
                "Not yet acknowledged: " + email.subject(),
                "Please acknowledge this alert.\n\n" + email.head(),
                email.tail(),
                email.own());
    }

    /** Tells a security manager who in their organisation has not acknowledged. */
    public EmailNotice unacknowledged(Alert alert, List<String> names) {
        AlertContent c = alert.content();
        String what = c.tlp().linkOnly()
                ? "a " + c.severity() + " TLP:" + c.tlp().label() + " alert"
                : "\"" + c.headline() + "\"";
        return new EmailNotice(
                "[TLP:" + c.tlp().label() + "] Not acknowledged in your organisation: " + c.severity() + " alert",
                "These people in your organisation have not acknowledged " + what + ":\n\n  "
                        + String.join("\n  ", names) + "\n\nPlease make sure they have seen it: " + pageLink(alert)
                        + "\n\nHandling: " + handling(c.tlp()) + "\n");
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

    private static String kind(Alert alert) {
        return switch (alert.msgType()) {
            case Update -> "Update: ";
            case Cancel -> "Cancelled: ";
            default -> alert.isForward() ? "Forwarded: " : "";
        };
    }

    private static void appendIf(StringBuilder body, String text) {
        if (!text.isEmpty()) {
            body.append(text).append("\n\n");
        }
    }
}
