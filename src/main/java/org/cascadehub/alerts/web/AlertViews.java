package org.cascadehub.alerts.web;

import java.util.List;
import org.cascadehub.alerts.Acknowledgements;
import org.cascadehub.alerts.Alert;
import org.cascadehub.alerts.AlertAuthoring;
import org.cascadehub.alerts.AlertHistory;
import org.cascadehub.alerts.AlertId;
import org.cascadehub.alerts.AlertPolicy;
import org.cascadehub.alerts.AlertStatus;
import org.cascadehub.alerts.Alerts;
import org.cascadehub.alerts.Area;
import org.cascadehub.alerts.Audience;
import org.cascadehub.alerts.Forwarding;
import org.cascadehub.directory.Role;
import org.cascadehub.directory.Viewer;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Works out an {@link AlertView}: what one viewer sees of an alert and may do with it. */
@Component
class AlertViews {

    /** Enough of the people yet to acknowledge for a page; the API has them all. */
    static final int WAITING_SHOWN = 200;

    private final Alerts alerts;
    private final AlertAuthoring authoring;
    private final AlertHistory history;
    private final Forwarding forwarding;
    private final Acknowledgements acknowledgements;
    private final AlertChoices choices;
    private final ReachView reach;
    private final LiveStream stream;

    AlertViews(
            Alerts alerts,
            AlertAuthoring authoring,
            AlertHistory history,
            Forwarding forwarding,
            Acknowledgements acknowledgements,
            AlertChoices choices,
            ReachView reach,
            LiveStream stream) {
        this.alerts = alerts;
        this.authoring = authoring;
        this.history = history;
        this.forwarding = forwarding;
        this.acknowledgements = acknowledgements;
        this.choices = choices;
        this.reach = reach;
        this.stream = stream;
    }

    /** The alert if the viewer may see it (a read of AMBER or RED material is audited); else not found. */
    Alert read(Viewer viewer, long id) {
        return alerts.read(viewer, new AlertId(id));
    }

    /** Fills the model for the alert's page and answers its template. */
    String page(Viewer viewer, Alert alert, Model model) {
        model.addAttribute("view", of(viewer, alert));
        choices.addMapTo(model);
        return "alerts/alert";
    }

    AlertView of(Viewer viewer, Alert alert) {
        AlertId id = alert.id();
        boolean staff = AlertPolicy.isAlertStaff(viewer);
        boolean recipient = alerts.isRecipient(id, viewer.personId());
        Acknowledgements.Acknowledgement acknowledged =
                recipient ? acknowledgements.of(id, viewer.personId()).orElse(null) : null;
        boolean needsApproval = authoring.needsApproval(alert);
        Forwarding.Node tree = forwarding.tree(viewer, id);
        return new AlertView(
                alert,
                TlpLabel.of(alert.content().tlp()),
                area(alert.content().area()),
                audience(alert.content().audience()),
                staff ? reach.of(authoring.reach(viewer, id)) : null,
                staff ? history.of(id) : List.of(),
                alerts.versions(alert.threadId()).stream()
                        .filter(a -> alerts.mayRead(viewer, a))
                        .toList(),
                tree.forwards().isEmpty() ? null : tree,
                recipient,
                acknowledged,
                alert.status().sent() && acknowledgements.mayFollow(viewer, alert) ? acks(viewer, id) : null,
                needsApproval,
                may(viewer, alert, recipient, acknowledged != null, needsApproval));
    }

    private AlertView.May may(
            Viewer viewer, Alert alert, boolean recipient, boolean acknowledged, boolean needsApproval) {
        AlertStatus status = alert.status();
        boolean editor = AlertPolicy.canEdit(viewer, alert);
        return new AlertView.May(
                status == AlertStatus.SUBMITTED && AlertPolicy.canApprove(viewer, alert),
                status.editable() && editor,
                (status == AlertStatus.DRAFT || status == AlertStatus.SUBMITTED) && editor && !needsApproval,
                status.editable() && editor,
                status == AlertStatus.PUBLISHED && AlertPolicy.canRevise(viewer, alert),
                AlertPolicy.canForward(viewer, alert, recipient),
                recipient && status == AlertStatus.PUBLISHED && !acknowledged);
    }

    private AlertView.Acks acks(Viewer viewer, AlertId id) {
        Acknowledgements.Summary summary = acknowledgements.summary(viewer, id);
        return new AlertView.Acks(
                summary.acknowledged(),
                summary.recipients(),
                reach.sectors(summary.bySector()),
                reach.boroughs(summary.byBorough()),
                reach.organisations(summary.byOrganisation()),
                summary.answers().stream()
                        .filter(a -> a.acknowledgedAt() == null)
                        .limit(WAITING_SHOWN)
                        .toList(),
                stream.available() ? LiveStream.PATH : null);
    }

    private AlertView.AreaShown area(Area area) {
        return new AlertView.AreaShown(
                area.boroughs() == null ? List.of() : choices.boroughNames(area.boroughs()),
                area.polygon() == null ? null : AreaText.polygon(area.polygon()),
                area.circle() == null
                        ? null
                        : AreaText.number(area.circle().lat()) + ","
                                + AreaText.number(area.circle().lon()) + ","
                                + AreaText.number(area.circle().radiusKm()));
    }

    private AlertView.AudienceShown audience(Audience audience) {
        return new AlertView.AudienceShown(
                audience.sectors().stream().map(choices::sector).toList(),
                audience.organisations().stream().map(choices::organisation).toList(),
                audience.sharingGroups().stream().map(choices::sharingGroup).toList(),
                audience.roles().stream().map(Role::label).toList(),
                audience.people().stream().map(choices::person).toList());
    }
}
