package org.cascadehub.directory;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.cascadehub.directory.ImportColumn.Kind;
import org.jspecify.annotations.Nullable;

/**
 * An import file read into rows: UTF-8 text, RFC 4180 CSV (Commons CSV does the quoting), a
 * header row naming the columns, then one row per organisation, site or person. Problems with
 * the file as a whole are thrown at once; problems with single rows are kept in
 * {@link #problems()} for the caller to report beside its own.
 */
record ImportFile(List<ImportRow> rows, List<ImportProblem> problems) {

    private static final CSVFormat CSV =
            CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    /** A CSV record and the physical line it starts on. */
    private record Line(int number, CSVRecord record) {
        boolean blank() {
            return record.stream().allMatch(value -> value.isBlank());
        }
    }

    static ImportFile read(byte[] bytes, long maxBytes, int maxRows) {
        requireSize(bytes.length, maxBytes);
        List<Line> lines = records(ImportText.decode(bytes));
        if (lines.isEmpty()) {
            throw ImportRejected.of(ImportProblem.ofFile(
                    "The file is empty. Start from the template, which has the header row and examples."));
        }
        Line header = lines.getFirst();
        List<Line> data = lines.subList(1, lines.size());
        if (data.isEmpty()) {
            throw ImportRejected.of(new ImportProblem(
                    header.number(),
                    "file",
                    "The file has only a header row. Add a row for each organisation, site and person."));
        }
        if (data.size() > maxRows) {
            throw ImportRejected.of(ImportProblem.ofFile("The file has " + data.size()
                    + " rows; an import takes at most " + maxRows
                    + ". Split it into smaller files, keeping each organisation's sites and people "
                    + "in the same file as the organisation."));
        }
        ImportHeader columns =
                ImportHeader.read(header.number(), header.record().toList());
        columns.check(kindsIn(data, columns));
        List<ImportRow> rows = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        for (Line line : data) {
            rows.add(row(line, columns, problems));
        }
        return new ImportFile(List.copyOf(rows), List.copyOf(problems));
    }

    /** Refuses a file larger than the limit, before anyone reads it. */
    static void requireSize(long bytes, long maxBytes) {
        if (bytes > maxBytes) {
            throw new ImportRejected(
                    List.of(ImportProblem.ofFile("The file is " + size(bytes) + "; an import takes at most "
                            + size(maxBytes) + ". Split it into smaller files, keeping each organisation's sites "
                            + "and people in the same file as the organisation.")),
                    true);
        }
    }

    private static ImportRow row(Line line, ImportHeader header, List<ImportProblem> problems) {
        Map<ImportColumn, String> values = new EnumMap<>(ImportColumn.class);
        boolean stray = false;
        for (int i = 0; i < line.record().size(); i++) {
            String value = line.record().get(i);
            Optional<ImportColumn> column = header.at(i);
            if (column.isPresent()) {
                values.put(column.get(), value);
            } else if (!value.isBlank()) {
                stray = true;
            }
        }
        if (stray) {
            problems.add(new ImportProblem(
                    line.number(),
                    "file",
                    "This row has a value in a column with no heading (it has "
                            + line.record().size()
                            + " values; the header names " + header.size() + " columns). A value that "
                            + "contains a comma must be in double quotes."));
        }
        return new ImportRow(line.number(), values);
    }

    private static Set<Kind> kindsIn(List<Line> data, ImportHeader header) {
        Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        header.indexOf(ImportColumn.RECORD)
                .ifPresent(index -> data.forEach(line -> {
                    if (index < line.record().size()) {
                        Kind.parse(line.record().get(index)).ifPresent(kinds::add);
                    }
                }));
        return kinds;
    }

    /** The non-blank records with the line each starts on; rows of only commas count as blank. */
    private static List<Line> records(String text) {
        List<Line> lines = new ArrayList<>();
        int number = 1;
        try (CSVParser parser = CSV.parse(new StringReader(text))) {
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                CSVRecord record = next(records, number);
                if (record == null) {
                    return lines;
                }
                Line line = new Line(number, record);
                if (!line.blank()) {
                    lines.add(line);
                }
                number += 1 + record.stream().mapToInt(ImportText::lineBreaks).sum();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static @Nullable CSVRecord next(Iterator<CSVRecord> records, int line) {
        try {
            return records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException | IllegalStateException e) {
            String cause = String.valueOf(e.getMessage());
            String message = cause.contains("EOF reached before encapsulated token finished")
                    ? "A value on this line opens a double quote (\") that is never closed. "
                            + "Close it, or remove it if it is not meant to quote the value."
                    : cause.contains("between encapsulated token and delimiter")
                            ? "The double quotes in this row do not pair up: a quoted value has more text "
                                    + "after its closing quote, or a quote opened here only closes on a later line. "
                                    + "Inside a quoted value, write a double quote as two (\"\")."
                            : "This line cannot be read as CSV; check its double quotes.";
            throw ImportRejected.of(new ImportProblem(line, "file", message));
        }
    }

    /** A size as people read it: "5 MB", "6.3 MB", "800 KB". */
    static String size(long bytes) {
        long mb = 1024 * 1024;
        if (bytes >= mb) {
            return bytes % mb == 0
                    ? bytes / mb + " MB"
                    : String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (double) mb);
        }
        return bytes >= 1024 ? (bytes + 1023) / 1024 + " KB" : bytes + " bytes";
    }
}
