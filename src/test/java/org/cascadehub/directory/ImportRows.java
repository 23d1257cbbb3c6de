package org.cascadehub.directory;

import static org.cascadehub.directory.ImportColumn.EMAIL;
import static org.cascadehub.directory.ImportColumn.KIND;
import static org.cascadehub.directory.ImportColumn.LATITUDE;
import static org.cascadehub.directory.ImportColumn.LONGITUDE;
import static org.cascadehub.directory.ImportColumn.ORGANISATION;
import static org.cascadehub.directory.ImportColumn.PERSON_NAME;
import static org.cascadehub.directory.ImportColumn.RECORD;
import static org.cascadehub.directory.ImportColumn.SECTORS;
import static org.cascadehub.directory.ImportColumn.SITE_NAME;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;

/** Builds import files for tests: rows of the full header, with fresh names and emails. */
final class ImportRows {

    private final Map<ImportColumn, String> values = new EnumMap<>(ImportColumn.class);

    private ImportRows(String record, String organisation) {
        values.put(RECORD, record);
        values.put(ORGANISATION, organisation);
    }

    /** A short random suffix, so names and emails are new in the shared test database. */
    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** A business in the retail sector. */
    static ImportRows organisation(String name) {
        return new ImportRows("organisation", name).with(KIND, "Business").with(SECTORS, "Retail");
    }

    /** A site on the Strand, Westminster. */
    static ImportRows site(String organisation, String name) {
        return new ImportRows("site", organisation)
                .with(SITE_NAME, name)
                .with(ImportColumn.ADDRESS, "1 Strand, London WC2N 5EJ")
                .with(LATITUDE, "51.5081")
                .with(LONGITUDE, "-0.1250");
    }

    static ImportRows person(String organisation, String name, String email) {
        return new ImportRows("person", organisation).with(PERSON_NAME, name).with(EMAIL, email);
    }

    ImportRows with(ImportColumn column, String value) {
        values.put(column, value);
        return this;
    }

    String line() {
        return CSVFormat.RFC4180.format(Arrays.stream(ImportColumn.values())
                .map(column -> values.getOrDefault(column, ""))
                .toArray());
    }

    /** The header row and the rows, with CRLF line ends: the header is line 1, the first row line 2. */
    static String csv(ImportRows... rows) {
        StringBuilder text = new StringBuilder(ImportColumn.expectedHeader()).append("\r\n");
        List.of(rows).forEach(row -> text.append(row.line()).append("\r\n"));
        return text.toString();
    }

    static byte[] bytes(ImportRows... rows) {
        return csv(rows).getBytes(StandardCharsets.UTF_8);
    }
}
