package org.cascadehub.alerts.cap;

/** An info's {@code <urgency>}: how soon to act. The constants are spelled exactly as CAP 1.2 spells them. */
public enum CapUrgency {
    Immediate,
    Expected,
    Future,
    Past,
    Unknown;
}
