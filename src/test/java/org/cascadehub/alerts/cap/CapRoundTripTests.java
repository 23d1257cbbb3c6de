package org.cascadehub.alerts.cap;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Read, write, validate against the schema, read again: the same alert. */
class CapRoundTripTests {

    private final CapValidator validator = new CapValidator();

    @ParameterizedTest
    @FieldSource("org.cascadehub.alerts.cap.CapDocuments#VALID_FILES")
    void everySharedFileSurvivesARoundTrip(String file) {
        CapAlert read = CapXml.read(CapDocuments.file(file));

        byte[] written = CapXml.write(read);

        CapValidation validation = validator.validate(written);
        assertThat(validation.errors()).as(file).isEmpty();
        assertThat(validation.warnings()).as(file).isEmpty();
        assertThat(CapXml.read(written)).isEqualTo(read);
    }

    @Test
    void aFullAlertSurvivesARoundTrip() {
        CapAlert alert = everything();

        byte[] written = CapXml.write(alert);

        CapValidation validation = validator.validate(written);
        assertThat(validation.errors()).isEmpty();
        assertThat(validation.warnings()).isEmpty();
        assertThat(CapXml.read(written)).isEqualTo(alert);
    }

    @Test
    void theWrittenFullAlertIsTheSpecificationsShape() {
        String xml = new String(CapXml.write(everything()), StandardCharsets.UTF_8);

        assertThat(xml)
                .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .contains("<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">")
                .contains("<sent>2026-03-01T14:00:00-00:00</sent>")
                .contains("<onset>2026-03-01T19:35:00+05:30</onset>")
                .contains("<addresses>police@cascade.test \"Strand Arcade\"</addresses>")
                .contains("<references>alerts@cascade.test,MPS-2026-0000,2026-03-01T13:00:00-00:00</references>")
                .contains("<incidents>strand-2026-03 \"Strand cordon\"</incidents>")
                .contains("<polygon>51.5,-0.12 51.6,-0.12 51.6,-0.1 51.5,-0.12</polygon>")
                .contains("<circle>51.51,-0.12 0.00001</circle>")
                .contains("<description>Stay clear &amp; wait for &lt;all clear&gt;.</description>")
                .contains("<altitude>0</altitude>")
                .contains("<ceiling>1500.5</ceiling>");
    }

    /** An alert with every element CAP has, some twice, and times in three offsets. */
    static CapAlert everything() {
        OffsetDateTime sent = OffsetDateTime.of(2026, 3, 1, 14, 0, 0, 0, ZoneOffset.UTC);
        CapArea strand = new CapArea(
                "Strand, Westminster",
                List.of(new CapPolygon(List.of(
                        new CapPoint(51.5, -0.12),
                        new CapPoint(51.6, -0.12),
                        new CapPoint(51.6, -0.1),
                        new CapPoint(51.5, -0.12)))),
                List.of(new CapCircle(51.51, -0.12, 0.00001), new CapCircle(51.52, -0.13, 2)),
                List.of(new CapNamedValue("borough", "Westminster"), new CapNamedValue("ward", "St James's")),
                BigDecimal.ZERO,
                new BigDecimal("1500.5"));
        CapInfo english = new CapInfo(
                "en-GB",
                List.of(CapCategory.Security, CapCategory.CBRNE),
                "Suspicious package",
                List.of(CapResponseType.Avoid, CapResponseType.Monitor),
                CapUrgency.Immediate,
                CapSeverity.Severe,
                CapCertainty.Observed,
                "Partners in Westminster",
                List.of(new CapNamedValue("cascade", "SUSPICIOUS-ITEM")),
                sent,
                OffsetDateTime.of(2026, 3, 1, 19, 35, 0, 0, ZoneOffset.ofHoursMinutes(5, 30)),
                OffsetDateTime.of(2026, 3, 1, 10, 0, 0, 0, ZoneOffset.ofHours(-5)),
                "Metropolitan Police",
                "Cordon on the Strand",
                "Stay clear & wait for <all clear>.",
                "Keep staff inside.\nClose the Strand entrances.",
                "https://cascade.test/alerts/1",
                "020 7946 0000",
                List.of(new CapNamedValue("tlp", "CLEAR")),
                List.of(
                        new CapResource(
                                "Cordon map", "image/png", 2048L, "https://cascade.test/alerts/1/map.png", null, null),
                        new CapResource(
                                "Note",
                                "text/plain",
                                5L,
                                "note.txt",
                                "aGVsbG8=",
                                "aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d")),
                List.of(strand, CapArea.described("Covent Garden")));
        CapInfo french = new CapInfo(
                "fr",
                List.of(CapCategory.Security),
                "Colis suspect",
                List.of(),
                CapUrgency.Immediate,
                CapSeverity.Severe,
                CapCertainty.Observed,
                null,
                List.of(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                List.of(),
                List.of(CapArea.described("Strand")));
        return new CapAlert(
                "MPS-2026-0001",
                "alerts@cascade.test",
                sent,
                CapStatus.Actual,
                CapMsgType.Update,
                "Cascade",
                CapScope.Private,
                null,
                List.of("police@cascade.test", "Strand Arcade"),
                List.of("CASCADE", "TLP:CLEAR"),
                "Cordon widened",
                List.of(new CapReference(
                        "alerts@cascade.test", "MPS-2026-0000", OffsetDateTime.parse("2026-03-01T13:00:00Z"))),
                List.of("strand-2026-03", "Strand cordon"),
                List.of(english, french));
    }
}
