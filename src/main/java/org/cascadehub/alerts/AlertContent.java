package org.cascadehub.alerts;

import java.time.Instant;
import org.cascadehub.alerts.cap.CapCategory;
import org.cascadehub.alerts.cap.CapCertainty;
import org.cascadehub.alerts.cap.CapResponseType;
import org.cascadehub.alerts.cap.CapSeverity;
import org.cascadehub.alerts.cap.CapUrgency;
import org.jspecify.annotations.Nullable;

/**
 * What an alert says, where and to whom, once checked: boroughs are codes, a polygon is closed,
 * and {@code areaDescription} says the area in words (CAP's {@code areaDesc}).
 */
public record AlertContent(
        String headline,
        String event,
        String description,
        String instruction,
        CapCategory category,
        CapUrgency urgency,
        CapSeverity severity,
        CapCertainty certainty,
        @Nullable CapResponseType responseType,
        Tlp tlp,
        Area area,
        String areaDescription,
        Audience audience,
        Instant expires) {

    public AlertContent withExpires(Instant newExpiry) {
        return new AlertContent(
                headline,
                event,
                description,
                instruction,
                category,
                urgency,
                severity,
                certainty,
                responseType,
                tlp,
                area,
                areaDescription,
                audience,
                newExpiry);
    }
}
