package org.cascadehub.alerts.cap;

/** An alert's {@code <scope>}: who it is meant for. The constants are spelled exactly as CAP 1.2 spells them. */
public enum CapScope {
    Public,
    Restricted,
    Private;
}
