package org.cascadehub.alerts.cap;

/** An info's {@code <severity>}: how bad the threat to life or property is. The constants are spelled exactly as CAP 1.2 spells them. */
public enum CapSeverity {
    Extreme,
    Severe,
    Moderate,
    Minor,
    Unknown;
}
