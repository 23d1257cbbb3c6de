package org.cascadehub.reports;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What kind of incident a report describes; the API writes the constant's name. */
public enum ReportType {
    SUSPICIOUS_ACTIVITY("Suspicious activity"),
    HOSTILE_RECONNAISSANCE("Hostile reconnaissance"),
    SUSPICIOUS_ITEM("Suspicious item"),
    THEFT("Theft"),
    BURGLARY("Burglary"),
    VIOLENCE_AGAINST_STAFF("Violence or abuse against staff"),
    CRIMINAL_DAMAGE("Criminal damage"),
    ANTI_SOCIAL_BEHAVIOUR("Anti-social behaviour"),
    FRAUD("Fraud"),
    CYBER_INCIDENT("Cyber incident"),
    INFRASTRUCTURE_TAMPERING("Infrastructure tampering"),
    OTHER("Other");

    private final String label;

    ReportType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<ReportType> parse(String text) {
        String name = text.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.name().equals(name)).findFirst();
    }
}
