package org.cascadehub.alerts.web;

import java.util.List;
import org.cascadehub.alerts.Acknowledgements;
import org.cascadehub.alerts.Alert;
import org.cascadehub.alerts.AlertHistory;
import org.cascadehub.alerts.Forwarding;
import org.jspecify.annotations.Nullable;

/**
 * Everything an alert's page shows, worked out for one viewer: what is hidden from them is null or
 * empty here, and what they may do is in {@code may}.
 *
 * @param reach who it will reach or reached (alert staff only)
 * @param history its lifecycle steps (alert staff only)
 * @param tree who forwarded it to whom, when anyone has
 * @param acknowledged the viewer's own acknowledgement, if they are a recipient and gave one
 * @param acks acknowledgement counts and lists (alert staff, once it is sent)
 */
record AlertView(
        Alert alert,
        TlpLabel tlp,
        AreaShown area,
        AudienceShown audience,
        ReachView.@Nullable Shown reach,
        List<AlertHistory.Step> history,
        List<Alert> versions,
        Forwarding.@Nullable Node tree,
        boolean recipient,
        Acknowledgements.@Nullable Acknowledgement acknowledged,
        @Nullable Acks acks,
        boolean needsApproval,
        May may) {

    /** The area in words and as data for the map. */
    record AreaShown(
            List<String> boroughs,
            @Nullable String polygon,
            @Nullable String circle) {}

    /** The audience with names in place of codes and ids; all empty means everyone in the area. */
    record AudienceShown(
            List<String> sectors,
            List<String> organisations,
            List<String> sharingGroups,
            List<String> roles,
            List<String> people) {
        public boolean everyone() {
            return sectors.isEmpty()
                    && organisations.isEmpty()
                    && sharingGroups.isEmpty()
                    && roles.isEmpty()
                    && people.isEmpty();
        }
    }

    /** Acknowledgements for the alert staff, with the stream to follow them on when there is one. */
    record Acks(
            int acknowledged,
            int recipients,
            List<ReachView.AckRow> bySector,
            List<ReachView.AckRow> byBorough,
            List<ReachView.AckRow> byOrganisation,
            List<Acknowledgements.Answer> waiting,
            @Nullable String stream) {
        public String text() {
            return acknowledged + " of " + recipients + " acknowledged";
        }
    }

    /** The actions the viewer may take now. */
    record May(
            boolean approve,
            boolean submit,
            boolean publish,
            boolean edit,
            boolean revise,
            boolean forward,
            boolean acknowledge) {
        public boolean anything() {
            return approve || submit || publish || edit || revise || forward || acknowledge;
        }
    }

    /** What kind of message it is: an alert, an update, a cancellation, or a sector lead's forward. */
    public String kind() {
        if (alert.isForward()) {
            return "Forwarded alert";
        }
        return switch (alert.msgType()) {
            case Update -> "Update";
            case Cancel -> "Cancellation";
            default -> "Alert";
        };
    }
}
