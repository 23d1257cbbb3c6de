package org.cascadehub.alerts.cap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cascadehub.alerts.cap.CapDocuments.valid;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.cascadehub.alerts.cap.CapValidation.Problem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the official schema refuses, said in plain words naming the element: one error per
 * problem, never the validator's "cvc-..." codes.
 */
class CapSchemaMessagesTests {

    private final CapValidator validator = new CapValidator();

    static Stream<Arguments> schemaErrors() {
        return Stream.of(
                Arguments.of(
                        valid("<scope>Public</scope>", ""),
                        new Problem("/alert", "<scope> is missing from <alert> (it comes before <code>).")),
                Arguments.of(
                        "<alert xmlns='urn:oasis:names:tc:emergency:cap:1.2'><identifier>1</identifier>"
                                + "<sender>s</sender><sent>2026-03-01T14:00:00-00:00</sent><status>Actual</status>"
                                + "<msgType>Alert</msgType></alert>",
                        new Problem("/alert", "<scope> is missing from <alert>.")),
                Arguments.of(
                        valid("<certainty>Observed</certainty>", ""),
                        new Problem(
                                "/alert/info[1]", "<certainty> is missing from <info> (it comes before <effective>).")),
                Arguments.of(
                        valid("<areaDesc>Strand</areaDesc>", ""),
                        new Problem(
                                "/alert/info[1]/area[1]",
                                "<areaDesc> is missing from <area> (it comes before <polygon>).")),
                Arguments.of(
                        valid("<status>Actual</status>", "<status>Real</status>"),
                        new Problem(
                                "/alert/status",
                                "<status> must be one of Actual, Exercise, System, Test, Draft; found 'Real'.")),
                Arguments.of(
                        valid("<category>Security</category>", "<category>Police</category>"),
                        new Problem(
                                "/alert/info[1]/category[1]",
                                "<category> must be one of Geo, Met, Safety, Security, Rescue, Fire, Health, Env,"
                                        + " Transport, Infra, CBRNE, Other; found 'Police'.")),
                Arguments.of(
                        valid("<sent>2026-03-01T14:00:00-00:00</sent>", "<sent>2026-03-01T14:00:00Z</sent>"),
                        new Problem(
                                "/alert/sent",
                                "<sent> '2026-03-01T14:00:00Z' ends in 'Z', which CAP forbids: write UTC as -00:00, as in"
                                        + " 2003-06-17T14:57:00-00:00.")),
                Arguments.of(
                        valid("<sent>2026-03-01T14:00:00-00:00</sent>", "<sent>2026-03-01T14:00:00</sent>"),
                        new Problem(
                                "/alert/sent",
                                "<sent> '2026-03-01T14:00:00' has no time zone offset; write it with one, like"
                                        + " 2003-06-17T14:57:00-07:00.")),
                Arguments.of(
                        valid(
                                "<onset>2026-03-01T14:05:00-00:00</onset>",
                                "<onset>2026-03-01T14:05:00.250-00:00</onset>"),
                        new Problem(
                                "/alert/info[1]/onset",
                                "<onset> '2026-03-01T14:05:00.250-00:00' has fractions of a second, which CAP does not"
                                        + " allow; write it like 2003-06-17T14:57:00-07:00.")),
                Arguments.of(
                        valid(
                                "<expires>2026-03-01T18:00:00-00:00</expires>",
                                "<expires>2026-02-30T18:00:00-00:00</expires>"),
                        new Problem(
                                "/alert/info[1]/expires",
                                "<expires> '2026-02-30T18:00:00-00:00' is not a real date and time.")),
                Arguments.of(
                        valid("<size>2048</size>", "<size>2 kB</size>"),
                        new Problem(
                                "/alert/info[1]/resource[1]/size",
                                "<size> must be a whole number of bytes; found '2 kB'.")),
                Arguments.of(
                        valid("<altitude>0</altitude>", "<altitude>sea level</altitude>"),
                        new Problem(
                                "/alert/info[1]/area[1]/altitude",
                                "<altitude> must be a decimal number of feet, such as 1500 or 1500.5; found 'sea level'.")),
                Arguments.of(
                        valid("<language>en-GB</language>", "<language>en_GB</language>"),
                        new Problem(
                                "/alert/info[1]/language",
                                "<language> must be a language code such as en-GB; found 'en_GB'.")),
                Arguments.of(
                        valid("<scope>Public</scope>", "<scope>Public</scope><colour>red</colour>"),
                        new Problem(
                                "/alert",
                                "<colour> is not allowed at this point in <alert>: CAP expects <restriction>, <addresses>,"
                                        + " <code>, <note>, <references>, <incidents>, <info> or <ds:Signature> here (elements"
                                        + " must be in the schema's order).")),
                Arguments.of(
                        valid("</info>", "</info><colour>red</colour>"),
                        new Problem(
                                "/alert",
                                "<colour> is not allowed at this point in <alert>: CAP expects <info> or <ds:Signature>"
                                        + " here (elements must be in the schema's order).")),
                Arguments.of(
                        valid("<ceiling>500</ceiling>", "<ceiling>500</ceiling><colour>red</colour>"),
                        new Problem(
                                "/alert/info[1]/area[1]",
                                "<colour> is not allowed here in <area>: nothing more may follow, or it is out of order.")),
                Arguments.of(
                        valid("<alert xmlns", "<alert id=\"7\" xmlns"),
                        new Problem(
                                "/alert", "<alert> may not have the attribute 'id'; CAP elements have no attributes.")),
                Arguments.of(
                        valid("<identifier>", "stray text<identifier>"),
                        new Problem("/alert", "<alert> may contain only elements, not text ('stray text').")));
    }

    @ParameterizedTest
    @MethodSource("schemaErrors")
    void theSchemaErrorIsOnePlainMessageAtTheElement(String document, Problem expected) {
        CapValidation result = validator.validate(document.getBytes(StandardCharsets.UTF_8));

        assertThat(result.errors()).containsExactly(expected);
        assertThat(result.errors())
                .noneSatisfy(problem -> assertThat(problem.message()).contains("cvc-"));
    }
}
