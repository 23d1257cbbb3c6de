package org.cascadehub.alerts.cap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cascadehub.alerts.cap.CapDocuments.valid;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** The reader and writer in detail: what lands in the model, and the text forms CAP prescribes. */
class CapXmlTests {

    @Test
    void theThunderstormExampleReadsIntoTheModel() {
        CapAlert alert = CapXml.read(CapDocuments.file("thunderstorm.cap"));

        assertThat(alert.identifier()).isEqualTo("KSTO1055887203");
        assertThat(alert.sent()).isEqualTo(OffsetDateTime.parse("2003-06-17T14:57:00-07:00"));
        assertThat(alert.sent().getOffset()).isEqualTo(ZoneOffset.ofHours(-7));
        assertThat(alert.status()).isEqualTo(CapStatus.Actual);
        assertThat(alert.scope()).isEqualTo(CapScope.Public);
        CapInfo info = alert.infos().getFirst();
        assertThat(info.language()).isEqualTo("en-US");
        assertThat(info.categories()).containsExactly(CapCategory.Met);
        assertThat(info.responseTypes()).containsExactly(CapResponseType.Shelter);
        assertThat(info.severity()).isEqualTo(CapSeverity.Severe);
        assertThat(info.eventCodes()).containsExactly(new CapNamedValue("SAME", "SVR"));
        assertThat(info.expires()).isEqualTo(OffsetDateTime.parse("2003-06-17T16:00:00-07:00"));
        CapArea area = info.areas().getFirst();
        assertThat(area.polygons().getFirst().points())
                .hasSize(5)
                .startsWith(new CapPoint(38.47, -120.14))
                .endsWith(new CapPoint(38.47, -120.14));
        assertThat(area.geocodes()).extracting(CapNamedValue::value).containsExactly("006109", "006009", "006003");
    }

    @Test
    void aCapOneOneAlertReadsToo() {
        CapAlert alert = CapXml.read(CapDocuments.file("earthquake.cap"));

        assertThat(alert.codes()).containsExactly("IPAWSv1.0");
        assertThat(alert.infos().getFirst().parameters()).hasSize(12);
        assertThat(alert.infos().getFirst().areas().getFirst().circles())
                .containsExactly(new CapCircle(-16.053, -173.274, 0));
    }

    @Test
    void utcIsWrittenAsMinusZeroAndReadFromEitherSign() {
        assertThat(CapTimes.format(OffsetDateTime.parse("2026-03-01T14:00:00Z")))
                .isEqualTo("2026-03-01T14:00:00-00:00");
        assertThat(CapTimes.format(OffsetDateTime.parse("2026-03-01T14:00:00+05:30")))
                .isEqualTo("2026-03-01T14:00:00+05:30");
        assertThat(CapTimes.parse("2026-03-01T14:00:00+00:00")).isEqualTo(CapTimes.parse("2026-03-01T14:00:00-00:00"));
    }

    @Test
    void fractionsOfASecondAreDroppedBecauseCapHasNone() {
        CapReference reference = new CapReference("a", "b", OffsetDateTime.parse("2026-03-01T14:00:00.750+01:00"));

        assertThat(reference.toString()).isEqualTo("a,b,2026-03-01T14:00:00+01:00");
    }

    @Test
    void capTimesRefuseZAndMissingOffsetsWithAReason() {
        assertThatThrownBy(() -> CapTimes.parse("2026-03-01T14:00:00Z"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Z', which CAP forbids");
        assertThatThrownBy(() -> CapTimes.parse("2026-03-01T14:00:00")).hasMessageContaining("has no time zone offset");
    }

    @Test
    void anXmlSignatureIsIgnoredOnReading() {
        String signed = valid(
                "</alert>",
                "<Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\"><SignedInfo/></Signature></alert>");

        assertThat(new CapValidator().validate(bytes(signed)).errors()).isEmpty();
        assertThat(CapXml.read(bytes(signed))).isEqualTo(CapXml.read(bytes(CapDocuments.VALID)));
    }

    @Test
    void whatTheModelCannotHoldIsNamedWithItsPath() {
        assertFormatError(
                () -> CapXml.read(CapDocuments.file("invalid-missing-scope.cap")),
                "/alert",
                "<scope> is missing from <alert>.");
        assertFormatError(
                () -> CapXml.read(bytes(valid("<urgency>Immediate</urgency>", "<urgency>Now</urgency>"))),
                "/alert/info[1]/urgency",
                "<urgency> must be one of Immediate, Expected, Future, Past, Unknown; found 'Now'.");
        assertFormatError(
                () -> CapXml.read(bytes(valid("<polygon>51.5,-0.12", "<polygon>51.5 -0.12"))),
                "/alert/info[1]/area[1]/polygon[1]",
                "<polygon> point 1 '51.5' is not a 'latitude,longitude' pair such as 38.47,-120.14.");
        assertFormatError(
                () -> CapXml.read(bytes(valid("<sent>2026-03-01T14:00:00-00:00", "<sent>yesterday"))),
                "/alert/sent",
                "<sent> 'yesterday' is not a CAP date-time; write it like 2003-06-17T14:57:00-07:00.");
        assertFormatError(
                () -> CapXml.read(bytes("not xml")),
                "/",
                "The document is not well-formed XML at line 1, column 1: Content is not allowed in prolog.");
    }

    @Test
    void numbersAreWrittenPlainWithoutExponents() {
        CapCircle circle = new CapCircle(51.51, -0.12, 0.00001);

        assertThat(circle).hasToString("51.51,-0.12 0.00001");
        assertThat(new CapPolygon(List.of(new CapPoint(1e-7, 100), new CapPoint(-0.5, 2.25))))
                .hasToString("0.0000001,100 -0.5,2.25");
    }

    @Test
    void theWriterRefusesCharactersXmlCannotCarry() {
        CapAlert alert = CapXml.read(bytes(CapDocuments.VALID));
        CapAlert withBell = new CapAlert(
                alert.identifier(),
                alert.sender(),
                alert.sent(),
                alert.status(),
                alert.msgType(),
                alert.source(),
                alert.scope(),
                alert.restriction(),
                alert.addresses(),
                alert.codes(),
                "Ring \u0007",
                alert.references(),
                alert.incidents(),
                alert.infos());

        assertThatThrownBy(() -> CapXml.write(withBell))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("<note> contains the character U+0007, which XML cannot carry.");
    }

    @Test
    void theModelsListsCannotBeChangedAfterwards() {
        CapAlert alert = CapXml.read(bytes(CapDocuments.VALID));

        assertThatThrownBy(() -> alert.infos().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> alert.infos().getFirst().areas().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    private static void assertFormatError(ThrowingCallable read, String path, String problem) {
        assertThatThrownBy(read).isInstanceOfSatisfying(CapFormatException.class, e -> {
            assertThat(e.path()).isEqualTo(path);
            assertThat(e.problem()).isEqualTo(problem);
        });
    }

    private static byte[] bytes(String document) {
        return document.getBytes(StandardCharsets.UTF_8);
    }
}
