package org.cascadehub.alerts.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.cascadehub.alerts.Alert;
import org.cascadehub.alerts.AlertCap;
import org.cascadehub.alerts.AlertId;
import org.cascadehub.alerts.Alerts;
import org.cascadehub.alerts.cap.CapXml;
import org.cascadehub.directory.Viewer;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Every alert as a CAP 1.2 message, for whoever may read it. */
@RestController
@Tag(name = "Alerts: CAP 1.2")
class AlertCapApi {

    private final Alerts alerts;
    private final AlertCap cap;

    AlertCapApi(Alerts alerts, AlertCap cap) {
        this.alerts = alerts;
        this.cap = cap;
    }

    @GetMapping(value = "/api/v1/alerts/{id}/cap", produces = CapApi.CAP_XML)
    @Operation(
            summary = "One alert as CAP 1.2 XML",
            description = "Valid against the OASIS CAP 1.2 schema. A draft has status Draft; TLP travels as"
                    + " <code>TLP:label</code> and a TLP parameter, and anything but TLP:CLEAR has scope Restricted"
                    + " with the label's handling rule. 404 when the caller may not see the alert, exactly as"
                    + " GET /api/v1/alerts/{id}; reads of TLP:AMBER and RED alerts are audited.",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            description = "The CAP message",
                            content = @Content(mediaType = CapApi.CAP_XML, schema = @Schema(type = "string"))))
    ResponseEntity<byte[]> cap(Viewer viewer, @PathVariable long id) {
        return capResponse(cap, alerts.read(viewer, new AlertId(id)));
    }

    static ResponseEntity<byte[]> capResponse(AlertCap cap, Alert alert) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(CapApi.CAP_XML))
                .header("Content-Disposition", "inline; filename=\"cascade-alert-" + alert.id() + ".cap\"")
                .body(CapXml.write(cap.toCap(alert)));
    }
}
