package org.cascadehub.delivery;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.cascadehub.alerts.Acknowledgements;
import org.cascadehub.alerts.Alert;
import org.cascadehub.alerts.AlertEvents.AcknowledgementsRecorded;
import org.cascadehub.alerts.AlertEvents.AlertPublished;
import org.cascadehub.alerts.AlertId;
import org.cascadehub.alerts.AlertNotices;
import org.cascadehub.alerts.Alerts;
import org.cascadehub.alerts.Tlp;
import org.cascadehub.delivery.live.LiveEvent;
import org.cascadehub.delivery.live.LiveStream;
import org.cascadehub.directory.PersonId;
import org.cascadehub.directory.Role;
import org.cascadehub.directory.Roster;
import org.cascadehub.directory.Roster.Member;
import org.cascadehub.platform.AfterCommit;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Alerts on screens: each published alert goes to its recipients' live streams as one event
 * (id = its publication seq; {@link AlertReplay} replays missed ones from the database), and the alert staff see
 * acknowledgement counts change, coalesced to at most two updates a second per alert.
 */
@Component
class AlertLive {

    private static final Set<Role> FOLLOWERS = Set.of(Role.ADMINISTRATOR, Role.POLICE_COORDINATOR, Role.APPROVER);

    private final Alerts alerts;
    private final Acknowledgements acknowledgements;
    private final AlertNotices notices;
    private final LiveStream stream;
    private final Roster roster;
    private final JsonMapper json;
    private final Set<AlertId> acknowledged = ConcurrentHashMap.newKeySet();

    AlertLive(
            Alerts alerts,
            Acknowledgements acknowledgements,
            AlertNotices notices,
            LiveStream stream,
            Roster roster,
            JsonMapper json) {
        this.alerts = alerts;
        this.acknowledgements = acknowledgements;
        this.notices = notices;
        this.stream = stream;
        this.roster = roster;
        this.json = json;
    }

    /**
     * Broadcast in the publishing thread the moment the transaction commits, ahead of the email,
     * SMS and webhook work that the same commit starts. No publication registry entry ({@link
     * AfterCommit}): should the node stop before this runs, its streams stop too, and every client
     * that reconnects with {@code Last-Event-ID} is sent the alert from the database ({@link
     * AlertReplay}).
     */
    @EventListener
    void on(AlertPublished published) {
        AfterCommit.run(() -> broadcast(published));
    }

    private void broadcast(AlertPublished published) {
        Alert alert = alerts.find(published.alertId()).orElseThrow();
        stream.broadcast(LiveEvent.replayable(published.seq(), "alert", frame(alert), alerts.recipientIds(alert.id())));
    }

    /** Counts only change on screen; losing one to a crash costs nothing, so no registry. */
    @EventListener
    void on(AcknowledgementsRecorded event) {
        AfterCommit.run(() -> acknowledged.add(event.alertId()));
    }

    @Scheduled(fixedDelayString = "${cascade.delivery.live.ack-interval:PT0.5S}")
    void sendAcknowledgementCounts() {
        if (acknowledged.isEmpty()) {
            return;
        }
        Set<PersonId> followers = new HashSet<>();
        roster.membersWithAnyRole(FOLLOWERS).stream().map(Member::id).forEach(followers::add);
        for (AlertId id : Set.copyOf(acknowledged)) {
            acknowledged.remove(id);
            Acknowledgements.Count count = acknowledgements.count(id);
            Set<PersonId> to = new HashSet<>();
            alerts.find(id).ifPresent(alert -> {
                // TLP:RED: only those the policy names may even learn the counts
                if (alert.content().tlp() != Tlp.RED) {
                    to.addAll(followers);
                } else if (alert.decidedBy() != null) {
                    to.add(alert.decidedBy());
                }
                to.add(alert.authorId());
            });
            byte[] body = json.writeValueAsBytes(Map.of(
                    "alertId", id.value(), "acknowledged", count.acknowledged(), "recipients", count.recipients()));
            stream.broadcast(LiveEvent.unsequenced("ack", body, Set.copyOf(to)));
        }
    }

    private byte[] frame(Alert alert) {
        return AlertReplay.frame(json, notices, alert);
    }
}
