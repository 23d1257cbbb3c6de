package org.cascadehub.alerts.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.cascadehub.alerts.Acknowledgements;
import org.cascadehub.alerts.Alert;
import org.cascadehub.alerts.AlertAuthoring;
import org.cascadehub.alerts.AlertDraft;
import org.cascadehub.alerts.AlertHistory;
import org.cascadehub.alerts.AlertId;
import org.cascadehub.alerts.AlertStatus;
import org.cascadehub.alerts.AlertTemplates;
import org.cascadehub.alerts.Alerts;
import org.cascadehub.alerts.Forwarding;
import org.cascadehub.alerts.Reach;
import org.cascadehub.directory.Viewer;
import org.cascadehub.platform.Page;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The alert cascade's API: drafts, approval, publication, updates, cancellation, forwards and acknowledgements. */
@RestController
@Tag(name = "Alerts")
class AlertsApi {

    /** Why an alert was rejected or cancelled. */
    record Reason(@Nullable String reason) {}

    /** A sector lead's note on a forward. */
    record Note(@Nullable String note) {}

    private final Alerts alerts;
    private final AlertAuthoring authoring;
    private final Acknowledgements acknowledgements;
    private final Forwarding forwarding;
    private final AlertHistory history;

    AlertsApi(
            Alerts alerts,
            AlertAuthoring authoring,
            Acknowledgements acknowledgements,
            Forwarding forwarding,
            AlertHistory history) {
        this.alerts = alerts;
        this.authoring = authoring;
        this.acknowledgements = acknowledgements;
        this.forwarding = forwarding;
        this.history = history;
    }

    @PostMapping("/api/v1/alerts")
    @Operation(
            summary = "Write a draft alert (police coordinators, administrators)",
            description =
                    "CAP enumerations as CAP spells them (Severe, Immediate, Likely); tlp as TLP 2.0 (CLEAR, GREEN,"
                            + " AMBER, AMBER+STRICT, RED); area is {\"boroughs\":[..]}, {\"polygon\":[[lat,lon],...]} or"
                            + " {\"circle\":{\"lat\":..,\"lon\":..,\"radiusKm\":..}}; audience lists sectors, organisations,"
                            + " sharingGroups, roles and people (empty: everyone in the area); expires or expiresInMinutes.")
    ResponseEntity<Alert> draft(Viewer viewer, @RequestBody AlertDraft draft) {
        Alert alert = authoring.draft(viewer, draft);
        return ResponseEntity.created(URI.create("/api/v1/alerts/" + alert.id()))
                .body(alert);
    }

    @PutMapping("/api/v1/alerts/{id}")
    @Operation(summary = "Change a draft or rejected alert (its author)")
    Alert edit(Viewer viewer, @PathVariable long id, @RequestBody AlertDraft draft) {
        return authoring.edit(viewer, new AlertId(id), draft);
    }

    @PostMapping("/api/v1/alerts/preview")
    @Operation(summary = "Who a draft would reach now: people and organisations by sector, borough and channel")
    Reach preview(Viewer viewer, @RequestBody AlertDraft draft) {
        return authoring.preview(viewer, draft);
    }

    @GetMapping("/api/v1/alerts")
    @Operation(summary = "Alerts the caller may see, newest first")
    Page<Alert> list(
            Viewer viewer,
            @RequestParam(required = false) @Nullable AlertStatus status,
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "25") int size) {
        return alerts.list(viewer, status, Page.number(page), Math.clamp(size, 1, 200));
    }

    @GetMapping("/api/v1/alerts/{id}")
    @Operation(
            summary = "One alert",
            description = "404 when the caller may not see it. Reads of TLP:AMBER and RED alerts are audited.")
    Alert get(Viewer viewer, @PathVariable long id) {
        return alerts.read(viewer, new AlertId(id));
    }

    @GetMapping("/api/v1/alerts/{id}/reach")
    @Operation(summary = "Who a draft would reach, or a sent alert reached")
    Reach reach(Viewer viewer, @PathVariable long id) {
        return authoring.reach(viewer, new AlertId(id));
    }

    @GetMapping("/api/v1/alerts/{id}/versions")
    @Operation(summary = "Every version of the alert's thread: the original, its updates and cancellation")
    List<Alert> versions(Viewer viewer, @PathVariable long id) {
        Alert alert = alerts.read(viewer, new AlertId(id));
        return alerts.versions(alert.threadId()).stream()
                .filter(a -> alerts.mayRead(viewer, a))
                .toList();
    }

    @GetMapping("/api/v1/alerts/{id}/history")
    @Operation(summary = "The alert's lifecycle steps and who took them")
    List<AlertHistory.Step> history(Viewer viewer, @PathVariable long id) {
        return history.of(alerts.read(viewer, new AlertId(id)).id());
    }

    @PostMapping("/api/v1/alerts/{id}/submit")
    @Operation(summary = "Ask for approval")
    Alert submit(Viewer viewer, @PathVariable long id) {
        return authoring.submit(viewer, new AlertId(id));
    }

    @PostMapping("/api/v1/alerts/{id}/approve")
    @Operation(summary = "Approve and publish (an approver who is not the author)")
    Alert approve(Viewer viewer, @PathVariable long id) {
        return authoring.approve(viewer, new AlertId(id));
    }

    @PostMapping("/api/v1/alerts/{id}/reject")
    @Operation(summary = "Send back to the author with a reason (an approver)")
    Alert reject(Viewer viewer, @PathVariable long id, @RequestBody Reason reason) {
        return authoring.reject(viewer, new AlertId(id), reason.reason());
    }

    @PostMapping("/api/v1/alerts/{id}/publish")
    @Operation(summary = "Publish a draft that needs no approval (its author)")
    Alert publish(Viewer viewer, @PathVariable long id) {
        return authoring.publish(viewer, new AlertId(id));
    }

    @PostMapping("/api/v1/alerts/{id}/update")
    @Operation(
            summary = "Start a CAP Update of a published alert",
            description =
                    "Answers the update as a new draft, which is submitted, approved and published like any alert.")
    ResponseEntity<Alert> update(Viewer viewer, @PathVariable long id, @RequestBody AlertDraft draft) {
        Alert update = authoring.update(viewer, new AlertId(id), draft);
        return ResponseEntity.created(URI.create("/api/v1/alerts/" + update.id()))
                .body(update);
    }

    @PostMapping("/api/v1/alerts/{id}/cancel")
    @Operation(summary = "Cancel a published alert at once (a CAP Cancel to everyone it reached)")
    Alert cancel(Viewer viewer, @PathVariable long id, @RequestBody(required = false) @Nullable Reason reason) {
        return authoring.cancel(viewer, new AlertId(id), reason == null ? null : reason.reason());
    }

    @PostMapping("/api/v1/alerts/{id}/forward")
    @Operation(
            summary =
                    "Re-cascade to your sectors' members in the same area with a local note (sector leads who received it)")
    ResponseEntity<Alert> forward(
            Viewer viewer, @PathVariable long id, @RequestBody(required = false) @Nullable Note note) {
        Alert forward = forwarding.forward(viewer, new AlertId(id), note == null ? null : note.note());
        return ResponseEntity.created(URI.create("/api/v1/alerts/" + forward.id()))
                .body(forward);
    }

    @GetMapping("/api/v1/alerts/{id}/tree")
    @Operation(summary = "Who forwarded the alert to whom")
    Forwarding.Node tree(Viewer viewer, @PathVariable long id) {
        return forwarding.tree(viewer, new AlertId(id));
    }

    @PostMapping("/api/v1/alerts/{id}/ack")
    @Operation(
            summary = "Acknowledge an alert sent to you",
            description = "Repeating it answers the first acknowledgement.")
    Acknowledgements.Acknowledgement acknowledge(Viewer viewer, @PathVariable long id) {
        return acknowledgements.acknowledge(viewer, new AlertId(id), "api");
    }

    @GetMapping("/api/v1/alerts/{id}/acks")
    @Operation(
            summary =
                    "Acknowledgements: counts by sector, borough and organisation, and who has not answered (alert staff)")
    Acknowledgements.Summary acks(Viewer viewer, @PathVariable long id) {
        return acknowledgements.summary(viewer, new AlertId(id));
    }

    @GetMapping("/api/v1/alert-templates")
    @Operation(summary = "Starting points for recurring messages")
    List<AlertTemplates.Template> templates() {
        return AlertTemplates.all();
    }
}
