package org.cascadehub.alerts;

import java.util.List;
import java.util.Optional;

/** Starting points for recurring messages; the author fills in the area and the details. */
public final class AlertTemplates {

    /** A named starting point. */
    public record Template(String code, String name, AlertDraft draft) {}

    private static final List<Template> ALL = List.of(
            new Template(
                    "road-closure",
                    "Road closure",
                    draft(
                            "Road closed: [road] between [junction] and [junction]",
                            "Road closure",
                            "[Road] is closed in both directions because of [reason]. Expect delays and diversions.",
                            "Plan deliveries and staff travel around the closure. Follow police directions.",
                            "Transport",
                            "Expected",
                            "Moderate",
                            "Observed",
                            "Avoid",
                            "GREEN",
                            240)),
            new Template(
                    "suspicious-item",
                    "Suspicious item",
                    draft(
                            "Suspicious item: cordon in place at [location]",
                            "Suspicious item",
                            "Police are dealing with a suspicious item at [location]. A cordon of [distance] is in place.",
                            "Keep staff and customers away from windows facing the cordon. Do not let people into the cordon. Follow police directions.",
                            "Security",
                            "Immediate",
                            "Severe",
                            "Observed",
                            "Shelter",
                            "AMBER",
                            120)),
            new Template(
                    "protest-march",
                    "Protest march",
                    draft(
                            "Protest march: [route] from [time]",
                            "Protest march",
                            "A march of about [number] people is expected along [route] from [time] to [time].",
                            "Review staffing and access. Report any disorder to police on 999.",
                            "Security",
                            "Expected",
                            "Moderate",
                            "Likely",
                            "Monitor",
                            "GREEN",
                            480)),
            new Template(
                    "threat-level",
                    "Threat level change",
                    draft(
                            "National threat level changed to [level]",
                            "Threat level change",
                            "The national threat level from terrorism is now [level], meaning an attack is [meaning].",
                            "Review your security plans, brief staff, and increase visible patrols.",
                            "Security",
                            "Expected",
                            "Severe",
                            "Observed",
                            "Prepare",
                            "GREEN",
                            10080)),
            new Template(
                    "all-clear",
                    "All clear",
                    draft(
                            "All clear: [incident] at [location]",
                            "All clear",
                            "The incident at [location] is over and the area has reopened.",
                            "Normal operations may resume.",
                            "Security",
                            "Past",
                            "Minor",
                            "Observed",
                            "AllClear",
                            "GREEN",
                            120)));

    private AlertTemplates() {}

    public static List<Template> all() {
        return ALL;
    }

    public static Optional<Template> find(String code) {
        return ALL.stream().filter(t -> t.code().equals(code)).findFirst();
    }

    private static AlertDraft draft(
            String headline,
            String event,
            String description,
            String instruction,
            String category,
            String urgency,
            String severity,
            String certainty,
            String responseType,
            String tlp,
            int minutes) {
        return new AlertDraft(
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
                null,
                null,
                null,
                minutes);
    }
}
