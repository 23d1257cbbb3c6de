package org.cascadehub.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Input that breaks a rule, with every problem found named by its field. The API answers it with
 * 400 problem details listing {@code errors}; pages show each message beside its field.
 */
public class InvalidInput extends RuntimeException {

    /** One rejected field and what is wrong with it, in words a person can act on. */
    public record FieldProblem(String field, String message) {}

    private final List<FieldProblem> problems;

    public InvalidInput(List<FieldProblem> problems) {
        super(problems.stream()
                .map(p -> p.field() + ": " + p.message())
                .reduce((a, b) -> a + "; " + b)
                .orElse("invalid"));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an InvalidInput names at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public static InvalidInput of(String field, String message) {
        return new InvalidInput(List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /** The same problems with their fields renamed, for input nested in a larger request. */
    public InvalidInput renamed(java.util.function.UnaryOperator<String> rename) {
        return new InvalidInput(problems.stream()
                .map(p -> new FieldProblem(rename.apply(p.field()), p.message()))
                .toList());
    }

    /** Collects problems while checking several fields, then throws them together. */
    public static final class Collector {
        private final List<FieldProblem> problems = new ArrayList<>();

        public Collector add(String field, String message) {
            problems.add(new FieldProblem(field, message));
            return this;
        }

        public Collector addAll(InvalidInput invalid) {
            problems.addAll(invalid.problems());
            return this;
        }

        /** Runs one check; its problems are collected and {@code null} answered in place of a value. */
        public <T> @Nullable T attempt(Supplier<T> check) {
            try {
                return check.get();
            } catch (InvalidInput invalid) {
                problems.addAll(invalid.problems());
                return null;
            }
        }

        public boolean isEmpty() {
            return problems.isEmpty();
        }

        public List<FieldProblem> problems() {
            return List.copyOf(problems);
        }

        public void throwIfAny() {
            if (!problems.isEmpty()) {
                throw new InvalidInput(problems);
            }
        }
    }
}
