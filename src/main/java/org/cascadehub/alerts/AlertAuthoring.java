package org.cascadehub.alerts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.cascadehub.alerts.AlertEvents.AlertDrafted;
import org.cascadehub.alerts.AlertEvents.AlertRejected;
import org.cascadehub.alerts.AlertEvents.AlertSubmitted;
import org.cascadehub.alerts.cap.CapMsgType;
import org.cascadehub.directory.Roster.Member;
import org.cascadehub.directory.Viewer;
import org.cascadehub.platform.Actors;
import org.cascadehub.platform.InvalidInput;
import org.cascadehub.platform.NotAllowed;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writing, approving and publishing alerts, and their updates and cancellations. Each step checks
 * the alert's state and the person's right to take it, in one transaction.
 */
@Service
public class AlertAuthoring {

    private final JdbcClient jdbc;
    private final Alerts alerts;
    private final AlertCheck check;
    private final AlertRows rows;
    private final AlertPublication publication;
    private final AlertHistory history;
    private final RecipientIndex index;
    private final AlertSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AlertAuthoring(
            JdbcClient jdbc,
            Alerts alerts,
            AlertCheck check,
            AlertRows rows,
            AlertPublication publication,
            AlertHistory history,
            RecipientIndex index,
            AlertSettings settings,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.alerts = alerts;
        this.check = check;
        this.rows = rows;
        this.publication = publication;
        this.history = history;
        this.index = index;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    /** Who the content would reach if it were published now. */
    public Reach preview(Viewer viewer, AlertDraft draft) {
        requireAuthor(viewer);
        return Reach.of(index.current().recipients(check.check(draft)));
    }

    /** Who a draft would reach, or a sent alert reached. */
    @Transactional(readOnly = true)
    public Reach reach(Viewer viewer, AlertId id) {
        Alert alert = alerts.find(id).filter(a -> alerts.mayRead(viewer, a)).orElseThrow(() -> Alerts.notFound(id));
        return alert.status().sent()
                ? Reach.of(alerts.recipients(id))
                : Reach.of(index.current().recipients(alert.content()));
    }

    public boolean needsApproval(Alert alert) {
        return alert.msgType() != CapMsgType.Cancel && !alert.isForward() && settings.needsApproval(alert.content());
    }

    /** Whether an alert written like this would need a second person's approval: for a form, before saving. */
    public boolean needsApproval(Viewer viewer, AlertDraft draft) {
        requireAuthor(viewer);
        return settings.needsApproval(check.check(draft));
    }

    @Transactional
    public Alert draft(Viewer viewer, AlertDraft draft) {
        requireAuthor(viewer);
        AlertContent content = check.check(draft);
        AlertId id = insert(viewer, content, CapMsgType.Alert, null, null, null, null);
        events.publishEvent(new AlertDrafted(id, Actors.current()));
        return alerts.find(id).orElseThrow();
    }

    @Transactional
    public Alert edit(Viewer viewer, AlertId id, AlertDraft draft) {
        Alert alert = requireEditable(viewer, id);
        AlertContent content = check.check(draft);
        writeContent(id, content);
        jdbc.sql("UPDATE alert SET status = 'DRAFT', rejection_reason = NULL, updated_at = ? WHERE id = ?")
                .params(Timestamp.from(clock.instant()), id.value())
                .update();
        history.record(id, "edited", alert.status() == AlertStatus.REJECTED ? "after rejection" : null);
        return alerts.find(id).orElseThrow();
    }

    @Transactional
    public Alert submit(Viewer viewer, AlertId id) {
        requireEditable(viewer, id);
        Instant now = clock.instant();
        jdbc.sql("UPDATE alert SET status = 'SUBMITTED', submitted_at = ?, updated_at = ? WHERE id = ?")
                .params(Timestamp.from(now), Timestamp.from(now), id.value())
                .update();
        history.record(id, "submitted", null);
        events.publishEvent(new AlertSubmitted(id, Actors.current()));
        return alerts.find(id).orElseThrow();
    }

    /** Approving publishes at once: the alert was waiting only for this. */
    @Transactional
    public Alert approve(Viewer viewer, AlertId id) {
        Alert alert = lock(viewer, id);
        if (!AlertPolicy.canApprove(viewer, alert)) {
            throw new NotAllowed(
                    alert.authorId().equals(viewer.personId())
                            ? "You wrote this alert: a second person with the approver role must approve it."
                            : "Only a person with the approver role can approve alerts.");
        }
        requireState(alert, AlertStatus.SUBMITTED, "approved");
        history.record(id, "approved", null);
        return publication.publish(alert, viewer.personId(), nameOf(viewer));
    }

    @Transactional
    public Alert reject(Viewer viewer, AlertId id, @Nullable String reason) {
        Alert alert = lock(viewer, id);
        if (!AlertPolicy.canApprove(viewer, alert)) {
            throw new NotAllowed("Only an approver other than its author can reject an alert.");
        }
        requireState(alert, AlertStatus.SUBMITTED, "rejected");
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 2000) {
            throw InvalidInput.of(
                    "reason",
                    why.isEmpty()
                            ? "Say why the alert is rejected, so its author can put it right."
                            : "The reason must be 2000 characters or fewer.");
        }
        Instant now = clock.instant();
        jdbc.sql("""
                UPDATE alert SET status = 'REJECTED', rejection_reason = ?, decided_by = ?, decided_by_name = ?,
                  decided_at = ?, updated_at = ? WHERE id = ?
                """)
                .params(
                        why,
                        viewer.personId().value(),
                        nameOf(viewer),
                        Timestamp.from(now),
                        Timestamp.from(now),
                        id.value())
                .update();
        history.record(id, "rejected", why);
        events.publishEvent(new AlertRejected(id, alert.authorId(), why, Actors.current()));
        return alerts.find(id).orElseThrow();
    }

    /** Publishes a draft that needs no approval. */
    @Transactional
    public Alert publish(Viewer viewer, AlertId id) {
        Alert alert = lock(viewer, id);
        if (!AlertPolicy.canEdit(viewer, alert)) {
            throw new NotAllowed("Only the alert's author or an administrator can publish it.");
        }
        if (alert.status() != AlertStatus.DRAFT && alert.status() != AlertStatus.SUBMITTED) {
            throw new AlertStateConflict(alert, "published");
        }
        if (needsApproval(alert)) {
            throw new AlertStateConflict("This alert needs a second person's approval (severity "
                    + alert.content().severity() + ", TLP:"
                    + alert.content().tlp().label() + "): submit it for approval.");
        }
        return publication.publish(alert, null, null);
    }

    /** Starts a CAP Update of a published alert, as a draft that follows the same path. */
    @Transactional
    public Alert update(Viewer viewer, AlertId id, AlertDraft draft) {
        Alert current = requireRevisable(viewer, id, "updated");
        AlertContent content = check.check(draft);
        AlertId update = insert(viewer, content, CapMsgType.Update, current.threadId(), current.id(), null, null);
        history.record(update, "update drafted", "of alert " + id);
        events.publishEvent(new AlertDrafted(update, Actors.current()));
        return alerts.find(update).orElseThrow();
    }

    /** Cancels a published alert at once with a CAP Cancel: stopping an alert never waits for approval. */
    @Transactional
    public Alert cancel(Viewer viewer, AlertId id, @Nullable String reason) {
        Alert current = requireRevisable(viewer, id, "cancelled");
        String why = reason == null || reason.isBlank() ? "Cancelled" : reason.strip();
        if (why.length() > 2000) {
            throw InvalidInput.of("reason", "The reason must be 2000 characters or fewer.");
        }
        AlertId cancel =
                insert(viewer, current.content(), CapMsgType.Cancel, current.threadId(), current.id(), null, why);
        history.record(cancel, "cancel", why);
        return publication.publish(alerts.find(cancel).orElseThrow(), null, null);
    }

    AlertId insert(
            Viewer viewer,
            AlertContent content,
            CapMsgType msgType,
            @Nullable AlertId thread,
            @Nullable AlertId references,
            @Nullable AlertId forwardedFrom,
            @Nullable String note) {
        Instant now = clock.instant();
        long id = jdbc.sql("""
                INSERT INTO alert (msg_type, status, headline, event, category, urgency, severity, certainty, tlp,
                  area, area_description, audience, expires_at, author_id, author_name, organisation_id, sender_name,
                  created_at, updated_at, references_id, forwarded_from, note)
                VALUES (?, 'DRAFT', '', '', '', '', '', '', '', '{}', '', '{}', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                """)
                .params(
                        msgType.name(),
                        Timestamp.from(content.expires()),
                        viewer.personId().value(),
                        nameOf(viewer),
                        viewer.organisationId().value(),
                        organisationNameOf(viewer),
                        Timestamp.from(now),
                        Timestamp.from(now),
                        references == null ? null : references.value(),
                        forwardedFrom == null ? null : forwardedFrom.value(),
                        note)
                .query(Long.class)
                .single();
        jdbc.sql("UPDATE alert SET thread_id = ? WHERE id = ?")
                .params(thread == null ? id : thread.value(), id)
                .update();
        writeContent(new AlertId(id), content);
        history.record(new AlertId(id), "drafted", msgType == CapMsgType.Alert ? null : msgType.name());
        return new AlertId(id);
    }

    private void writeContent(AlertId id, AlertContent c) {
        jdbc.sql("""
                UPDATE alert SET headline = ?, event = ?, description = ?, instruction = ?, category = ?, urgency = ?,
                  severity = ?, certainty = ?, response_type = ?, tlp = ?, area = ?::jsonb, area_description = ?,
                  audience = ?::jsonb, expires_at = ?, updated_at = ? WHERE id = ?
                """)
                .params(
                        c.headline(),
                        c.event(),
                        c.description(),
                        c.instruction(),
                        c.category().name(),
                        c.urgency().name(),
                        c.severity().name(),
                        c.certainty().name(),
                        c.responseType() == null ? null : c.responseType().name(),
                        c.tlp().name(),
                        rows.areaJson(c.area()),
                        c.areaDescription(),
                        rows.audienceJson(c.audience()),
                        Timestamp.from(c.expires()),
                        Timestamp.from(clock.instant()),
                        id.value())
                .update();
    }

    private Alert requireEditable(Viewer viewer, AlertId id) {
        Alert alert = lock(viewer, id);
        if (!AlertPolicy.canEdit(viewer, alert)) {
            throw new NotAllowed("Only the alert's author or an administrator can change it.");
        }
        if (!alert.status().editable()) {
            throw new AlertStateConflict(alert, "changed");
        }
        return alert;
    }

    private Alert requireRevisable(Viewer viewer, AlertId id, String action) {
        Alert alert = lock(viewer, id);
        if (!AlertPolicy.canRevise(viewer, alert)) {
            throw new NotAllowed("Only police coordinators and administrators can update or cancel alerts.");
        }
        if (alert.status() != AlertStatus.PUBLISHED) {
            throw new AlertStateConflict(alert, action);
        }
        return alert;
    }

    /** Reads the alert for a change, locking its row so two approvers cannot both publish it. */
    private Alert lock(Viewer viewer, AlertId id) {
        jdbc.sql("SELECT id FROM alert WHERE id = ? FOR UPDATE")
                .param(id.value())
                .query(Long.class)
                .optional();
        return alerts.find(id).filter(a -> alerts.mayRead(viewer, a)).orElseThrow(() -> Alerts.notFound(id));
    }

    private static void requireState(Alert alert, AlertStatus wanted, String action) {
        if (alert.status() != wanted) {
            throw new AlertStateConflict(alert, action);
        }
    }

    private void requireAuthor(Viewer viewer) {
        if (!AlertPolicy.canAuthor(viewer)) {
            throw new NotAllowed("Only police coordinators and hub administrators write alerts.");
        }
    }

    String nameOf(Viewer viewer) {
        return index.current()
                .member(viewer.personId())
                .map(Member::name)
                .orElse(viewer.personId().toString());
    }

    String organisationNameOf(Viewer viewer) {
        return index.current()
                .organisation(viewer.organisationId())
                .map(o -> o.name())
                .orElse(viewer.organisationId().toString());
    }
}
