package org.cascadehub.reports;

import java.util.Set;
import org.cascadehub.delivery.Email;
import org.cascadehub.delivery.EmailOutbox;
import org.cascadehub.delivery.live.LiveEvent;
import org.cascadehub.delivery.live.LiveStream;
import org.cascadehub.directory.PersonId;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells people about reports after each change commits: police coordinators on screen of a new
 * report and of the reporter's messages; the reporter's side on screen, and the reporter by email,
 * of every status change and police message. Recipients come from {@link ReportRecipients}, text
 * from {@link ReportNotices}.
 */
@Component
class ReportNotifications {

    private final Reports reports;
    private final ReportTriage triage;
    private final ReportMessages messages;
    private final ReportRecipients recipients;
    private final ReportNotices notices;
    private final LiveStream live;
    private final EmailOutbox outbox;
    private final JsonMapper json;

    ReportNotifications(
            Reports reports,
            ReportTriage triage,
            ReportMessages messages,
            ReportRecipients recipients,
            ReportNotices notices,
            LiveStream live,
            EmailOutbox outbox,
            JsonMapper json) {
        this.reports = reports;
        this.triage = triage;
        this.messages = messages;
        this.recipients = recipients;
        this.notices = notices;
        this.live = live;
        this.outbox = outbox;
        this.json = json;
    }

    @ApplicationModuleListener
    void on(ReportSubmitted submitted) {
        reports.find(submitted.reportId())
                .ifPresent(report -> send("report", notices.submitted(report), recipients.police()));
    }

    @ApplicationModuleListener
    void on(ReportStatusChanged changed) {
        reports.find(changed.reportId()).ifPresent(report -> {
            StatusStep step = triage.history(report.id()).stream()
                    .filter(s -> s.id() == changed.changeId())
                    .findFirst()
                    .orElseThrow();
            feedback(report, step.to().label(), step.message(), "status:" + step.id());
        });
    }

    @ApplicationModuleListener
    void on(ReportMessagePosted posted) {
        reports.find(posted.reportId())
                .ifPresent(report -> messages.find(posted.messageId()).ifPresent(message -> {
                    if (message.fromPolice()) {
                        feedback(report, "a message from the police", message.body(), "message:" + message.id());
                    } else {
                        send("report-message", notices.messageLive(report, message), recipients.police());
                    }
                }));
    }

    private void feedback(Report report, String what, @Nullable String message, String key) {
        send("report-feedback", notices.feedbackLive(report, message), recipients.reporterSide(report));
        recipients.reporterEmail(report).ifPresent(email -> {
            ReportNotices.EmailNotice notice = notices.feedback(report, what, message);
            outbox.enqueue(new Email(email, notice.subject(), notice.body()), "report:" + report.id() + ":" + key);
        });
    }

    private void send(String type, Object body, Set<PersonId> to) {
        if (!to.isEmpty()) {
            live.broadcast(LiveEvent.unsequenced(type, json.writeValueAsBytes(body), Set.copyOf(to)));
        }
    }
}
