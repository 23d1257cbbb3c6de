package org.cascadehub.reports.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/**
 * The report form exactly as typed: every field stays text until {@link ReportFormReading} reads
 * it, so a form sent back with problems (or restored from the autosaved draft) shows what the
 * person wrote. People and vehicles are repeated fieldsets named {@code people[0].role}, {@code
 * vehicles[1].make}, and so on.
 *
 * @param place {@code site} (one of the organisation's sites) or {@code point} (the map, or typed)
 * @param immediateDanger {@code yes} or {@code no}
 * @param organisations organisation names, one to a line
 * @param sharePeople email addresses, one to a line (for TLP:RED)
 */
record ReportForm(
        @Nullable String type,
        @Nullable String occurredDate,
        @Nullable String occurredTime,
        @Nullable String place,
        @Nullable String site,
        @Nullable String lat,
        @Nullable String lon,
        @Nullable String description,
        List<PersonFields> people,
        List<VehicleFields> vehicles,
        @Nullable String immediateDanger,
        @Nullable String tlp,
        List<String> sharingGroups,
        @Nullable String organisations,
        @Nullable String sharePeople) {

    /** How many people or vehicles one form describes at most (the service's own limit). */
    static final int MOST = 20;

    private static final Pattern INDEXED = Pattern.compile("(people|vehicles)\\[(\\d{1,2})]\\.([A-Za-z]+)");

    record PersonFields(
            @Nullable String role,
            @Nullable String sex,
            @Nullable String ageRange,
            @Nullable String height,
            @Nullable String build,
            @Nullable String hair,
            @Nullable String clothing,
            @Nullable String distinguishingFeatures) {

        static final PersonFields EMPTY = new PersonFields(null, null, null, null, null, null, null, null);

        boolean blank() {
            return Stream.of(role, sex, ageRange, height, build, hair, clothing, distinguishingFeatures)
                    .allMatch(ReportForm::isBlank);
        }
    }

    record VehicleFields(
            @Nullable String make,
            @Nullable String model,
            @Nullable String colour,
            @Nullable String registration,
            @Nullable String direction) {

        static final VehicleFields EMPTY = new VehicleFields(null, null, null, null, null);

        boolean blank() {
            return Stream.of(make, model, colour, registration, direction).allMatch(ReportForm::isBlank);
        }
    }

    ReportForm {
        people = people == null ? List.of() : List.copyOf(people);
        vehicles = vehicles == null ? List.of() : List.copyOf(vehicles);
        sharingGroups = sharingGroups == null ? List.of() : List.copyOf(sharingGroups);
    }

    /** A new report: AMBER, as TLP 2.0 suggests for most reports, and "no" to immediate danger. */
    static ReportForm empty() {
        return new ReportForm(
                null, null, null, null, null, null, null, null, List.of(), List.of(), "no", "AMBER", List.of(), null,
                null);
    }

    /** The form from a request's parameters (a plain or a multipart post). */
    static ReportForm from(MultiValueMap<String, String> params) {
        Map<Integer, Map<String, String>> people = new TreeMap<>();
        Map<Integer, Map<String, String>> vehicles = new TreeMap<>();
        params.forEach((name, values) -> {
            Matcher indexed = INDEXED.matcher(name);
            if (indexed.matches() && !values.isEmpty()) {
                int index = Integer.parseInt(indexed.group(2));
                if (index < MOST) {
                    (indexed.group(1).equals("people") ? people : vehicles)
                            .computeIfAbsent(index, i -> new java.util.HashMap<>())
                            .put(indexed.group(3), values.getFirst());
                }
            }
        });
        return new ReportForm(
                params.getFirst("type"),
                params.getFirst("occurredDate"),
                params.getFirst("occurredTime"),
                params.getFirst("place"),
                params.getFirst("site"),
                params.getFirst("lat"),
                params.getFirst("lon"),
                params.getFirst("description"),
                people.values().stream().map(ReportForm::person).toList(),
                vehicles.values().stream().map(ReportForm::vehicle).toList(),
                params.getFirst("immediateDanger"),
                params.getFirst("tlp"),
                params.getOrDefault("sharingGroups", List.of()).stream()
                        .filter(v -> !isBlank(v))
                        .toList(),
                params.getFirst("organisations"),
                params.getFirst("sharePeople"));
    }

    ReportForm withPerson() {
        return people.size() >= MOST ? this : withPeople(append(people, PersonFields.EMPTY));
    }

    ReportForm withoutPerson(int index) {
        return index < 0 || index >= people.size() ? this : withPeople(remove(people, index));
    }

    ReportForm withVehicle() {
        return vehicles.size() >= MOST ? this : withVehicles(append(vehicles, VehicleFields.EMPTY));
    }

    ReportForm withoutVehicle(int index) {
        return index < 0 || index >= vehicles.size() ? this : withVehicles(remove(vehicles, index));
    }

    public boolean inDanger() {
        return "yes".equals(immediateDanger);
    }

    public boolean hasSharingGroup(Object id) {
        return sharingGroups.contains(id.toString());
    }

    /** "site" when a site is chosen, else "point" once anything is typed or clicked, else nothing. */
    public @Nullable String placeChosen() {
        if (place != null) {
            return place;
        }
        return isBlank(lat) && isBlank(lon) ? null : "point";
    }

    private ReportForm withPeople(List<PersonFields> changed) {
        return new ReportForm(
                type,
                occurredDate,
                occurredTime,
                place,
                site,
                lat,
                lon,
                description,
                changed,
                vehicles,
                immediateDanger,
                tlp,
                sharingGroups,
                organisations,
                sharePeople);
    }

    private ReportForm withVehicles(List<VehicleFields> changed) {
        return new ReportForm(
                type,
                occurredDate,
                occurredTime,
                place,
                site,
                lat,
                lon,
                description,
                people,
                changed,
                immediateDanger,
                tlp,
                sharingGroups,
                organisations,
                sharePeople);
    }

    private static PersonFields person(Map<String, String> f) {
        return new PersonFields(
                f.get("role"),
                f.get("sex"),
                f.get("ageRange"),
                f.get("height"),
                f.get("build"),
                f.get("hair"),
                f.get("clothing"),
                f.get("distinguishingFeatures"));
    }

    private static VehicleFields vehicle(Map<String, String> f) {
        return new VehicleFields(
                f.get("make"), f.get("model"), f.get("colour"), f.get("registration"), f.get("direction"));
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> copy = new ArrayList<>(list);
        copy.add(item);
        return copy;
    }

    private static <T> List<T> remove(List<T> list, int index) {
        List<T> copy = new ArrayList<>(list);
        copy.remove(index);
        return copy;
    }

    static boolean isBlank(@Nullable String text) {
        return text == null || text.isBlank();
    }
}
