package org.cascadehub.reports;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where a report is in police triage. Each status says which may follow it: forward only, and a
 * closed report stays closed (it is then counted down to its purge).
 */
public enum ReportStatus {
    NEW("New"),
    ACKNOWLEDGED("Acknowledged"),
    ASSIGNED("Assigned"),
    CRIME_RECORDED("Crime reference recorded"),
    REFERRED("Referred"),
    CLOSED("Closed");

    private final String label;

    ReportStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The statuses a police coordinator may move a report to from this one. */
    public Set<ReportStatus> next() {
        return switch (this) {
            case NEW -> EnumSet.of(ACKNOWLEDGED, ASSIGNED, CRIME_RECORDED, REFERRED, CLOSED);
            case ACKNOWLEDGED -> EnumSet.of(ASSIGNED, CRIME_RECORDED, REFERRED, CLOSED);
            case ASSIGNED -> EnumSet.of(CRIME_RECORDED, REFERRED, CLOSED);
            case CRIME_RECORDED -> EnumSet.of(REFERRED, CLOSED);
            case REFERRED -> EnumSet.of(CRIME_RECORDED, CLOSED);
            case CLOSED -> EnumSet.noneOf(ReportStatus.class);
        };
    }

    public boolean mayMoveTo(ReportStatus target) {
        return next().contains(target);
    }

    public static Optional<ReportStatus> parse(String text) {
        String name = text.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.name().equals(name)).findFirst();
    }
}
