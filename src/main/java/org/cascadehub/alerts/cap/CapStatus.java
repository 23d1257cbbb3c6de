package org.cascadehub.alerts.cap;

/** An alert's {@code <status>}: how it is to be handled. The constants are spelled exactly as CAP 1.2 spells them. */
public enum CapStatus {
    Actual,
    Exercise,
    System,
    Test,
    Draft;
}
