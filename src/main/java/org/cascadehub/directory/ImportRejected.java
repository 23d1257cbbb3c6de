package org.cascadehub.directory;

import java.util.Comparator;
import java.util.List;
import org.cascadehub.platform.InvalidInput;

/**
 * An import file that cannot be imported, with every problem found, by line. Nothing was
 * written. It is an {@link InvalidInput}, so a caller that does not know about lines still
 * answers 400 naming each problem.
 */
public class ImportRejected extends InvalidInput {

    private final List<ImportProblem> importProblems;
    private final boolean tooLarge;

    ImportRejected(List<ImportProblem> problems, boolean tooLarge) {
        super(problems.stream()
                .map(p -> new FieldProblem(
                        p.line() == null ? p.column() : "line " + p.line() + ": " + p.column(), p.message()))
                .toList());
        this.importProblems = problems.stream()
                .sorted(Comparator.comparing(ImportProblem::line, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
        this.tooLarge = tooLarge;
    }

    ImportRejected(List<ImportProblem> problems) {
        this(problems, false);
    }

    static ImportRejected of(ImportProblem problem) {
        return new ImportRejected(List.of(problem));
    }

    /** Every problem, in the order of the lines they are on. */
    public List<ImportProblem> importProblems() {
        return importProblems;
    }

    /** The file is larger than an import takes (the API answers 413). */
    public boolean tooLarge() {
        return tooLarge;
    }
}
