package org.cascadehub.alerts;

import java.time.Instant;
import java.util.List;
import org.cascadehub.alerts.cap.CapMsgType;
import org.cascadehub.directory.Viewer;
import org.cascadehub.platform.InvalidInput;
import org.cascadehub.platform.NotAllowed;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sector leads re-cascading an alert they received to their sectors' members in the same area,
 * with a local note. A forward is a linked alert of its own, published at once (the original was
 * already approved), so the tree of who passed what to whom can be shown.
 */
@Service
public class Forwarding {

    static final int NOTE_MAX = 2000;

    /** One alert in a re-cascade tree and the forwards made from it. */
    public record Node(
            AlertId alertId,
            String forwardedBy,
            String organisation,
            @Nullable String note,
            int recipients,
            @Nullable Instant publishedAt,
            List<Node> forwards) {}

    private final Alerts alerts;
    private final AlertAuthoring authoring;
    private final AlertPublication publication;

    Forwarding(Alerts alerts, AlertAuthoring authoring, AlertPublication publication) {
        this.alerts = alerts;
        this.authoring = authoring;
        this.publication = publication;
    }

    @Transactional
    public Alert forward(Viewer viewer, AlertId id, @Nullable String note) {
        Alert original = alerts.find(id).filter(a -> alerts.mayRead(viewer, a)).orElseThrow(() -> Alerts.notFound(id));
        if (!AlertPolicy.canForward(viewer, original, alerts.isRecipient(id, viewer.personId()))) {
            throw new NotAllowed(
                    original.content().tlp().allowsOnwardSharing()
                            ? "Only a sector lead who received this current alert can forward it."
                            : "TLP:" + original.content().tlp().label() + " alerts may not be shared onward.");
        }
        String cleanNote = note == null ? "" : note.strip();
        if (cleanNote.length() > NOTE_MAX) {
            throw InvalidInput.of("note", "The note must be " + NOTE_MAX + " characters or fewer.");
        }
        AlertContent c = original.content();
        AlertContent content = new AlertContent(
                c.headline(),
                c.event(),
                c.description(),
                c.instruction(),
                c.category(),
                c.urgency(),
                c.severity(),
                c.certainty(),
                c.responseType(),
                c.tlp(),
                c.area(),
                c.areaDescription(),
                Audience.sectors(List.copyOf(viewer.leadSectors())),
                c.expires());
        AlertId forward = authoring.insert(
                viewer, content, CapMsgType.Alert, null, null, id, cleanNote.isEmpty() ? null : cleanNote);
        return publication.publish(alerts.find(forward).orElseThrow(), null, null);
    }

    /** The alert and every forward made from it, as far as the viewer may see. */
    @Transactional(readOnly = true)
    public Node tree(Viewer viewer, AlertId id) {
        Alert alert = alerts.find(id).filter(a -> alerts.mayRead(viewer, a)).orElseThrow(() -> Alerts.notFound(id));
        return node(viewer, alert, 0);
    }

    private Node node(Viewer viewer, Alert alert, int depth) {
        List<Node> children = depth > 20
                ? List.of()
                : alerts.forwardsOf(alert.id()).stream()
                        .filter(f -> alerts.mayRead(viewer, f))
                        .map(f -> node(viewer, f, depth + 1))
                        .toList();
        return new Node(
                alert.id(),
                alert.authorName(),
                alert.senderName(),
                alert.note(),
                alert.recipientCount() == null ? 0 : alert.recipientCount(),
                alert.publishedAt(),
                children);
    }
}
