package org.cascadehub.alerts;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.cascadehub.alerts.cap.CapArea;
import org.cascadehub.alerts.cap.CapCircle;
import org.cascadehub.alerts.cap.CapNamedValue;
import org.cascadehub.alerts.cap.CapPolygon;
import org.cascadehub.alerts.cap.CapValidation.Problem;
import org.cascadehub.directory.Borough;
import org.cascadehub.directory.Boroughs;
import org.cascadehub.platform.InvalidInput;
import org.jspecify.annotations.Nullable;

/**
 * Chooses a Cascade area for an imported CAP info: the boroughs of a Cascade export's own {@code
 * cascade-borough} geocodes; else its first polygon Cascade accepts, else its first circle, else the
 * boroughs its area descriptions and geocodes name, else every borough (and the author is told to
 * set it). Each choice passes {@link AreaCheck}, as an author's would.
 */
final class ImportedArea {

    private final Boroughs boroughs;
    private final String infoPath;
    private final List<Problem> warnings;

    private ImportedArea(Boroughs boroughs, String infoPath, List<Problem> warnings) {
        this.boroughs = boroughs;
        this.infoPath = infoPath;
        this.warnings = warnings;
    }

    /** The area for the draft; what was changed or guessed is added to {@code warnings}. */
    static Area choose(List<CapArea> areas, String infoPath, Boroughs boroughs, List<Problem> warnings) {
        return new ImportedArea(boroughs, infoPath, warnings).choose(areas);
    }

    private Area choose(List<CapArea> areas) {
        List<String> exact = cascadeBoroughs(areas);
        if (!exact.isEmpty()) {
            return Area.ofBoroughs(exact); // a Cascade export: its boroughs, not their simplified outlines
        }
        for (int a = 0; a < areas.size(); a++) {
            List<CapPolygon> polygons = areas.get(a).polygons();
            for (int p = 0; p < polygons.size(); p++) {
                String path = areaPath(a) + "/polygon[" + (p + 1) + "]";
                Area area = Area.ofPolygon(polygons.get(p).points().stream()
                        .map(point -> List.of(point.lat(), point.lon()))
                        .toList());
                if (usable(area, path, "<polygon>")) {
                    return ignoringOtherShapes(areas, area, path);
                }
            }
        }
        for (int a = 0; a < areas.size(); a++) {
            List<CapCircle> circles = areas.get(a).circles();
            for (int c = 0; c < circles.size(); c++) {
                String path = areaPath(a) + "/circle[" + (c + 1) + "]";
                Area area = circle(circles.get(c), path);
                if (usable(area, path, "<circle>")) {
                    return ignoringOtherShapes(areas, area, path);
                }
            }
        }
        List<String> named = namedBoroughs(areas);
        if (!named.isEmpty()) {
            warnings.add(new Problem(
                    infoPath + "/area",
                    "The area was matched from the borough names in <areaDesc> and <geocode>: "
                            + String.join(", ", named) + ". Check it before the alert is sent."));
            return Area.ofBoroughs(named);
        }
        warnings.add(new Problem(
                areas.isEmpty() ? infoPath : infoPath + "/area",
                "No polygon, circle or borough in the alert could be used, so the draft covers every borough."
                        + " Set the area before the alert is sent."));
        return Area.ofBoroughs(boroughs.all().stream().map(Borough::code).toList());
    }

    /** A circle Cascade can hold: a point (radius 0) becomes a small circle, a huge one is capped. */
    private Area circle(CapCircle circle, String path) {
        double radius = circle.radiusKm();
        if (!(radius > 0)) {
            radius = 1;
            warnings.add(new Problem(path, "The <circle> has no radius (a point); the draft uses 1 km around it."));
        } else if (radius > AreaCheck.MAX_RADIUS_KM) {
            radius = AreaCheck.MAX_RADIUS_KM;
            warnings.add(new Problem(
                    path,
                    "The <circle>'s radius is " + circle.radiusKm() + " km; an alert reaches at most "
                            + (int) AreaCheck.MAX_RADIUS_KM + " km from its centre, so the draft uses that."));
        }
        return Area.ofCircle(circle.lat(), circle.lon(), radius);
    }

    private boolean usable(Area area, String path, String element) {
        try {
            AreaCheck.check(area, boroughs);
            return true;
        } catch (InvalidInput refused) {
            warnings.add(new Problem(
                    path,
                    "This " + element + " cannot be used: "
                            + refused.problems().getFirst().message() + " The next area given is tried."));
            return false;
        }
    }

    private Area ignoringOtherShapes(List<CapArea> areas, Area chosen, String path) {
        long shapes = areas.stream()
                .mapToLong(a -> a.polygons().size() + a.circles().size())
                .sum();
        if (shapes > 1) {
            warnings.add(new Problem(
                    path, "The alert gives " + shapes + " shapes; the draft uses this one only. Check the area."));
        }
        return chosen;
    }

    private List<String> cascadeBoroughs(List<CapArea> areas) {
        return areas.stream()
                .flatMap(a -> a.geocodes().stream())
                .filter(g -> g.valueName().equals(AlertCap.BOROUGH_GEOCODE))
                .flatMap(g -> boroughs.find(g.value().strip()).stream())
                .map(Borough::code)
                .distinct()
                .toList();
    }

    private List<String> namedBoroughs(List<CapArea> areas) {
        Set<String> codes = new LinkedHashSet<>();
        for (CapArea area : areas) {
            for (CapNamedValue geocode : area.geocodes()) {
                boroughs.findByCodeOrName(geocode.value()).ifPresent(b -> codes.add(b.code()));
            }
            for (Borough borough : boroughs.all()) {
                if (mentions(area.areaDesc(), borough.name())) {
                    codes.add(borough.code());
                }
            }
        }
        return new ArrayList<>(codes);
    }

    /** The name as whole words, ignoring case: "Brent" is in "Brent Cross", not in "Brentford". */
    static boolean mentions(@Nullable String text, String name) {
        return text != null
                && Pattern.compile(
                                "(?<![\\p{L}\\p{N}])" + Pattern.quote(name) + "(?![\\p{L}\\p{N}])",
                                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                        .matcher(text)
                        .find();
    }

    private String areaPath(int index) {
        return infoPath + "/area[" + (index + 1) + "]";
    }
}
