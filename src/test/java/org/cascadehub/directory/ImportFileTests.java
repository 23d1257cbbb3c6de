package org.cascadehub.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading an import file: encoding, CSV, header, limits, and the line every row starts on. */
class ImportFileTests {

    static final String HEADER = ImportColumn.expectedHeader();
    static final long FIVE_MB = 5L * 1024 * 1024;

    static ImportFile read(String text) {
        return ImportFile.read(text.getBytes(StandardCharsets.UTF_8), FIVE_MB, 5000);
    }

    static ImportProblem onlyProblem(Runnable read) {
        try {
            read.run();
        } catch (ImportRejected rejected) {
            assertThat(rejected.importProblems()).hasSize(1);
            return rejected.importProblems().getFirst();
        }
        throw new AssertionError("the file was accepted");
    }

    static ImportProblem problemReading(String text) {
        return onlyProblem(() -> read(text));
    }

    static ImportProblem problemReading(byte[] bytes) {
        return onlyProblem(() -> ImportFile.read(bytes, FIVE_MB, 5000));
    }

    /** A person row with every other column empty, in the order of the expected header. */
    static String person(String organisation, String name, String email) {
        return "person," + quoted(organisation) + ",,,,,,,,,," + quoted(name) + "," + email + ",,,,,";
    }

    static String quoted(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }

    @Test
    void rowsKeepTheirValuesByColumnAndTheLineTheyStartOn() {
        ImportFile file = read(HEADER + "\n" + person("Acme", "Ann Lee", "ann@acme.test") + "\n"
                + person("Acme", "Bob Ray", "bob@acme.test") + "\n");

        assertThat(file.rows()).extracting(ImportRow::line).containsExactly(2, 3);
        assertThat(file.rows().get(1).text(ImportColumn.EMAIL)).isEqualTo("bob@acme.test");
        assertThat(file.rows().get(1).text(ImportColumn.RECORD)).isEqualTo("person");
        assertThat(file.rows().get(1).optional(ImportColumn.PHONE)).isNull();
        assertThat(file.problems()).isEmpty();
    }

    @Test
    void aQuotedValueOverSeveralLinesPutsTheNextRowOnItsPhysicalLine() {
        String site = "site,Acme,,,,,,\"1 High Street\nSecond floor\r\nLondon\",Shop,51.5,-0.12,,,,,,,";
        ImportFile file = read(HEADER + "\r\n" + site + "\r\n" + person("Acme", "Ann", "ann@acme.test") + "\r\n");

        assertThat(file.rows()).extracting(ImportRow::line).containsExactly(2, 5);
        assertThat(file.rows().getFirst().text(ImportColumn.ADDRESS))
                .isEqualTo("1 High Street\nSecond floor\r\nLondon");
    }

    @Test
    void oldMacLineEndsAndBlankLinesCountAsLines() {
        ImportFile file = read(HEADER + "\r\r" + person("Acme", "Ann", "ann@acme.test") + "\r,,,,\r"
                + person("Acme", "Bob", "bob@acme.test"));

        assertThat(file.rows()).extracting(ImportRow::line).containsExactly(3, 5);
    }

    @Test
    void aByteOrderMarkIsDropped() {
        byte[] text = (HEADER + "\n" + person("Café Zoë", "Zoë", "zoe@cafe.test")).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream withMark = new ByteArrayOutputStream();
        withMark.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        withMark.writeBytes(text);

        ImportFile file = ImportFile.read(withMark.toByteArray(), FIVE_MB, 5000);

        assertThat(file.rows().getFirst().text(ImportColumn.RECORD)).isEqualTo("person");
        assertThat(file.rows().getFirst().text(ImportColumn.ORGANISATION)).isEqualTo("Café Zoë");
    }

    @Test
    void invalidUtf8IsRefusedWithTheLineOfTheFirstBadByte() {
        // "Café" as Windows-1252 writes it: é is the single byte 0xE9.
        byte[] bytes = concat(
                (HEADER + "\r\n" + person("Acme", "Ann", "ann@acme.test") + "\r\n").getBytes(StandardCharsets.UTF_8),
                "person,Caf".getBytes(StandardCharsets.US_ASCII),
                new byte[] {(byte) 0xE9},
                ",,,,,,,,,,Jo,jo@cafe.test,,,,,".getBytes(StandardCharsets.US_ASCII));

        ImportProblem problem = problemReading(bytes);

        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.column()).isEqualTo("file");
        assertThat(problem.message()).contains("not UTF-8").contains("0xE9").contains("CSV UTF-8");
    }

    @Test
    void utf16IsRefusedAsNotUtf8() {
        byte[] utf16 = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, HEADER.getBytes(StandardCharsets.UTF_16LE));

        ImportProblem problem = problemReading(utf16);

        assertThat(problem.line()).isEqualTo(1);
        assertThat(problem.message()).contains("UTF-16").contains("CSV UTF-8");
    }

    @Test
    void utf16WithoutAMarkIsCaughtByItsNulCharacters() {
        ImportProblem problem = problemReading(
                (HEADER + "\n" + person("Acme", "Ann", "ann@acme.test")).getBytes(StandardCharsets.UTF_16LE));

        assertThat(problem.line()).isEqualTo(1);
        assertThat(problem.message()).contains("NUL").contains("CSV UTF-8");
    }

    @Test
    void missingAndUnknownColumnsAreOneProblemNamingThemAndTheExpectedHeader() {
        ImportProblem problem =
                problemReading("record,organisation,person_name,emial,telephone\nperson,Acme,Ann,ann@acme.test,0207\n");

        assertThat(problem.line()).isEqualTo(1);
        assertThat(problem.column()).isEqualTo("header");
        assertThat(problem.message())
                .contains("Missing: email.")
                .contains("Not recognised: emial, telephone.")
                .contains(HEADER);
    }

    @Test
    void onlyTheColumnsThatTheFilesKindsOfRowNeedAreRequired() {
        ImportFile people = read("record,organisation,person_name,email\nperson,Acme,Ann,ann@acme.test\n");
        assertThat(people.rows()).hasSize(1);

        ImportProblem sites = problemReading("record,organisation,site_name,address\nsite,Acme,Shop,1 High St\n");
        assertThat(sites.message()).contains("Missing: latitude, longitude.");

        ImportProblem noRecord = problemReading("organisation,email\nAcme,ann@acme.test\n");
        assertThat(noRecord.message()).contains("Missing: record.");
    }

    @Test
    void headerNamesForgiveCaseSpacesAndDashes() {
        ImportFile file = read("Record, Organisation ,Person-Name,EMAIL\nperson,Acme,Ann,ann@acme.test\n");

        assertThat(file.rows().getFirst().text(ImportColumn.PERSON_NAME)).isEqualTo("Ann");
    }

    @Test
    void aColumnNamedTwiceIsAHeaderProblem() {
        ImportProblem problem = problemReading(
                "record,organisation,person_name,email,Email\nperson,Acme,Ann,a@acme.test,b@acme.test\n");

        assertThat(problem.message()).contains("More than once: email.");
    }

    @Test
    void semicolonSeparatedFilesAreRecognised() {
        ImportProblem problem = problemReading("record;organisation;person_name;email\nperson;Acme;Ann;a@acme.test\n");

        assertThat(problem.column()).isEqualTo("header");
        assertThat(problem.message()).contains("semicolons").contains("CSV UTF-8 (Comma delimited)");
    }

    @Test
    void anEmptyFileAHeaderAloneAndBlankLinesAreRefused() {
        assertThat(problemReading("").message()).contains("The file is empty");
        assertThat(problemReading("\n,,,\n\n").message()).contains("The file is empty");
        ImportProblem headerOnly = problemReading(HEADER + "\r\n,,,,\r\n");
        assertThat(headerOnly.line()).isEqualTo(1);
        assertThat(headerOnly.message()).contains("only a header row");
    }

    @Test
    void tooManyRowsAreRefused() {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < 4; i++) {
            text.append(person("Acme", "P" + i, "p" + i + "@acme.test")).append('\n');
        }

        ImportProblem problem =
                onlyProblem(() -> ImportFile.read(text.toString().getBytes(StandardCharsets.UTF_8), FIVE_MB, 3));

        assertThat(problem.line()).isNull();
        assertThat(problem.message()).contains("The file has 4 rows; an import takes at most 3");
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedAsTooLarge() {
        byte[] big = new byte[(int) FIVE_MB + 1];

        ImportRejected rejected = (ImportRejected)
                org.assertj.core.api.Assertions.catchThrowable(() -> ImportFile.read(big, FIVE_MB, 5000));

        assertThat(rejected.tooLarge()).isTrue();
        assertThat(rejected.importProblems().getFirst().message())
                .contains("The file is 5.0 MB; an import takes at most 5 MB");
    }

    @Test
    void anUnclosedQuoteIsReportedAtTheLineItOpens() {
        ImportProblem problem = problemReading(HEADER + "\n" + person("Acme", "Ann", "ann@acme.test") + "\n"
                + "person,\"Acme,,,,,,,,,,Bob,bob@acme.test,,,,,\nperson,Acme,,,,,,,,,,Cy,cy@acme.test,,,,,\n");

        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.message()).contains("never closed");
    }

    @Test
    void aQuoteThatClosesOnALaterRowIsReportedAtTheRowItOpens() {
        ImportProblem problem = problemReading(HEADER + "\n" + person("Acme", "Ann", "ann@acme.test") + "\n"
                + "person,\"Acme,,,,,,,,,,Bob,bob@acme.test,,,,,\n" + person("Acme", "Cy", "cy@acme.test") + "\n");

        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.message()).contains("do not pair up");
    }

    @Test
    void textAfterAClosingQuoteIsReportedAtItsLine() {
        ImportProblem problem = problemReading(HEADER + "\n" + person("Acme", "Ann", "ann@acme.test")
                + "\nperson,\"Acme\" Ltd,,,,,,,,,,Bob,b@acme.test\n");

        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.message()).contains("after its closing quote");
    }

    @Test
    void valuesBeyondTheHeaderAreAProblemOnTheirRow() {
        ImportFile file = read("record,organisation,person_name,email\n"
                + "person,Acme,Ann,ann@acme.test\n"
                + "person,Acme Holdings, Ltd,Bob,bob@acme.test\n"
                + "person,Acme,Cy,cy@acme.test,,,\n");

        assertThat(file.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).contains("no heading").contains("double quotes");
        });
    }

    @Test
    void sizesReadAsPeopleReadThem() {
        assertThat(ImportFile.size(5L * 1024 * 1024)).isEqualTo("5 MB");
        assertThat(ImportFile.size(6_606_028)).isEqualTo("6.3 MB");
        assertThat(ImportFile.size(800 * 1024)).isEqualTo("800 KB");
    }

    @Test
    void theTemplateReadsBackWithOneRowOfEachKind() {
        ImportFile file = read(ImportTemplate.text());

        assertThat(file.rows())
                .extracting(row -> row.text(ImportColumn.RECORD))
                .containsExactly("organisation", "site", "person");
        assertThat(file.problems()).isEmpty();
    }

    @Test
    void rejectionsListProblemsInLineOrder() {
        ImportRejected rejected = new ImportRejected(List.of(
                new ImportProblem(9, "email", "b"), new ImportProblem(2, "kind", "a"), ImportProblem.ofFile("c")));

        assertThat(rejected.importProblems()).extracting(ImportProblem::message).containsExactly("c", "a", "b");
        assertThat(rejected.problems()).extracting(p -> p.field()).contains("line 2: kind");
        assertThatThrownBy(() -> {
                    throw rejected;
                })
                .isInstanceOf(org.cascadehub.platform.InvalidInput.class);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
