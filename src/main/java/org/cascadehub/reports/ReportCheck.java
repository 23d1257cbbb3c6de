package org.cascadehub.reports;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.cascadehub.alerts.Tlp;
import org.cascadehub.directory.Borough;
import org.cascadehub.directory.Boroughs;
import org.cascadehub.directory.SiteId;
import org.cascadehub.directory.Viewer;
import org.cascadehub.platform.InvalidInput;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Checks a {@link ReportDraft} field by field and names every problem at once, so a person fixes
 * the whole form in one go and nothing they wrote is lost. Sharing ids are checked by {@link
 * SharingCheck}.
 */
@Component
class ReportCheck {

    static final int DESCRIPTION_MAX = 10_000;
    static final int INVOLVED_MAX = 20;
    static final int DETAIL_MAX = 200;
    /** Clocks differ a little: a report of "just now" from a phone a minute fast is not in the future. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final Boroughs boroughs;
    private final SiteLocations sites;
    private final SharingCheck sharingCheck;

    ReportCheck(Boroughs boroughs, SiteLocations sites, SharingCheck sharingCheck) {
        this.boroughs = boroughs;
        this.sites = sites;
        this.sharingCheck = sharingCheck;
    }

    /** A draft that passed every check. */
    record Checked(
            ReportType type,
            Instant occurredAt,
            Report.Point point,
            @Nullable SiteId site,
            String borough,
            String description,
            List<InvolvedPerson> people,
            List<InvolvedVehicle> vehicles,
            boolean immediateDanger,
            Tlp tlp,
            Report.Sharing sharing) {}

    Checked check(Viewer reporter, ReportDraft draft, Instant now) {
        InvalidInput.Collector problems = new InvalidInput.Collector();
        ReportType type = problems.attempt(() -> type(draft.type()));
        Instant occurredAt = problems.attempt(() -> occurredAt(draft.occurredAt(), now));
        SiteLocations.Located located = problems.attempt(() -> where(reporter, draft));
        String description = problems.attempt(() -> description(draft.description()));
        List<InvolvedPerson> people = problems.attempt(() -> people(draft.people()));
        List<InvolvedVehicle> vehicles = problems.attempt(() -> vehicles(draft.vehicles()));
        Tlp tlp = problems.attempt(() -> tlp(draft.tlp()));
        Report.Sharing sharing =
                problems.attempt(() -> sharingCheck.check(reporter, draft.sharing(), tlp == null ? Tlp.AMBER : tlp));
        problems.throwIfAny();
        return new Checked(
                Objects.requireNonNull(type),
                Objects.requireNonNull(occurredAt),
                Objects.requireNonNull(located).point(),
                located.site(),
                located.borough().code(),
                Objects.requireNonNull(description),
                Objects.requireNonNull(people),
                Objects.requireNonNull(vehicles),
                Boolean.TRUE.equals(draft.immediateDanger()),
                Objects.requireNonNull(tlp),
                Objects.requireNonNull(sharing));
    }

    static ReportType type(@Nullable String text) {
        if (text == null || text.isBlank()) {
            throw InvalidInput.of("type", "Choose the type of incident");
        }
        return ReportType.parse(text)
                .orElseThrow(() -> InvalidInput.of(
                        "type",
                        "'" + shorten(text) + "' is not a type of incident: use one of "
                                + Arrays.toString(ReportType.values())));
    }

    static Instant occurredAt(@Nullable String text, Instant now) {
        if (text == null || text.isBlank()) {
            throw InvalidInput.of("occurredAt", "Say when it happened");
        }
        Instant at;
        try {
            at = Instant.parse(text.strip());
        } catch (DateTimeParseException notAnInstant) {
            throw InvalidInput.of(
                    "occurredAt",
                    "Give the time as an ISO-8601 instant such as 2026-03-01T14:30:00Z, not '" + shorten(text) + "'");
        }
        if (at.isAfter(now.plus(CLOCK_SKEW))) {
            throw InvalidInput.of("occurredAt", "The time it happened cannot be in the future");
        }
        return at;
    }

    private SiteLocations.Located where(Viewer reporter, ReportDraft draft) {
        ReportDraft.Location location = draft.location();
        if (location == null && (draft.site() == null || draft.site().isBlank())) {
            throw InvalidInput.of("location", "Give the point on the map where it happened, or choose a site");
        }
        if (location == null) {
            return sites.ofReporter(reporter, Objects.requireNonNull(draft.site()));
        }
        InvalidInput.Collector problems = new InvalidInput.Collector();
        if (location.lat() == null) {
            problems.add("location.lat", "Give the latitude");
        }
        if (location.lon() == null) {
            problems.add("location.lon", "Give the longitude");
        }
        problems.throwIfAny();
        Report.Point point = new Report.Point(location.lat(), location.lon());
        Borough borough = boroughs.containing(point.lat(), point.lon())
                .orElseThrow(() -> InvalidInput.of(
                        "location", "That point is outside the city: choose a point within one of its boroughs"));
        SiteId site = draft.site() == null || draft.site().isBlank()
                ? null
                : sites.ofReporter(reporter, draft.site()).site();
        return new SiteLocations.Located(point, site, borough);
    }

    static String description(@Nullable String text) {
        String clean = text == null ? "" : text.strip();
        if (clean.isEmpty()) {
            throw InvalidInput.of("description", "Describe what happened");
        }
        if (clean.length() > DESCRIPTION_MAX) {
            throw InvalidInput.of(
                    "description",
                    "Keep the description to " + String.format(Locale.UK, "%,d", DESCRIPTION_MAX)
                            + " characters (it has " + String.format(Locale.UK, "%,d", clean.length()) + ")");
        }
        return clean;
    }

    static List<InvolvedPerson> people(@Nullable List<InvolvedPerson> people) {
        List<InvolvedPerson> given = people == null ? List.of() : people;
        if (given.size() > INVOLVED_MAX) {
            throw InvalidInput.of("people", "Describe at most " + INVOLVED_MAX + " people in one report");
        }
        InvalidInput.Collector problems = new InvalidInput.Collector();
        List<InvolvedPerson> clean = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            String at = "people[" + i + "].";
            InvolvedPerson p = given.get(i);
            if (p == null) {
                problems.add("people[" + i + "]", "Describe the person or remove them");
                continue;
            }
            String role = problems.attempt(() -> choice(at + "role", p.role(), InvolvedPerson.Role.values(), true));
            String sex = problems.attempt(() -> choice(at + "sex", p.sex(), InvolvedPerson.Sex.values(), false));
            clean.add(new InvolvedPerson(
                    role,
                    sex,
                    problems.attempt(() -> detail(at + "ageRange", p.ageRange())),
                    problems.attempt(() -> detail(at + "height", p.height())),
                    problems.attempt(() -> detail(at + "build", p.build())),
                    problems.attempt(() -> detail(at + "hair", p.hair())),
                    problems.attempt(() -> detail(at + "clothing", p.clothing())),
                    problems.attempt(() -> detail(at + "distinguishingFeatures", p.distinguishingFeatures()))));
        }
        problems.throwIfAny();
        return clean;
    }

    static List<InvolvedVehicle> vehicles(@Nullable List<InvolvedVehicle> vehicles) {
        List<InvolvedVehicle> given = vehicles == null ? List.of() : vehicles;
        if (given.size() > INVOLVED_MAX) {
            throw InvalidInput.of("vehicles", "Describe at most " + INVOLVED_MAX + " vehicles in one report");
        }
        InvalidInput.Collector problems = new InvalidInput.Collector();
        List<InvolvedVehicle> clean = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            String at = "vehicles[" + i + "].";
            InvolvedVehicle v = given.get(i);
            InvolvedVehicle checked = v == null
                    ? null
                    : new InvolvedVehicle(
                            problems.attempt(() -> detail(at + "make", v.make())),
                            problems.attempt(() -> detail(at + "model", v.model())),
                            problems.attempt(() -> detail(at + "colour", v.colour())),
                            problems.attempt(() -> detail(at + "registration", v.registration())),
                            problems.attempt(() -> detail(at + "direction", v.direction())));
            if (checked == null || checked.equals(new InvolvedVehicle(null, null, null, null, null))) {
                problems.add("vehicles[" + i + "]", "Describe the vehicle or remove it");
            } else {
                clean.add(checked);
            }
        }
        problems.throwIfAny();
        return clean;
    }

    static Tlp tlp(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return Tlp.AMBER;
        }
        return Tlp.parse(text)
                .orElseThrow(() -> InvalidInput.of(
                        "tlp",
                        "'" + shorten(text) + "' is not a TLP label: use CLEAR, GREEN, AMBER, AMBER+STRICT or RED"));
    }

    private static @Nullable String choice(String field, @Nullable String text, Enum<?>[] values, boolean required) {
        if (text == null || text.isBlank()) {
            if (required) {
                throw InvalidInput.of(field, "Choose one of " + Arrays.toString(values));
            }
            return null;
        }
        String name = text.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values)
                .map(Enum::name)
                .filter(name::equals)
                .findFirst()
                .orElseThrow(() -> InvalidInput.of(field, "Choose one of " + Arrays.toString(values)));
    }

    private static @Nullable String detail(String field, @Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String clean = text.strip();
        if (clean.length() > DETAIL_MAX) {
            throw InvalidInput.of(field, "Keep this to " + DETAIL_MAX + " characters");
        }
        return clean;
    }

    static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
