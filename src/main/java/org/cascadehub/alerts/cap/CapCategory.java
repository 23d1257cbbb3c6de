package org.cascadehub.alerts.cap;

/** An info's {@code <category>}: the kind of subject event. The constants are spelled exactly as CAP 1.2 spells them. */
public enum CapCategory {
    Geo,
    Met,
    Safety,
    Security,
    Rescue,
    Fire,
    Health,
    Env,
    Transport,
    Infra,
    CBRNE,
    Other;
}
