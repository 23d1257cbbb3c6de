package org.cascadehub.alerts.cap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cascadehub.alerts.cap.CapValidation.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and broken input: DTDs, entities, XInclude, external schemas, oversize, deep nesting
 * and non-XML are refused with a clear error, nothing is read from disk, and no exception
 * escapes the validator.
 */
class CapParserSafetyTests {

    private static final String SECRET = "SECRET-FROM-DISK-4711";
    private static final String DTD_REFUSED = "The document declares a DTD (<!DOCTYPE ...>). CAP alerts may not";

    private final CapValidator validator = new CapValidator();

    @TempDir
    Path dir;

    @Test
    void billionLaughsIsRefusedBeforeAnyEntityIsExpanded() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE alert [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            String previous = "&lol" + (i - 1) + ";";
            dtd.append("<!ENTITY lol")
                    .append(i)
                    .append(" \"")
                    .append(previous.repeat(10))
                    .append("\">");
        }
        String document = "<?xml version=\"1.0\"?>" + dtd + "]>"
                + CapDocuments.VALID
                        .substring(CapDocuments.VALID.indexOf("<alert"))
                        .replace("<event>Suspicious package</event>", "<event>&lol9;</event>");

        assertRefusedAsDtd(document);
    }

    @Test
    void anExternalEntityIsNotReadFromDisk() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), SECRET);
        String document = "<?xml version=\"1.0\"?><!DOCTYPE alert [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
                + CapDocuments.VALID
                        .substring(CapDocuments.VALID.indexOf("<alert"))
                        .replace("<event>Suspicious package</event>", "<event>&xxe;</event>");

        assertRefusedAsDtd(document);
    }

    @Test
    void anExternalDtdIsNotFetched() throws IOException {
        Path dtd = Files.writeString(dir.resolve("evil.dtd"), "<!ENTITY % all \"" + SECRET + "\">");
        String document = "<?xml version=\"1.0\"?><!DOCTYPE alert SYSTEM \"" + dtd.toUri() + "\">"
                + CapDocuments.VALID.substring(CapDocuments.VALID.indexOf("<alert"));

        assertRefusedAsDtd(document);
    }

    @Test
    void xincludeIsReportedAndNotFollowed() throws IOException {
        Path secret = Files.writeString(dir.resolve("included.txt"), SECRET);
        String document = CapDocuments.VALID
                .replace("<alert xmlns=", "<alert xmlns:xi=\"http://www.w3.org/2001/XInclude\" xmlns=")
                .replace(
                        "<code>CASCADE</code>",
                        "<code>CASCADE</code><note><xi:include href=\"" + secret.toUri()
                                + "\" parse=\"text\"/></note>");

        CapValidation result = validator.validate(bytes(document));

        assertThat(result.errors())
                .containsExactly(new Problem(
                        "/alert/note/xi:include",
                        "<xi:include> is an XInclude instruction. CAP alerts must be self-contained, so it was not"
                                + " followed and nothing was included."));
        assertNoSecretIn(result);
        assertThatThrownBy(() -> CapXml.read(bytes(document)))
                .isInstanceOf(CapFormatException.class)
                .hasMessageContaining("XInclude")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void aSchemaLocationHintIsIgnored() throws IOException {
        Path schema = Files.writeString(dir.resolve("evil.xsd"), "not a schema " + SECRET);
        String document = CapDocuments.VALID.replace(
                "<alert xmlns=",
                "<alert xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\""
                        + CapXml.NAMESPACE + " " + schema.toUri() + "\" xmlns=");

        CapValidation result = validator.validate(bytes(document));

        assertThat(result.errors()).isEmpty();
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void aDocumentOverOneMegabyteIsRefusedUnread() {
        byte[] huge = bytes(CapDocuments.VALID.replace(
                "<code>CASCADE</code>", "<code>CASCADE</code><note>" + "x".repeat(CapXml.MAX_BYTES) + "</note>"));

        assertThat(validator.validate(huge).errors())
                .containsExactly(new Problem(
                        "/", "The document is " + huge.length + " bytes; the most accepted is 1048576 bytes (1 MB)."));
        assertThatThrownBy(() -> CapXml.read(huge)).isInstanceOf(CapFormatException.class);
    }

    @Test
    void textThatIsNotXmlSaysSo() {
        assertThat(validator.validate(bytes("Flood warning for the Strand")).errors())
                .containsExactly(new Problem(
                        "/",
                        "The document is not well-formed XML at line 1, column 1: Content is not allowed in prolog."));
    }

    @Test
    void anEmptyDocumentSaysSo() {
        assertThat(validator.validate(new byte[0]).errors())
                .containsExactly(new Problem("/", "The document is empty: send a CAP 1.2 <alert>."));
        assertThat(validator.validate(bytes("   ")).errors())
                .extracting(Problem::message)
                .containsExactly("The document is empty or ends too soon: it is not a complete XML document.");
    }

    @Test
    void brokenXmlNamesWhereItBroke() {
        String broken = CapDocuments.VALID.replace("</sender>", "</sendr>");

        CapValidation result = validator.validate(bytes(broken));

        assertThat(result.errors()).hasSize(1);
        assertThat(result.errors().getFirst().path()).isEqualTo("/alert/sender");
        assertThat(result.errors().getFirst().message())
                .startsWith("The document is not well-formed XML at line 4")
                .contains("sender");
    }

    @Test
    void deepNestingIsRefused() {
        String deep =
                "<alert xmlns='" + CapXml.NAMESPACE + "'>" + "<a>".repeat(5_000) + "</a>".repeat(5_000) + "</alert>";

        assertThat(validator.validate(bytes(deep)).errors())
                .extracting(Problem::message)
                .containsExactly("The document nests elements more than 64 deep; a CAP alert needs far fewer.");
    }

    @Test
    void anotherDocumentTypeOrCapVersionIsNamed() {
        assertThat(validator
                        .validate(bytes("<alert xmlns='http://www.incident.com/cap/1.0'/>"))
                        .errors())
                .containsExactly(new Problem(
                        "/alert",
                        "The document is <alert> in namespace 'http://www.incident.com/cap/1.0'; a CAP 1.2 message is"
                                + " an <alert> in namespace urn:oasis:names:tc:emergency:cap:1.2."));
        assertThat(validator.validate(bytes("<rss version='2.0'/>")).errors())
                .extracting(Problem::path)
                .containsExactly("/rss");
    }

    @Test
    void noPrefixOfAValidDocumentAndNoRandomBytesMakeAnythingThrowButAFormatError() {
        byte[] valid = bytes(CapDocuments.VALID);
        Random random = new Random(42);
        List<byte[]> inputs = new ArrayList<>();
        for (int length = 0; length < valid.length; length += 11) {
            inputs.add(Arrays.copyOf(valid, length));
        }
        for (int i = 0; i < 30; i++) {
            byte[] noise = valid.clone();
            for (int flips = 0; flips < 5; flips++) {
                noise[random.nextInt(noise.length)] = (byte) random.nextInt(256);
            }
            inputs.add(noise);
        }

        for (byte[] input : inputs) {
            CapValidation result = validator.validate(input);
            assertThat(result.errors()).noneMatch(p -> p.message().contains("internal problem"));
            Throwable thrown = catchThrowable(() -> CapXml.read(input));
            if (thrown != null) {
                assertThat(thrown).isInstanceOf(CapFormatException.class);
            }
            if (result.valid()) {
                assertThat(thrown).isNull();
            }
        }
    }

    @Test
    void manyThreadsShareTheValidatorSafely() throws Exception {
        byte[] valid = bytes(CapDocuments.VALID);
        byte[] invalid = CapDocuments.file("invalid-missing-scope.cap");
        CapValidation validResult = validator.validate(valid);
        CapValidation invalidResult = validator.validate(invalid);
        List<Future<Boolean>> checks = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 64; i++) {
                boolean even = i % 2 == 0;
                checks.add(threads.submit(
                        () -> validator.validate(even ? valid : invalid).equals(even ? validResult : invalidResult)));
            }
        }

        for (Future<Boolean> check : checks) {
            assertThat(check.get()).isTrue();
        }
    }

    private void assertRefusedAsDtd(String document) {
        CapValidation result = validator.validate(bytes(document));

        assertThat(result.valid()).isFalse();
        assertThat(result.errors()).hasSize(1);
        assertThat(result.errors().getFirst().message()).startsWith(DTD_REFUSED);
        assertNoSecretIn(result);
        assertThatThrownBy(() -> CapXml.read(bytes(document)))
                .isInstanceOf(CapFormatException.class)
                .hasMessageStartingWith(DTD_REFUSED)
                .hasMessageNotContaining(SECRET);
    }

    private static void assertNoSecretIn(CapValidation result) {
        assertThat(result.toString()).doesNotContain(SECRET);
    }

    private static byte[] bytes(String document) {
        return document.getBytes(StandardCharsets.UTF_8);
    }
}
