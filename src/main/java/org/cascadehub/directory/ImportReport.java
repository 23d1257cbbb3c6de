package org.cascadehub.directory;

import java.util.ArrayList;
import java.util.List;

/**
 * What an import created, or for a check, what it would create.
 *
 * @param imported whether anything was written ({@code false} for a check)
 */
public record ImportReport(int organisations, int sites, int people, boolean imported) {

    /** "2 organisations, 1 site and 3 people", leaving out what there is none of. */
    public String summary() {
        List<String> parts = new ArrayList<>();
        count(parts, organisations, "organisation", "organisations");
        count(parts, sites, "site", "sites");
        count(parts, people, "person", "people");
        if (parts.isEmpty()) {
            return "nothing";
        }
        String last = parts.removeLast();
        return parts.isEmpty() ? last : String.join(", ", parts) + " and " + last;
    }

    private static void count(List<String> parts, int n, String one, String many) {
        if (n > 0) {
            parts.add(n + " " + (n == 1 ? one : many));
        }
    }
}
