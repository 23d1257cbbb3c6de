package org.cascadehub.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cascadehub.support.TestHttp.bearer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.cascadehub.CascadeTest;
import org.cascadehub.support.TestHttp;
import org.cascadehub.support.TestHttp.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** POST /api/v1/cap/validate over real HTTP: the validation result is the answer, valid or not. */
@CascadeTest
class CapApiTests {

    private static final String VALIDATE = "/api/v1/cap/validate";

    @LocalServerPort
    int port;

    TestHttp http;
    String token;

    @BeforeEach
    void signIn() {
        http = new TestHttp(port);
        token = http.token("guard@demo.test", "demo-password");
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/cap+xml", "application/xml", "text/xml", "application/xml; charset=UTF-8"})
    void aValidAlertIsValidInEveryXmlContentType(String contentType) {
        Response response = validate(contentType, file("thunderstorm.cap"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("content-type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode body = response.json();
        assertThat(body.get("valid").asBoolean()).isTrue();
        assertThat(body.get("errors")).isEmpty();
        assertThat(body.get("warnings")).isEmpty();
    }

    @Test
    void anInvalidAlertIsStill200AndNamesTheMissingElement() {
        Response response = validate("application/cap+xml", file("invalid-missing-scope.cap"));

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("valid").asBoolean()).isFalse();
        assertThat(body.get("errors")).hasSize(1);
        assertThat(body.get("errors").get(0).get("path").asString()).isEqualTo("/alert");
        assertThat(body.get("errors").get(0).get("message").asString())
                .isEqualTo("<scope> is missing from <alert> (it comes before <info>).");
        assertThat(body.get("warnings").get(0).get("path").asString()).isEqualTo("/alert/sent");
    }

    @Test
    void malformedXmlIsAValidationErrorNotAServerError() {
        Response response =
                validate("application/xml", "<alert xmlns='urn:oasis:names:tc:emergency:cap:1.2'><identifier>");

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("valid").asBoolean()).isFalse();
        assertThat(body.get("errors").get(0).get("message").asString())
                .startsWith("The document is not well-formed XML at line 1");
    }

    @Test
    void aDtdIsRefusedInTheAnswer() {
        Response response = validate(
                "application/xml",
                "<?xml version=\"1.0\"?><!DOCTYPE alert [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                        + "<alert xmlns='urn:oasis:names:tc:emergency:cap:1.2'><identifier>&xxe;</identifier></alert>");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("errors").get(0).get("message").asString())
                .startsWith("The document declares a DTD");
        assertThat(response.body()).doesNotContain("root:");
    }

    @Test
    void anEmptyBodyIsAnEmptyDocument() {
        Response response = validate("application/xml", "");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("errors").get(0).get("message").asString())
                .isEqualTo("The document is empty: send a CAP 1.2 <alert>.");
    }

    @Test
    void aNonXmlContentTypeIs415() {
        Response plain = validate("text/plain", file("thunderstorm.cap"));
        Response json = validate("application/json", "{\"alert\": {}}");

        assertThat(plain.status()).isEqualTo(415);
        assertThat(plain.header("content-type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(plain.json().get("detail").asString()).contains("text/plain");
        assertThat(json.status()).isEqualTo(415);
    }

    @Test
    void signingInIsRequired() {
        TestHttp stranger = new TestHttp(port);

        Response unknownToken = stranger.post(
                VALIDATE, "application/xml", file("thunderstorm.cap"), "Authorization", bearer("cas_nope"));
        // Without a token or session, the CSRF check (403) comes before sign-in is asked for.
        Response noToken = stranger.post(VALIDATE, "application/xml", file("thunderstorm.cap"));

        assertThat(unknownToken.status()).isEqualTo(401);
        assertThat(noToken.status()).isIn(401, 403);
        assertThat(noToken.body()).doesNotContain("\"valid\"");
    }

    @Test
    void theEndpointIsInTheOpenApiDescriptionWithAnExample() {
        JsonNode operation =
                http.get("/v3/api-docs").json().get("paths").get(VALIDATE).get("post");

        assertThat(operation.get("requestBody").get("content").propertyNames())
                .contains("application/cap+xml", "application/xml", "text/xml");
        assertThat(operation
                        .get("requestBody")
                        .get("content")
                        .get("application/cap+xml")
                        .get("examples")
                        .get("alert")
                        .get("value")
                        .asString())
                .contains("<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">");
        assertThat(operation.get("responses").get("200").toString()).contains("valid", "errors");
    }

    private Response validate(String contentType, String body) {
        return http.post(VALIDATE, contentType, body, "Authorization", bearer(token));
    }

    private static String file(String name) {
        try (InputStream in = CapApiTests.class.getResourceAsStream("/cap/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
