package org.cascadehub.alerts.cap;

/** An info's {@code <certainty>}: how sure the sender is. The constants are spelled exactly as CAP 1.2 spells them. */
public enum CapCertainty {
    Observed,
    Likely,
    Possible,
    Unlikely,
    Unknown;
}
