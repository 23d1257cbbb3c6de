package org.cascadehub.alerts.cap;

import java.util.Set;

/**
 * Paths to elements in problem reports, XPath-like: {@code /alert/info[1]/area[2]/polygon[1]}.
 * Elements the schema lets repeat carry a 1-based index; the others do not need one.
 */
final class CapPaths {

    static final String ROOT = "/alert";

    private static final Set<String> REPEATABLE = Set.of(
            "code",
            "info",
            "category",
            "responseType",
            "eventCode",
            "parameter",
            "resource",
            "area",
            "polygon",
            "circle",
            "geocode");

    private CapPaths() {}

    static String child(String parent, String name, int index) {
        return parent + "/" + name + (REPEATABLE.contains(name) ? "[" + index + "]" : "");
    }

    static String child(String parent, String name) {
        return child(parent, name, 1);
    }
}
