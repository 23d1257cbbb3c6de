package org.cascadehub.demo;

import java.util.List;

/**
 * Real streets in each borough, each with a point on it inside that borough, read from {@code
 * demo/london-streets.csv}: where the demo puts its sites.
 */
final class LondonStreets {

    static final String RESOURCE = "demo/london-streets.csv";

    /** A street; {@code borough} is the borough's name as the borough GeoJSON has it. */
    record Street(String borough, String name, String town, String district, double latitude, double longitude) {}

    private LondonStreets() {}

    static List<Street> all() {
        return DemoResources.rows(RESOURCE).stream()
                .map(row -> new Street(
                        row[0], row[1], row[2], row[3], Double.parseDouble(row[4]), Double.parseDouble(row[5])))
                .toList();
    }
}
