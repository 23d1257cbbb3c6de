package org.cascadehub.platform;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What was wrong with a form, ready for the GOV.UK error summary (each message linking to its
 * field) and the inline message beside each field; every module's pages show it through the shared
 * form fragments ({@code directory/form}). {@code anchors} maps each field the form has to the id
 * of the element the summary links to; a problem with a field not on the form is listed without a
 * link.
 */
public record FormProblems(List<Shown> summary, Map<String, String> byField) {

    public static final FormProblems NONE = new FormProblems(List.of(), Map.of());

    /** One line of the error summary; {@code href} is null when no field on the page matches. */
    public record Shown(String message, @Nullable String href) {}

    public static FormProblems of(InvalidInput invalid, Map<String, String> anchors) {
        Map<String, String> byField = new LinkedHashMap<>();
        for (InvalidInput.FieldProblem problem : invalid.problems()) {
            byField.merge(problem.field(), problem.message(), FormProblems::joined);
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
    public static FormProblems of(InvalidInput invalid, String... fields) {
        Map<String, String> anchors = new LinkedHashMap<>();
        for (String field : fields) {
            anchors.put(field, field);
        }
        return of(invalid, anchors);
    }

    /** Two messages for one field, as one sentence after another. */
    private static String joined(String first, String second) {
        return first.endsWith(".") ? first + " " + second : first + ". " + second;
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
