package org.cascadehub.alerts;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.cascadehub.alerts.cap.CapAlert;
import org.cascadehub.alerts.cap.CapArea;
import org.cascadehub.alerts.cap.CapCircle;
import org.cascadehub.alerts.cap.CapInfo;
import org.cascadehub.alerts.cap.CapNamedValue;
import org.cascadehub.alerts.cap.CapPoint;
import org.cascadehub.alerts.cap.CapPolygon;
import org.cascadehub.alerts.cap.CapReference;
import org.cascadehub.alerts.cap.CapScope;
import org.cascadehub.alerts.cap.CapStatus;
import org.cascadehub.platform.PublicAddress;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * An alert as a CAP 1.2 message. A draft is CAP status {@code Draft} with the identifier it will be
 * published under; the TLP label travels as a {@code <code>}, an info {@code <parameter>} and, for
 * anything but TLP:CLEAR, scope {@code Restricted} with the label's handling rule. Whoever calls this
 * has already asked {@link Alerts#read} whether the reader may see the alert.
 */
@Component
public class AlertCap {

    /** The geocode name under which an area lists its borough codes. */
    public static final String BOROUGH_GEOCODE = "cascade-borough";

    /** The info parameter carrying the TLP label. */
    public static final String TLP_PARAMETER = "TLP";

    static final String LANGUAGE = "en-GB";

    private final Alerts alerts;
    private final AlertSettings settings;
    private final PublicAddress address;
    private final BoroughOutlines outlines;

    AlertCap(Alerts alerts, AlertSettings settings, PublicAddress address, BoroughOutlines outlines) {
        this.alerts = alerts;
        this.settings = settings;
        this.address = address;
        this.outlines = outlines;
    }

    public CapAlert toCap(Alert alert) {
        Tlp tlp = alert.content().tlp();
        OffsetDateTime sent = sent(alert);
        return new CapAlert(
                identifier(alert),
                settings.capSender(),
                sent,
                alert.status().sent() ? CapStatus.Actual : CapStatus.Draft,
                alert.msgType(),
                null,
                tlp == Tlp.CLEAR ? CapScope.Public : CapScope.Restricted,
                tlp == Tlp.CLEAR ? null : restriction(tlp),
                List.of(),
                List.of("TLP:" + tlp.label()),
                alert.note(),
                references(alert),
                List.of(),
                List.of(info(alert, sent)));
    }

    /** What TLP 2.0 lets a recipient do with information under each label (FIRST, TLP 2.0). */
    static String restriction(Tlp tlp) {
        return switch (tlp) {
            case CLEAR -> "TLP:CLEAR. Recipients may spread this to the world; there is no limit on disclosure.";
            case GREEN ->
                "TLP:GREEN. Limited disclosure: recipients may share this with peers and partner organisations"
                        + " within their community, but not through publicly accessible channels.";
            case AMBER ->
                "TLP:AMBER. Limited disclosure: recipients may share this only with members of their own"
                        + " organisation and its clients, on a need-to-know basis.";
            case AMBER_STRICT ->
                "TLP:AMBER+STRICT. Limited disclosure: recipients may share this only with members of their own"
                        + " organisation, on a need-to-know basis.";
            case RED -> "TLP:RED. For the eyes and ears of individual recipients only: no further disclosure.";
        };
    }

    private static String identifier(Alert alert) {
        return alert.identifier() != null
                ? alert.identifier()
                : "cascade-alert-" + alert.id().value();
    }

    private static OffsetDateTime sent(Alert alert) {
        Instant at = alert.publishedAt() != null ? alert.publishedAt() : alert.updatedAt();
        return at.atOffset(ZoneOffset.UTC);
    }

    /** An Update or Cancel names the version it replaces; a forward names the alert it passes on. */
    private List<CapReference> references(Alert alert) {
        List<CapReference> references = new ArrayList<>();
        for (AlertId id : new AlertId[] {alert.referencesId(), alert.forwardedFromId()}) {
            if (id != null) {
                alerts.find(id)
                        .ifPresent(earlier -> references.add(
                                new CapReference(settings.capSender(), identifier(earlier), sent(earlier))));
            }
        }
        return references;
    }

    private CapInfo info(Alert alert, OffsetDateTime sent) {
        AlertContent c = alert.content();
        OffsetDateTime expires = c.expires().atOffset(ZoneOffset.UTC);
        return new CapInfo(
                LANGUAGE,
                List.of(c.category()),
                c.event(),
                c.responseType() == null ? List.of() : List.of(c.responseType()),
                c.urgency(),
                c.severity(),
                c.certainty(),
                null,
                List.of(),
                null,
                null,
                // CAP wants expiry after sending; a cancellation sent at the very end of its alert's life has none
                expires.isAfter(sent) ? expires : null,
                alert.senderName(),
                c.headline(),
                blankToNull(c.description()),
                blankToNull(c.instruction()),
                address.link("/alerts/" + alert.id().value()),
                null,
                List.of(new CapNamedValue(TLP_PARAMETER, c.tlp().label())),
                List.of(),
                List.of(area(c)));
    }

    private CapArea area(AlertContent content) {
        Area area = content.area();
        String description = content.areaDescription().isBlank() ? "The alert's area" : content.areaDescription();
        List<CapPolygon> polygons = new ArrayList<>();
        List<CapCircle> circles = new ArrayList<>();
        List<CapNamedValue> geocodes = new ArrayList<>();
        if (area.polygon() != null) {
            polygons.add(new CapPolygon(area.polygon().stream()
                    .map(p -> new CapPoint(p.get(0), p.get(1)))
                    .toList()));
        } else if (area.circle() != null) {
            Area.Circle circle = area.circle();
            circles.add(new CapCircle(circle.lat(), circle.lon(), circle.radiusKm()));
        } else if (area.boroughs() != null) {
            for (String code : area.boroughs()) {
                geocodes.add(new CapNamedValue(BOROUGH_GEOCODE, code));
                polygons.addAll(outlines.of(code));
            }
        }
        return new CapArea(description, polygons, circles, geocodes, null, null);
    }

    private static @Nullable String blankToNull(String text) {
        return text.isBlank() ? null : text;
    }
}
