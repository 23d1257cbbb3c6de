package org.cascadehub.reports;

import java.util.List;
import java.util.Locale;
import org.cascadehub.alerts.Alert;
import org.cascadehub.alerts.AlertAuthoring;
import org.cascadehub.alerts.AlertDraft;
import org.cascadehub.alerts.Area;
import org.cascadehub.directory.Borough;
import org.cascadehub.directory.Boroughs;
import org.cascadehub.directory.Viewer;
import org.cascadehub.platform.Actors;
import org.cascadehub.platform.InvalidInput;
import org.cascadehub.platform.NotAllowed;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a report into an alert draft for a police coordinator: area, headline, description and TLP
 * label pre-filled from the report; the alert module's own rules then apply (editing, approval).
 */
@Service
public class ReportPromotion {

    static final double DEFAULT_RADIUS_KM = 0.5;
    static final int EXPIRES_IN_MINUTES = 240;
    private static final int ALERT_DESCRIPTION_MAX = 8_000;

    private final Reports reports;
    private final AlertAuthoring authoring;
    private final Boroughs boroughs;
    private final ApplicationEventPublisher events;

    ReportPromotion(Reports reports, AlertAuthoring authoring, Boroughs boroughs, ApplicationEventPublisher events) {
        this.reports = reports;
        this.authoring = authoring;
        this.boroughs = boroughs;
        this.events = events;
    }

    @Transactional
    public Alert promote(Viewer viewer, ReportId id, Promotion promotion) {
        Report report = reports.visible(viewer, id);
        if (!ReportPolicy.canTriage(viewer)) {
            throw new NotAllowed("Only police coordinators turn a report into an alert.");
        }
        Alert alert = authoring.draft(viewer, draftFrom(report, area(report, promotion)));
        events.publishEvent(new ReportPromoted(id, alert.id(), Actors.current()));
        return alert;
    }

    private Area area(Report report, Promotion promotion) {
        String shape =
                promotion.area() == null ? "circle" : promotion.area().strip().toLowerCase(Locale.ROOT);
        return switch (shape) {
            case "borough" -> Area.ofBoroughs(List.of(report.borough()));
            case "circle" -> {
                double radius = promotion.radiusKm() == null ? DEFAULT_RADIUS_KM : promotion.radiusKm();
                yield Area.ofCircle(report.location().lat(), report.location().lon(), radius);
            }
            default -> throw InvalidInput.of("area", "Choose circle or borough");
        };
    }

    private AlertDraft draftFrom(Report report, Area area) {
        String place = boroughs.find(report.borough()).map(Borough::name).orElse(report.borough());
        String headline = report.type().label() + " reported in " + place;
        String description = report.description().length() > ALERT_DESCRIPTION_MAX
                ? report.description().substring(0, ALERT_DESCRIPTION_MAX - 1) + "…"
                : report.description();
        String category = report.type() == ReportType.INFRASTRUCTURE_TAMPERING ? "Infra" : "Security";
        return new AlertDraft(
                headline,
                report.type().label(),
                description,
                "",
                category,
                "Expected",
                "Moderate",
                "Likely",
                null,
                report.tlp().label(),
                area,
                null,
                null,
                EXPIRES_IN_MINUTES);
    }
}
