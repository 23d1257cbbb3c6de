package org.cascadehub.alerts.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.cascadehub.platform.InvalidInput;
import org.jspecify.annotations.Nullable;

/**
 * The alert form's fields as problems name them: the order the page shows them in (for the error
 * summary), and the form field each of the service's fields is typed into.
 */
final class AlertFormFields {

    /** Each field, in the order the page shows them, and the id of the element the error summary links to. */
    static final Map<String, String> ANCHORS = anchors();

    private static final Set<String> AREA_FIELDS =
            Set.of("area", "boroughs", "polygon", "circleLat", "circleLon", "circleRadiusKm");
    private static final Set<String> EXPIRY_FIELDS = Set.of("expiry", "expiresInMinutes", "expiresAt");

    private AlertFormFields() {}

    /**
     * The service's problems named by this form's fields. Where the form already found what is
     * wrong with the area or the expiry, the service's view of the same part (it saw it as
     * absent) is left out.
     */
    static InvalidInput merged(InvalidInput.Collector formProblems, @Nullable InvalidInput service, String expiry) {
        Set<String> reported = formProblems.problems().stream()
                .map(InvalidInput.FieldProblem::field)
                .collect(Collectors.toSet());
        boolean areaReported = reported.stream().anyMatch(AREA_FIELDS::contains);
        boolean expiryReported = reported.stream().anyMatch(EXPIRY_FIELDS::contains);
        InvalidInput.Collector all = new InvalidInput.Collector().addAll(new InvalidInput(formProblems.problems()));
        if (service != null) {
            for (InvalidInput.FieldProblem problem : service.problems()) {
                String field = fieldOf(problem.field(), expiry);
                boolean moot = reported.contains(field)
                        || (areaReported && AREA_FIELDS.contains(field))
                        || (expiryReported && EXPIRY_FIELDS.contains(field));
                if (!moot) {
                    all.add(field, problem.message());
                }
            }
        }
        return new InvalidInput(all.problems());
    }

    /** The form field a service field is typed into. */
    static String fieldOf(String serviceField, @Nullable String expiry) {
        return switch (serviceField) {
            case "area.boroughs" -> "boroughs";
            case "area.polygon" -> "polygon";
            case "area.circle" -> "circleLat";
            case "area.circle.radiusKm" -> "circleRadiusKm";
            case "expires" -> "at".equals(expiry) ? "expiresAt" : "expiry";
            default ->
                serviceField.startsWith("audience.") ? serviceField.substring("audience.".length()) : serviceField;
        };
    }

    private static Map<String, String> anchors() {
        Map<String, String> anchors = new LinkedHashMap<>();
        for (String field : List.of(
                "headline",
                "event",
                "description",
                "instruction",
                "category",
                "urgency",
                "severity",
                "certainty",
                "responseType",
                "tlp",
                "expiry",
                "expiresInMinutes",
                "expiresAt",
                "area",
                "boroughs",
                "polygon",
                "circleLat",
                "circleLon",
                "circleRadiusKm",
                "sectors",
                "sharingGroups",
                "roles",
                "organisations",
                "people")) {
            anchors.put(field, field);
        }
        anchors.put("approval", "action-submit");
        return anchors;
    }
}
