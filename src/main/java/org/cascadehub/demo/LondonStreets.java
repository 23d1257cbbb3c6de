package org.cascadehub.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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
        List<Street> streets = new ArrayList<>();
        for (String[] row : Csv.rows(RESOURCE)) {
            streets.add(
                    new Street(row[0], row[1], row[2], row[3], Double.parseDouble(row[4]), Double.parseDouble(row[5])));
        }
        return List.copyOf(streets);
    }

    /** The demo's small CSV files: a header, then plain comma-separated rows; '#' starts a comment line. */
    static final class Csv {

        private Csv() {}

        static List<String[]> rows(String resource) {
            try (InputStream in = Objects.requireNonNull(
                            LondonStreets.class.getClassLoader().getResourceAsStream(resource), resource);
                    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                List<String[]> rows = new ArrayList<>();
                boolean header = true;
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    if (header) {
                        header = false;
                        continue;
                    }
                    rows.add(line.split(",", -1));
                }
                return rows;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + resource, e);
            }
        }
    }
}
