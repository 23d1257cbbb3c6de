package org.cascadehub.alerts.cap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cascadehub.alerts.cap.CapDocuments.replace;
import static org.cascadehub.alerts.cap.CapDocuments.valid;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.cascadehub.alerts.cap.CapValidation.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The specification's rules the schema cannot express, one broken document at a time: each
 * yields exactly the one finding expected, at the element's path, in words naming it.
 */
class CapRulesTests {

    private static final String AREA = "/alert/info[1]/area[1]";
    private static final String POLYGON = "<polygon>51.5,-0.12 51.6,-0.12 51.6,-0.1 51.5,-0.12</polygon>";
    private static final String CIRCLE = "<circle>51.51,-0.12 1.5</circle>";
    private static final String SENT = "<sent>2026-03-01T14:00:00-00:00</sent>";
    private static final String ALERT_TYPE = "<msgType>Alert</msgType>";
    private static final String PUBLIC = "<scope>Public</scope>";
    private static final String RESOURCE_URI = "<uri>https://cascade.test/alerts/1/map.png</uri>";

    private final CapValidator validator = new CapValidator();

    @Test
    void theBaseDocumentIsValidWithoutWarnings() {
        CapValidation result = validate(CapDocuments.VALID);

        assertThat(result.errors()).isEmpty();
        assertThat(result.warnings()).isEmpty();
        assertThat(result.valid()).isTrue();
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                // Polygons: closed, four points or more, on the globe, in CAP's text form.
                error(
                        valid(POLYGON, "<polygon>51.5,-0.12 51.6,-0.12 51.6,-0.1 51.5,-0.11</polygon>"),
                        AREA + "/polygon[1]",
                        "<polygon> is not closed: its first point (51.5,-0.12) and last point (51.5,-0.11) differ"),
                error(
                        valid(POLYGON, "<polygon>51.5,-0.12 51.6,-0.12 51.5,-0.12</polygon>"),
                        AREA + "/polygon[1]",
                        "<polygon> has 3 points; it needs at least four"),
                error(
                        valid(POLYGON, "<polygon>91.5,-0.12 51.6,-0.12 51.6,-0.1 91.5,-0.12</polygon>"),
                        AREA + "/polygon[1]",
                        "<polygon> point 1 (91.5,-0.12) has latitude 91.5, outside -90 to 90"),
                error(
                        valid(POLYGON, "<polygon>51.5,-0.12 51.6,-180.5 51.6,-0.1 51.5,-0.12</polygon>"),
                        AREA + "/polygon[1]",
                        "<polygon> point 2 (51.6,-180.5) has longitude -180.5, outside -180 to 180"),
                error(
                        valid(POLYGON, "<polygon>51.5;-0.12 51.6,-0.12 51.6,-0.1 51.5,-0.12</polygon>"),
                        AREA + "/polygon[1]",
                        "<polygon> point 1 '51.5;-0.12' is not a 'latitude,longitude' pair"),
                error(
                        valid(POLYGON, "<polygon> </polygon>"),
                        AREA + "/polygon[1]",
                        "<polygon> is empty; it needs at least four"),
                error(
                        valid(POLYGON, POLYGON + "<polygon>1,1 2,2 3,3 1,2</polygon>"),
                        AREA + "/polygon[2]",
                        "<polygon> is not closed"),
                // Circles: "lat,lon radius", radius not negative.
                error(
                        valid(CIRCLE, "<circle>51.51,-0.12</circle>"),
                        AREA + "/circle[1]",
                        "<circle> '51.51,-0.12' is not 'latitude,longitude radius'"),
                error(
                        valid(CIRCLE, "<circle>51.51,-0.12 -1</circle>"),
                        AREA + "/circle[1]",
                        "<circle> has radius -1 km; a radius cannot be negative"),
                error(
                        valid(CIRCLE, "<circle>51.51,-0.12 wide</circle>"),
                        AREA + "/circle[1]",
                        "<circle> radius 'wide' is not a number of kilometres"),
                error(
                        valid(CIRCLE, "<circle>-95,-0.12 1</circle>"),
                        AREA + "/circle[1]",
                        "<circle> centre has latitude -95, outside -90 to 90"),
                // References: triples with valid times; needed by Update, Cancel, Ack and Error.
                error(
                        replace(afterCode("<references>a,b</references>"), ALERT_TYPE, "<msgType>Update</msgType>"),
                        "/alert/references",
                        "<references> entry 1 'a,b' is not 'sender,identifier,sent' (three parts, comma-separated)."),
                error(
                        valid(ALERT_TYPE, "<msgType>Update</msgType>"),
                        "/alert",
                        "<references> is missing from <alert>: a message of type Update must name the message(s) it updates."),
                error(
                        replace(afterCode("<references> </references>"), ALERT_TYPE, "<msgType>Update</msgType>"),
                        "/alert",
                        "<references> is missing from <alert>: a message of type Update"),
                error(
                        valid(ALERT_TYPE, "<msgType>Cancel</msgType>"),
                        "/alert",
                        "a message of type Cancel must name the message(s) it cancels"),
                error(
                        valid(ALERT_TYPE, "<msgType>Ack</msgType>"),
                        "/alert",
                        "a message of type Ack must name the message(s) it acknowledges"),
                error(
                        replace(afterCode("<note>Wrong area</note>"), ALERT_TYPE, "<msgType>Error</msgType>"),
                        "/alert",
                        "a message of type Error must name the message(s) it rejects"),
                error(
                        afterCode("<references>a,b,2026-03-01T13:00:00-00:00 x,y</references>"),
                        "/alert/references",
                        "<references> entry 2 'x,y' is not 'sender,identifier,sent'"),
                error(
                        afterCode("<references>a,b,2026-03-01T13:00:00Z</references>"),
                        "/alert/references",
                        "<references> entry 1 'a,b,2026-03-01T13:00:00Z' has a sent time that ends in 'Z'"),
                // Scope.
                error(
                        valid(PUBLIC, "<scope>Restricted</scope>"),
                        "/alert",
                        "<restriction> is missing from <alert>: scope Restricted needs it"),
                error(
                        valid(PUBLIC, "<scope>Private</scope>"),
                        "/alert",
                        "<addresses> is missing from <alert>: scope Private needs it to list the recipients."),
                error(
                        valid(PUBLIC, "<scope>Private</scope><addresses>a@b.test \"Strand Arcade</addresses>"),
                        "/alert/addresses",
                        "<addresses> has a double quote that is never closed"),
                // Identifier and sender.
                error(
                        valid("<identifier>MPS-2026-0001</identifier>", "<identifier>MPS 2026</identifier>"),
                        "/alert/identifier",
                        "<identifier> 'MPS 2026' must not contain spaces, commas or the characters < and &."),
                error(
                        valid("<identifier>MPS-2026-0001</identifier>", "<identifier>MPS,2026</identifier>"),
                        "/alert/identifier",
                        "must not contain spaces, commas"),
                error(
                        valid("<identifier>MPS-2026-0001</identifier>", "<identifier>MPS&lt;2026</identifier>"),
                        "/alert/identifier",
                        "must not contain spaces, commas"),
                error(
                        valid("<sender>alerts@cascade.test</sender>", "<sender>police&amp;partners</sender>"),
                        "/alert/sender",
                        "<sender> 'police&partners' must not contain"),
                error(
                        valid("<identifier>MPS-2026-0001</identifier>", "<identifier> </identifier>"),
                        "/alert/identifier",
                        "<identifier> is empty."),
                // Times.
                error(
                        valid(
                                "<expires>2026-03-01T18:00:00-00:00</expires>",
                                "<expires>2026-03-01T14:00:00-00:00</expires>"),
                        "/alert/info[1]/expires",
                        "<expires> (2026-03-01T14:00:00-00:00) is not after <effective> (2026-03-01T14:00:00-00:00)"),
                error(
                        valid("<effective>2026-03-01T14:00:00-00:00</effective>", "")
                                .replace("<expires>2026-03-01T18:00:00-00:00", "<expires>2026-03-01T13:00:00-00:00")
                                .replace("<onset>2026-03-01T14:05:00-00:00</onset>", ""),
                        "/alert/info[1]/expires",
                        "is not after the alert's <sent> (2026-03-01T14:00:00-00:00): the information would never be in effect."),
                error(
                        valid(
                                "<expires>2026-03-01T18:00:00-00:00</expires>",
                                "<expires>2026-03-01T14:30:00+01:00</expires>"),
                        "/alert/info[1]/expires",
                        "is not after <effective>"),
                // Language.
                error(
                        valid("<language>en-GB</language>", "<language>english</language>"),
                        "/alert/info[1]/language",
                        "<language> 'english' is not an RFC 3066 language code"),
                // Required text that is blank.
                error(
                        valid("<event>Suspicious package</event>", "<event>  </event>"),
                        "/alert/info[1]/event",
                        "<event> is empty."),
                error(valid("<areaDesc>Strand</areaDesc>", "<areaDesc/>"), AREA + "/areaDesc", "<areaDesc> is empty."),
                // Web.
                error(
                        valid("<web>https://cascade.test/alerts/1</web>", "<web>/alerts/1</web>"),
                        "/alert/info[1]/web",
                        "<web> '/alerts/1' must be a full, absolute URI"),
                // Resources.
                error(
                        valid("<size>2048</size>", "<size>-1</size>"),
                        "/alert/info[1]/resource[1]/size",
                        "<size> is -1; a size in bytes cannot be negative."),
                error(
                        valid("<mimeType>image/png</mimeType>", "<mimeType>png</mimeType>"),
                        "/alert/info[1]/resource[1]/mimeType",
                        "<mimeType> 'png' is not a MIME type such as image/png"),
                error(
                        valid(RESOURCE_URI, "<uri>map.png</uri>"),
                        "/alert/info[1]/resource[1]/uri",
                        "<uri> 'map.png' must be an absolute URI; it may be relative only when <derefUri> carries"),
                error(
                        valid(RESOURCE_URI, RESOURCE_URI + "<derefUri>not base64!</derefUri>"),
                        "/alert/info[1]/resource[1]/derefUri",
                        "<derefUri> must be the resource's content in base64"),
                error(
                        valid(RESOURCE_URI, RESOURCE_URI + "<digest>not-hex</digest>"),
                        "/alert/info[1]/resource[1]/digest",
                        "<digest> must be the SHA-1 hash of the resource in hexadecimal"),
                error(
                        valid(RESOURCE_URI, inline("map.png", "hello", sha1("goodbye"))),
                        "/alert/info[1]/resource[1]/digest",
                        "<digest> does not match the SHA-1 of the content in <derefUri>."),
                // Altitude and ceiling.
                error(
                        valid("<altitude>0</altitude>", ""),
                        AREA + "/ceiling",
                        "<ceiling> needs an <altitude> in the same <area>."),
                error(
                        valid("<altitude>0</altitude>", "<altitude>800</altitude>"),
                        AREA + "/ceiling",
                        "<ceiling> (500) is below <altitude> (800)."));
    }

    @ParameterizedTest
    @MethodSource("errors")
    void eachBrokenRuleIsOneErrorAtTheElement(String document, String path, String message) {
        CapValidation result = validate(document);

        assertThat(result.valid()).isFalse();
        assertThat(result.errors()).hasSize(1);
        assertThat(result.errors().getFirst().path()).isEqualTo(path);
        assertThat(result.errors().getFirst().message()).contains(message);
    }

    static Stream<Arguments> warnings() {
        return Stream.of(
                error(
                        valid(SENT, "<sent>2026-03-01T14:00:00+00:00</sent>"),
                        "/alert/sent",
                        "<sent> '2026-03-01T14:00:00+00:00' writes UTC as +00:00; CAP 1.2 asks for -00:00."),
                error(
                        valid(
                                "<expires>2026-03-01T18:00:00-00:00</expires>",
                                "<expires>2026-03-01T18:00:00+00:00</expires>"),
                        "/alert/info[1]/expires",
                        "writes UTC as +00:00"),
                error(
                        valid("<onset>2026-03-01T14:05:00-00:00</onset>", "<onset>2026-03-01T19:00:00-00:00</onset>"),
                        "/alert/info[1]/expires",
                        "is before <onset> (2026-03-01T19:00:00-00:00): the information expires before the event begins."),
                error(
                        valid(PUBLIC, PUBLIC + "<restriction>Police only</restriction>"),
                        "/alert/restriction",
                        "<restriction> is only meaningful with scope Restricted; this alert's scope is Public."),
                error(
                        afterCode("<references>a,b,2026-03-01T15:00:00-00:00</references>"),
                        "/alert/references",
                        "refers to a message sent after this one"),
                error(
                        replace(
                                afterCode("<references>a,b,2026-03-01T13:00:00-00:00</references>"),
                                ALERT_TYPE,
                                "<msgType>Error</msgType>"),
                        "/alert",
                        "An Error message should explain the rejection in <note>."),
                error(
                        valid("<code>CASCADE</code>", "<code>CASCADE</code><code>CASCADE</code>"),
                        "/alert/code[2]",
                        "<code> 'CASCADE' appears more than once."),
                error(
                        valid(
                                "<category>Security</category>",
                                "<category>Security</category><category>Security</category>"),
                        "/alert/info[1]/category[2]",
                        "<category> 'Security' appears more than once."),
                error(
                        valid(
                                "</geocode>",
                                "</geocode><geocode><valueName>borough</valueName><value>Westminster</value></geocode>"),
                        AREA + "/geocode[2]",
                        "<geocode> borough=Westminster appears more than once."),
                error(
                        valid(RESOURCE_URI, RESOURCE_URI + "<digest>" + "ab".repeat(32) + "</digest>"),
                        "/alert/info[1]/resource[1]/digest",
                        "<digest> has 64 hexadecimal digits; CAP 1.2 digests are SHA-1, which has 40."));
    }

    @ParameterizedTest
    @MethodSource("warnings")
    void eachDoubtfulThingIsOneWarningAndStillValid(String document, String path, String message) {
        CapValidation result = validate(document);

        assertThat(result.errors()).isEmpty();
        assertThat(result.valid()).isTrue();
        assertThat(result.warnings()).hasSize(1);
        assertThat(result.warnings().getFirst().path()).isEqualTo(path);
        assertThat(result.warnings().getFirst().message()).contains(message);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<msgType>Alert</msgType><scope>Restricted</scope><restriction>Police and BIDs</restriction>",
                "<msgType>Alert</msgType><scope>Private</scope><addresses>a@b.test \"Strand Arcade\"</addresses>",
            })
    void theScopesGetWhatTheyNeed(String replacement) {
        CapValidation result = validate(valid(ALERT_TYPE + "\n  " + PUBLIC, replacement));

        assertThat(result.errors()).isEmpty();
        assertThat(result.warnings()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Update", "Cancel", "Ack"})
    void referringMessagesWithReferencesAreValid(String type) {
        String document = replace(
                afterCode("<references>alerts@cascade.test,MPS-2026-0000,2026-03-01T13:00:00-00:00"
                        + " other@cascade.test,7,2026-03-01T13:30:00+01:00</references>"),
                ALERT_TYPE,
                "<msgType>" + type + "</msgType>");

        CapValidation result = validate(document);

        assertThat(result.errors()).isEmpty();
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void inlineContentWithItsSha1AndARelativeNameIsValid() {
        CapValidation result = validate(valid(RESOURCE_URI, inline("map.png", "hello", sha1("hello"))));

        assertThat(result.errors()).isEmpty();
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        String document = valid(PUBLIC, "<scope>Restricted</scope>")
                .replace("<identifier>MPS-2026-0001", "<identifier>MPS 1")
                .replace(POLYGON, "<polygon>1,1 2,2 1,1</polygon>");

        assertThat(validate(document).errors())
                .extracting(Problem::path)
                .containsExactlyInAnyOrder("/alert/identifier", "/alert", AREA + "/polygon[1]");
    }

    @Test
    void pathsCountRepeatedElementsFromOne() {
        String secondInfo = CapDocuments.VALID.substring(
                CapDocuments.VALID.indexOf("<info>"), CapDocuments.VALID.indexOf("</info>") + 7);
        String document = valid(
                        "</info>",
                        "</info>" + secondInfo.replace("<area>", "<area><areaDesc>x</areaDesc></area><area>"))
                .replaceFirst(
                        "(?s)(.*)<circle>51.51,-0.12 1.5</circle>",
                        "$1<circle>51.51,-0.12 1.5</circle><circle>1,1 -2</circle>");

        assertThat(validate(document).errors())
                .containsExactly(new Problem(
                        "/alert/info[2]/area[2]/circle[2]", "<circle> has radius -2 km; a radius cannot be negative."));
    }

    private CapValidation validate(String document) {
        return validator.validate(document.getBytes(StandardCharsets.UTF_8));
    }

    /** The valid alert with elements added after its {@code <code>} (where note and references go). */
    private static String afterCode(String elements) {
        return valid("<code>CASCADE</code>", "<code>CASCADE</code>" + elements);
    }

    private static Arguments error(String document, String path, String message) {
        return Arguments.of(document, path, message);
    }

    private static String inline(String uri, String content, String digest) {
        return "<uri>" + uri + "</uri><derefUri>"
                + Base64.getEncoder().encodeToString(content.getBytes(StandardCharsets.UTF_8)) + "</derefUri><digest>"
                + digest + "</digest>";
    }

    private static String sha1(String content) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-1").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
