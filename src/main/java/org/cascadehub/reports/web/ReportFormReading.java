package org.cascadehub.reports.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cascadehub.directory.Organisations;
import org.cascadehub.directory.People;
import org.cascadehub.platform.FormProblems;
import org.cascadehub.platform.InvalidInput;
import org.cascadehub.reports.InvolvedPerson;
import org.cascadehub.reports.InvolvedVehicle;
import org.cascadehub.reports.ReportDraft;
import org.cascadehub.reports.web.ReportForm.PersonFields;
import org.cascadehub.reports.web.ReportForm.VehicleFields;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Reads the report form into the service's {@link ReportDraft}: the date and time in London time,
 * the point or site, organisations by name and people by email. What cannot be read is named under
 * its field and passed on as absent, so the service still checks the rest and every problem shows
 * at once; the service's problems are renamed to the form's fields. A person or vehicle added
 * but left empty is passed on, so the service asks for it to be described or removed.
 */
@Component
class ReportFormReading {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    private static final Pattern INDEXED = Pattern.compile("(people|vehicles)\\[(\\d+)]\\.?(\\w*)");

    private final Organisations organisations;
    private final People people;

    ReportFormReading(Organisations organisations, People people) {
        this.organisations = organisations;
        this.people = people;
    }

    /** The draft to submit; throws {@link InvalidInput} (named by the form's fields) for what cannot be read. */
    ReportDraft draft(ReportForm form) {
        InvalidInput.Collector problems = new InvalidInput.Collector();
        String occurredAt = occurredAt(form, problems);
        boolean atSite = "site".equals(form.placeChosen());
        ReportDraft.Location location = atSite ? null : location(form, problems);
        ReportDraft draft = new ReportDraft(
                form.type(),
                occurredAt,
                location,
                atSite ? blankToNull(form.site()) : null,
                form.description(),
                form.people().stream().map(ReportFormReading::person).toList(),
                form.vehicles().stream().map(ReportFormReading::vehicle).toList(),
                form.inDanger(),
                form.tlp(),
                new ReportDraft.Sharing(
                        named(
                                problems,
                                "organisations",
                                form.organisations(),
                                organisations::findByName,
                                "There is no member organisation called '%s': write its name as the directory does"),
                        form.sharingGroups(),
                        named(
                                problems,
                                "sharePeople",
                                form.sharePeople(),
                                email -> people.findByEmail(email).map(p -> p.id()),
                                "There is nobody with the email address '%s'")));
        // Only what could not be read at all stops here; the service names everything else, all at once.
        problems.throwIfAny();
        return draft;
    }

    /** The service's field names as the form's: {@code people[0].role} is the input {@code people-0-role}. */
    static String formField(String field) {
        Matcher indexed = INDEXED.matcher(field);
        if (indexed.matches()) {
            return indexed.group(1) + "-" + indexed.group(2)
                    + (indexed.group(3).isEmpty() ? "" : "-" + indexed.group(3));
        }
        return switch (field) {
            case "occurredAt" -> "occurredDate";
            case "location" -> "place";
            case "location.lat" -> "lat";
            case "location.lon" -> "lon";
            case "sharing.organisations", "sharing" -> "organisations";
            case "sharing.sharingGroups" -> "sharingGroups";
            case "sharing.people" -> "sharePeople";
            default -> field;
        };
    }

    /** The problems for the page, each linked to its field, in the form's order. */
    static FormProblems problems(InvalidInput invalid, ReportForm form) {
        Map<String, String> anchors = new LinkedHashMap<>();
        for (String field :
                List.of("type", "occurredDate", "occurredTime", "place", "site", "lat", "lon", "description")) {
            anchors.put(field, field);
        }
        for (int i = 0; i < form.people().size(); i++) {
            anchors.put("people-" + i, "people-" + i + "-role");
            for (String part : List.of(
                    "role", "sex", "ageRange", "height", "build", "hair", "clothing", "distinguishingFeatures")) {
                anchors.put("people-" + i + "-" + part, "people-" + i + "-" + part);
            }
        }
        for (int i = 0; i < form.vehicles().size(); i++) {
            anchors.put("vehicles-" + i, "vehicles-" + i + "-make");
            for (String part : List.of("make", "model", "colour", "registration", "direction")) {
                anchors.put("vehicles-" + i + "-" + part, "vehicles-" + i + "-" + part);
            }
        }
        anchors.put("immediateDanger", "immediateDanger");
        anchors.put("tlp", "tlp");
        anchors.put("sharingGroups", "sharingGroups");
        anchors.put("organisations", "organisations");
        anchors.put("sharePeople", "sharePeople");
        anchors.put("attachments", "attachments");
        return FormProblems.of(invalid.renamed(ReportFormReading::formField), anchors);
    }

    private static @Nullable String occurredAt(ReportForm form, InvalidInput.Collector problems) {
        LocalDate date = null;
        LocalTime time = null;
        if (ReportForm.isBlank(form.occurredDate()) && ReportForm.isBlank(form.occurredTime())) {
            return null;
        }
        if (ReportForm.isBlank(form.occurredDate())) {
            problems.add("occurredDate", "Enter the date it happened");
        } else {
            try {
                date = LocalDate.parse(form.occurredDate().strip());
            } catch (DateTimeParseException e) {
                problems.add("occurredDate", "Enter the date like 2026-05-04");
            }
        }
        if (ReportForm.isBlank(form.occurredTime())) {
            problems.add("occurredTime", "Enter the time it happened, like 14:30");
        } else {
            try {
                time = LocalTime.parse(form.occurredTime().strip());
            } catch (DateTimeParseException e) {
                problems.add("occurredTime", "Enter the time on the 24-hour clock, like 14:30");
            }
        }
        return date == null || time == null
                ? null
                : date.atTime(time).atZone(LONDON).toInstant().toString();
    }

    private static ReportDraft.@Nullable Location location(ReportForm form, InvalidInput.Collector problems) {
        if (ReportForm.isBlank(form.lat()) && ReportForm.isBlank(form.lon())) {
            return null;
        }
        return new ReportDraft.Location(
                number(problems, "lat", form.lat(), "The latitude must be a number, like 51.5111"),
                number(problems, "lon", form.lon(), "The longitude must be a number, like -0.1200"));
    }

    private static @Nullable Double number(
            InvalidInput.Collector problems, String field, @Nullable String text, String message) {
        if (ReportForm.isBlank(text)) {
            return null;
        }
        try {
            return Double.valueOf(text.strip());
        } catch (NumberFormatException e) {
            problems.add(field, message);
            return null;
        }
    }

    private static List<String> named(
            InvalidInput.Collector problems,
            String field,
            @Nullable String text,
            Function<String, Optional<? extends Object>> find,
            String unknown) {
        List<String> ids = new ArrayList<>();
        for (String line : text == null ? new String[0] : text.split("\\R")) {
            String name = line.strip();
            if (!name.isEmpty()) {
                find.apply(name)
                        .ifPresentOrElse(
                                id -> ids.add(id.toString()),
                                () -> problems.add(
                                        field,
                                        unknown.formatted(name.length() > 60 ? name.substring(0, 60) + "…" : name)));
            }
        }
        return ids;
    }

    private static InvolvedPerson person(PersonFields p) {
        return new InvolvedPerson(
                blankToNull(p.role()),
                blankToNull(p.sex()),
                blankToNull(p.ageRange()),
                blankToNull(p.height()),
                blankToNull(p.build()),
                blankToNull(p.hair()),
                blankToNull(p.clothing()),
                blankToNull(p.distinguishingFeatures()));
    }

    private static InvolvedVehicle vehicle(VehicleFields v) {
        return new InvolvedVehicle(
                blankToNull(v.make()),
                blankToNull(v.model()),
                blankToNull(v.colour()),
                blankToNull(v.registration()),
                blankToNull(v.direction()));
    }

    static @Nullable String blankToNull(@Nullable String text) {
        return ReportForm.isBlank(text) ? null : text.strip();
    }
}
