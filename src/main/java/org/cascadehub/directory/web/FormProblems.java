package org.cascadehub.directory.web;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cascadehub.platform.InvalidInput;
import org.jspecify.annotations.Nullable;

/**
 * What was wrong with a form, ready for the GOV.UK error summary (each message linking to its
 * field) and the inline message beside each field. {@code anchors} maps each field the form has
 * to the id of the element the summary links to; a problem with a field not on the form is listed
 * without a link.
 */
record FormProblems(List<Shown> summary, Map<String, String> byField) {

    static final FormProblems NONE = new FormProblems(List.of(), Map.of());

    /** One line of the error summary; {@code href} is null when no field on the page matches. */
    record Shown(String message, @Nullable String href) {}

    static FormProblems of(InvalidInput invalid, Map<String, String> anchors) {
        Map<String, String> byField = new LinkedHashMap<>();
        for (InvalidInput.FieldProblem problem : invalid.problems()) {
            byField.merge(problem.field(), problem.message(), (a, b) -> a + ". " + b);
        }
        // In the order of the form's fields, as the page reads; problems with no field come last.
        List<String> order = List.copyOf(anchors.keySet());
        List<Shown> summary = invalid.problems().stream()
                .sorted(Comparator.comparingInt(
                        p -> order.contains(p.field()) ? order.indexOf(p.field()) : order.size()))
                .map(p -> new Shown(p.message(), anchors.containsKey(p.field()) ? "#" + anchors.get(p.field()) : null))
                .toList();
        return new FormProblems(summary, byField);
    }

    /** A form whose fields are their own anchors (each input's id is its name). */
    static FormProblems of(InvalidInput invalid, String... fields) {
        Map<String, String> anchors = new LinkedHashMap<>();
        for (String field : fields) {
            anchors.put(field, field);
        }
        return of(invalid, anchors);
    }

    public boolean any() {
        return !summary.isEmpty();
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public @Nullable String message(String field) {
        return byField.get(field);
    }
}
