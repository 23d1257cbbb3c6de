package org.cascadehub.reports.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.cascadehub.alerts.Alert;
import org.cascadehub.directory.Viewer;
import org.cascadehub.platform.InvalidInput;
import org.cascadehub.reports.LinkRequest;
import org.cascadehub.reports.Promotion;
import org.cascadehub.reports.Report;
import org.cascadehub.reports.ReportId;
import org.cascadehub.reports.ReportLink;
import org.cascadehub.reports.ReportLinks;
import org.cascadehub.reports.ReportMessage;
import org.cascadehub.reports.ReportMessages;
import org.cascadehub.reports.ReportPromotion;
import org.cascadehub.reports.Reports;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What follows a report: messages, links to related reports, reports nearby, and turning it into an alert. */
@RestController
@Tag(name = "Reports")
class ReportFollowUpApi {

    /** A message's text; {@code message} is accepted as another name for {@code body}. */
    record MessageText(@Nullable String body, @Nullable String message) {}

    static final double MAX_DISTANCE_KM = 20;
    static final int MAX_HOURS = 24 * 90;

    private final Reports reports;
    private final ReportMessages messages;
    private final ReportLinks links;
    private final ReportPromotion promotion;

    ReportFollowUpApi(Reports reports, ReportMessages messages, ReportLinks links, ReportPromotion promotion) {
        this.reports = reports;
        this.messages = messages;
        this.links = links;
        this.promotion = promotion;
    }

    @GetMapping("/api/v1/reports/{id}/messages")
    @Operation(summary = "Messages between the reporter's organisation and the police (those two only)")
    List<ReportMessage> messages(Viewer viewer, @PathVariable String id) {
        return messages.of(viewer, QueryParameters.reportId(id));
    }

    @PostMapping("/api/v1/reports/{id}/messages")
    @Operation(summary = "Write to the other side: {\"body\"} (the police or the reporter's organisation)")
    ResponseEntity<ReportMessage> post(Viewer viewer, @PathVariable String id, @RequestBody MessageText text) {
        ReportMessage message =
                messages.post(viewer, QueryParameters.reportId(id), text.body() != null ? text.body() : text.message());
        return ResponseEntity.created(URI.create("/api/v1/reports/" + id + "/messages"))
                .body(message);
    }

    @GetMapping("/api/v1/reports/{id}/links")
    @Operation(summary = "Related reports the caller may also see")
    List<ReportLink> links(Viewer viewer, @PathVariable String id) {
        return links.of(viewer, QueryParameters.reportId(id));
    }

    @PostMapping("/api/v1/reports/{id}/links")
    @Operation(
            summary = "Mark another report as related (police coordinators)",
            description = "{\"report\": id, \"kind\": SAME_PERSON | SAME_VEHICLE | SAME_PLACE | OTHER, \"note\"}")
    ReportLink link(Viewer viewer, @PathVariable String id, @RequestBody LinkRequest request) {
        return links.link(viewer, QueryParameters.reportId(id), request);
    }

    @GetMapping("/api/v1/reports/{id}/nearby")
    @Operation(summary = "Reports the caller may see within distanceKm and hours of this one, nearest first")
    List<Reports.Nearby> nearby(
            Viewer viewer,
            @PathVariable String id,
            @RequestParam(defaultValue = "1") double distanceKm,
            @RequestParam(defaultValue = "72") int hours) {
        InvalidInput.Collector problems = new InvalidInput.Collector();
        if (!(distanceKm > 0) || distanceKm > MAX_DISTANCE_KM) {
            problems.add("distanceKm", "Give a distance above 0 and up to " + (int) MAX_DISTANCE_KM + " km");
        }
        if (hours < 1 || hours > MAX_HOURS) {
            problems.add("hours", "Give between 1 and " + MAX_HOURS + " hours");
        }
        problems.throwIfAny();
        ReportId reportId = QueryParameters.reportId(id);
        Report report = reports.visible(viewer, reportId);
        return reports.nearby(
                viewer, report.location(), report.occurredAt(), distanceKm, Duration.ofHours(hours), reportId, 100);
    }

    @PostMapping("/api/v1/reports/{id}/alert-draft")
    @Operation(
            summary = "Start an alert draft from the report (police coordinators)",
            description = "{\"area\": circle (radiusKm around the point, default 0.5) | borough}; headline,"
                    + " description and TLP label come from the report. The draft is then an ordinary alert draft.")
    ResponseEntity<Alert> promote(
            Viewer viewer, @PathVariable String id, @RequestBody(required = false) @Nullable Promotion request) {
        Alert alert =
                promotion.promote(viewer, QueryParameters.reportId(id), request == null ? Promotion.DEFAULT : request);
        return ResponseEntity.created(URI.create("/api/v1/alerts/" + alert.id()))
                .body(alert);
    }
}
