package org.cascadehub.alerts.web;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cascadehub.platform.InvalidInput;
import org.jspecify.annotations.Nullable;

/**
 * What was wrong with a form, ready for the GOV.UK error summary (each message linking to its
 * field) and the inline message beside each field. It answers the same questions as the
 * directory's form problems, so the shared form fragments ({@code directory/form}) show it.
 * {@code anchors} maps each field of the form to the id of the element the summary links to; a
 * problem with a field not on the form is listed without a link.
 */
record PageProblems(List<Shown> summary, Map<String, String> byField) {

    static final PageProblems NONE = new PageProblems(List.of(), Map.of());

    /** One line of the error summary; {@code href} is null when no field on the page matches. */
    record Shown(String message, @Nullable String href) {}

    static PageProblems of(InvalidInput invalid, Map<String, String> anchors) {
        Map<String, String> byField = new LinkedHashMap<>();
        for (InvalidInput.FieldProblem problem : invalid.problems()) {
            byField.merge(problem.field(), problem.message(), (a, b) -> a + " " + b);
        }
        // In the order of the form's fields, as the page reads; problems with no field come last.
        List<String> order = List.copyOf(anchors.keySet());
        List<Shown> summary = invalid.problems().stream()
                .sorted(Comparator.comparingInt(
                        p -> order.contains(p.field()) ? order.indexOf(p.field()) : order.size()))
                .map(p -> new Shown(p.message(), anchors.containsKey(p.field()) ? "#" + anchors.get(p.field()) : null))
                .toList();
        return new PageProblems(summary, byField);
    }

    /** One problem with a form whose single field is its own anchor. */
    static PageProblems of(InvalidInput invalid, String field) {
        return of(invalid, Map.of(field, field));
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
