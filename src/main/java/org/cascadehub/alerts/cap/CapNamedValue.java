package org.cascadehub.alerts.cap;

/**
 * A {@code valueName}/{@code value} pair, as CAP uses for {@code <eventCode>}, {@code
 * <parameter>} and {@code <geocode>} (for example {@code SAME} / {@code 006109}).
 */
public record CapNamedValue(String valueName, String value) {}
