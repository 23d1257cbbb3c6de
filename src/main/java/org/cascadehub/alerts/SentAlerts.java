package org.cascadehub.alerts;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.cascadehub.directory.Viewer;
import org.springframework.stereotype.Component;

/**
 * Who may see a sent alert, answered from memory where it can be: the question every
 * acknowledgement asks first, thousands of times a second when an alert reaches a city. Once an
 * alert is sent, everything {@link AlertPolicy#canSee} reads of it is fixed (its label, author,
 * organisation and approver; updates are new alerts), and its status only moves between sent
 * statuses, which the policy treats alike; so a sent alert read once is kept. Its status here may be
 * out of date and is not to be used for anything else: the acknowledgement writer reads the status
 * itself. Whom it reached comes from {@link RecentRecipients} for a recent alert, else from the
 * database ({@link Alerts#mayRead}).
 */
@Component
class SentAlerts {

    static final int KEPT = 256;

    private final Alerts alerts;
    private final RecentRecipients recent;
    private final Map<AlertId, Alert> sent = new LinkedHashMap<>(KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<AlertId, Alert> eldest) {
            return size() > KEPT;
        }
    };

    SentAlerts(Alerts alerts, RecentRecipients recent) {
        this.alerts = alerts;
        this.recent = recent;
    }

    /** The alert if the viewer may see it. */
    Optional<Alert> visible(Viewer viewer, AlertId id) {
        Alert alert;
        synchronized (sent) {
            alert = sent.get(id);
        }
        if (alert == null) {
            Optional<Alert> found = alerts.find(id);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            alert = found.get();
            if (alert.status().sent()) {
                synchronized (sent) {
                    sent.put(id, alert);
                }
            }
        }
        return mayRead(viewer, alert) ? Optional.of(alert) : Optional.empty();
    }

    private boolean mayRead(Viewer viewer, Alert alert) {
        // As Alerts.mayRead, without its transaction when no recipient needs looking up.
        if (!alert.status().sent() || !alert.content().tlp().linkOnly()) {
            return AlertPolicy.canSee(viewer, alert, false, false);
        }
        return recent.reached(alert.id())
                .map(reached -> AlertPolicy.canSee(
                        viewer,
                        alert,
                        reached.people().contains(viewer.personId()),
                        reached.organisations().contains(viewer.organisationId())))
                .orElseGet(() -> alerts.mayRead(viewer, alert));
    }
}
