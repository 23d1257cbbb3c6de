package org.cascadehub.alerts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.cascadehub.alerts.AlertEvents.RestrictedAlertRead;
import org.cascadehub.alerts.AtomWriter.Category;
import org.cascadehub.alerts.AtomWriter.Link;
import org.cascadehub.alerts.cap.CapMsgType;
import org.cascadehub.directory.Viewer;
import org.cascadehub.platform.Actors;
import org.cascadehub.platform.PublicAddress;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Atom feeds of alerts. The public feed holds TLP:CLEAR alerts only, for anyone; a person's own
 * feed holds every alert they may see, with the TLP label leading each restricted entry's summary.
 * Both hold current alerts and those superseded, cancelled or expired recently, so readers see the
 * change. Every entry passes {@link AlertPolicy#canSee}, after the same rule as SQL ({@link
 * Alerts#feed}); writing a person's feed audits each TLP:AMBER or RED entry as a read.
 */
@Service
public class AlertFeeds {

    static final String CAP_SCHEME = "urn:oasis:names:tc:emergency:cap:1.2";
    static final String TLP_SCHEME = "https://www.first.org/tlp/";

    /**
     * A feed's entries and validators, before it is written.
     *
     * @param viewer the person whose feed this is; null for the public feed
     * @param etag a strong entity tag over who it is for and each entry's identity and last change
     */
    public record Feed(@Nullable Viewer viewer, List<Alert> alerts, Instant updated, String etag) {}

    private final Alerts alerts;
    private final AlertFeedSettings settings;
    private final PublicAddress address;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AlertFeeds(
            Alerts alerts,
            AlertFeedSettings settings,
            PublicAddress address,
            ApplicationEventPublisher events,
            Clock clock) {
        this.alerts = alerts;
        this.settings = settings;
        this.address = address;
        this.events = events;
        this.clock = clock;
    }

    /** TLP:CLEAR alerts, for anyone. */
    @Transactional(readOnly = true)
    public Feed publicFeed() {
        List<Alert> entries = alerts.feed(null, since(), settings.limit()).stream()
                .filter(a -> AlertPolicy.canSee(null, a, false, false))
                .toList();
        return feed(null, entries);
    }

    /** Every alert the person may see. */
    @Transactional(readOnly = true)
    public Feed personalFeed(Viewer viewer) {
        List<Alert> entries = alerts.feed(viewer, since(), settings.limit()).stream()
                .filter(a -> alerts.mayRead(viewer, a))
                .toList();
        return feed(viewer, entries);
    }

    /** The feed as Atom XML; for a person's feed, each TLP:AMBER or RED entry written is an audited read. */
    @Transactional
    public byte[] write(Feed feed) {
        Viewer viewer = feed.viewer();
        boolean personal = viewer != null;
        if (personal) {
            feed.alerts().stream()
                    .filter(a -> a.content().tlp().linkOnly())
                    .forEach(a -> events.publishEvent(
                            new RestrictedAlertRead(a.id(), a.content().tlp().label(), Actors.current())));
        }
        AtomWriter.Head head = personal
                ? new AtomWriter.Head(
                        "urn:cascade:feed:alerts:person:" + viewer.personId(),
                        "Cascade: my alerts",
                        address.link("/feeds/my/alerts.atom"),
                        address.link("/alerts"),
                        feed.updated())
                : new AtomWriter.Head(
                        "urn:cascade:feed:alerts",
                        "Cascade: public alerts",
                        address.link("/feeds/alerts.atom"),
                        address.link("/alerts"),
                        feed.updated());
        return AtomWriter.write(
                head, feed.alerts().stream().map(a -> entry(a, personal)).toList());
    }

    private Feed feed(@Nullable Viewer viewer, List<Alert> entries) {
        Instant updated =
                entries.stream().map(Alert::updatedAt).max(Instant::compareTo).orElse(clock.instant());
        StringBuilder identity =
                new StringBuilder(viewer == null ? "public" : viewer.personId().toString());
        entries.forEach(a -> identity.append('|')
                .append(a.id())
                .append('@')
                .append(a.updatedAt().toEpochMilli())
                .append(a.status()));
        return new Feed(viewer, entries, updated, '"' + sha256(identity.toString()) + '"');
    }

    private AtomWriter.Entry entry(Alert alert, boolean personal) {
        AlertContent c = alert.content();
        String label = "TLP:" + c.tlp().label();
        String summary = c.description();
        if (alert.note() != null) {
            summary = (summary.isEmpty() ? "" : summary + "\n\n") + "Note: " + alert.note();
        }
        if (personal && c.tlp() != Tlp.CLEAR) {
            summary = label + ". " + summary;
        }
        String cap = personal ? "/api/v1/alerts/" + alert.id() + "/cap" : "/feeds/alerts/" + alert.id() + ".cap";
        return new AtomWriter.Entry(
                "urn:cascade:alert:" + alert.identifier(),
                title(alert),
                alert.updatedAt(),
                alert.publishedAt(),
                alert.senderName(),
                summary.isBlank() ? null : summary,
                c.instruction().isBlank() ? null : c.instruction(),
                List.of(
                        new Category(
                                c.category().name(),
                                CAP_SCHEME + "#category",
                                c.category().name()),
                        new Category(
                                c.severity().name(),
                                CAP_SCHEME + "#severity",
                                c.severity().name()),
                        new Category(label, TLP_SCHEME, label)),
                List.of(
                        new Link("alternate", "text/html", address.link("/alerts/" + alert.id())),
                        new Link("related", "application/cap+xml", address.link(cap))));
    }

    /** The headline, saying first what became of an alert that is no longer current. */
    static String title(Alert alert) {
        String headline = alert.content().headline();
        if (alert.msgType() == CapMsgType.Cancel) {
            return "Cancelled: " + headline;
        }
        return switch (alert.status()) {
            case SUPERSEDED -> "Superseded: " + headline;
            case CANCELLED -> "Cancelled: " + headline;
            case EXPIRED -> "Expired: " + headline;
            default -> alert.msgType() == CapMsgType.Update ? "Update: " + headline : headline;
        };
    }

    private Instant since() {
        return clock.instant().minus(settings.recentlyChanged());
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
