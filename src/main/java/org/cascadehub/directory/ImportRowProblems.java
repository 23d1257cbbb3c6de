package org.cascadehub.directory;

import static org.cascadehub.directory.ImportColumn.LATITUDE;
import static org.cascadehub.directory.ImportColumn.LONGITUDE;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.cascadehub.directory.ImportColumn.Kind;
import org.cascadehub.platform.InvalidInput;
import org.jspecify.annotations.Nullable;

/** The problems on one row; a column reported by its own reading is not reported again by a service. */
final class ImportRowProblems {
    private final ImportRow row;
    private final InvalidInput.Collector collector = new InvalidInput.Collector();

    ImportRowProblems(ImportRow row) {
        this.row = row;
    }

    void add(String column, String message) {
        collector.add(column, message);
    }

    <T> @Nullable T attempt(Supplier<T> read) {
        return collector.attempt(read);
    }

    /** Runs a check whose problems another check already reports. */
    <T> @Nullable T quietly(Supplier<T> check) {
        try {
            return check.get();
        } catch (InvalidInput alreadyReported) {
            return null;
        }
    }

    /** Runs a service's check, naming each problem by the column it is about. */
    void service(Map<String, String> fields, Runnable check) {
        try {
            check.run();
        } catch (InvalidInput invalid) {
            for (InvalidInput.FieldProblem problem : invalid.problems()) {
                String column = fields.getOrDefault(problem.field(), problem.field());
                if (!reported(column)) {
                    collector.add(column, problem.message());
                }
            }
        }
    }

    /** Values in columns this kind of row does not use are mistakes, not to be dropped quietly. */
    void unused(Kind kind) {
        row.values().forEach((column, value) -> {
            if (!value.isBlank() && !column.usedBy(kind)) {
                add(
                        column.header(),
                        "Leave " + column.header() + " empty on " + kind.label() + " rows; it is for "
                                + column.usedByWords());
            }
        });
    }

    private boolean reported(String column) {
        return collector.problems().stream()
                .anyMatch(p -> p.field().equals(column)
                        || (column.equals(LATITUDE.header()) && p.field().equals(LONGITUDE.header())));
    }

    List<ImportProblem> problems() {
        return collector.problems().stream()
                .map(p -> new ImportProblem(row.line(), p.field(), p.message()))
                .toList();
    }
}
