package org.cascadehub.directory;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cascadehub.directory.ImportColumn.Kind;

/**
 * The header row of an import file: which column is at which position. Names are forgiving
 * ({@link ImportColumn#byHeader}); unknown, repeated or missing names are one problem, listed
 * together with the header expected, since no row can be read safely under a wrong header.
 */
final class ImportHeader {

    private final int line;
    private final List<Optional<ImportColumn>> positions = new ArrayList<>();
    private final List<String> unknown = new ArrayList<>();
    private final Set<ImportColumn> twice = EnumSet.noneOf(ImportColumn.class);
    private final boolean semicolons;

    private ImportHeader(int line, List<String> cells) {
        this.line = line;
        Set<ImportColumn> seen = EnumSet.noneOf(ImportColumn.class);
        for (String cell : cells) {
            Optional<ImportColumn> column = ImportColumn.byHeader(cell);
            column.filter(c -> !seen.add(c)).ifPresent(twice::add);
            if (column.isEmpty() && !cell.isBlank()) {
                unknown.add(cell.strip());
            }
            positions.add(column);
        }
        List<String> named = cells.stream().filter(c -> !c.isBlank()).toList();
        this.semicolons = named.size() == 1 && named.getFirst().contains(";");
    }

    static ImportHeader read(int line, List<String> cells) {
        return new ImportHeader(line, cells);
    }

    /** Throws unless the header names every column the file's kinds of row need, and nothing else. */
    void check(Set<Kind> kinds) {
        if (semicolons) {
            throw problem(
                    "The columns are separated by semicolons; an import needs commas. " + ImportText.SAVE_AS_UTF8);
        }
        List<String> missing = new ArrayList<>();
        for (ImportColumn column : ImportColumn.values()) {
            boolean needed = column == ImportColumn.RECORD
                    || column == ImportColumn.ORGANISATION
                    || kinds.stream().anyMatch(column::neededBy);
            if (needed && indexOf(column).isEmpty()) {
                missing.add(column.header());
            }
        }
        if (missing.isEmpty() && unknown.isEmpty() && twice.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder("The header row is not what an import expects.");
        if (!missing.isEmpty()) {
            message.append(" Missing: ").append(String.join(", ", missing)).append('.');
        }
        if (!unknown.isEmpty()) {
            message.append(" Not recognised: ")
                    .append(String.join(", ", unknown))
                    .append('.');
        }
        if (!twice.isEmpty()) {
            message.append(" More than once: ")
                    .append(String.join(
                            ", ", twice.stream().map(ImportColumn::header).toList()))
                    .append('.');
        }
        message.append(" The header row should be: ")
                .append(ImportColumn.expectedHeader())
                .append(" (in any order; a column no row uses may be left out).");
        throw problem(message.toString());
    }

    Optional<ImportColumn> at(int index) {
        return index < positions.size() ? positions.get(index) : Optional.empty();
    }

    Optional<Integer> indexOf(ImportColumn column) {
        int index = positions.indexOf(Optional.of(column));
        return index < 0 ? Optional.empty() : Optional.of(index);
    }

    /** How many columns the header names. */
    int size() {
        return (int) positions.stream().filter(Optional::isPresent).count();
    }

    private ImportRejected problem(String message) {
        return ImportRejected.of(new ImportProblem(line, "header", message));
    }
}
