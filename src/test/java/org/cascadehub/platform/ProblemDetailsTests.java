package org.cascadehub.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cascadehub.support.TestHttp.bearer;

import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.cascadehub.CascadeTest;
import org.cascadehub.support.TestHttp;
import org.cascadehub.support.TestHttp.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Bad requests get RFC 9457 problem details that say what was wrong, never a stack trace. */
@CascadeTest
class ProblemDetailsTests {

    @LocalServerPort
    int port;

    TestHttp http;
    String token;

    @BeforeEach
    void signIn() {
        http = new TestHttp(port);
        token = http.token("guard@demo.test", "demo-password");
    }

    @Test
    void anUnknownRouteIsA404Problem() {
        Response response = http.get("/api/v1/no-such-thing", "Authorization", bearer(token));

        assertProblem(response, 404, "There is nothing at GET /api/v1/no-such-thing.");
        assertThat(response.json().get("instance").asString()).isEqualTo("/api/v1/no-such-thing");
    }

    @Test
    void aWrongMethodIsA405ProblemThatSaysWhichMethodsWork() {
        Response response = http.delete("/api/v1/tokens", "Authorization", bearer(token));

        assertProblem(response, 405, "Method DELETE is not allowed here; use GET or POST.");
        assertThat(response.header("allow"))
                .hasValueSatisfying(allow -> assertThat(allow).contains("GET", "POST"));
    }

    @Test
    void malformedJsonSaysWhereItBroke() {
        Response response = http.postJson("/api/v1/tokens", "{\"email\": \"a@b.test\",, }");

        assertProblem(response, 400, "The body is not valid JSON at line 1, column");
    }

    @Test
    void aWrongJsonTypeNamesTheField() {
        Response response = http.postJson("/api/v1/tokens", "{\"email\": {\"nested\": true}, \"password\": \"x\"}");

        assertProblem(response, 400, "'email'");
    }

    @Test
    void aMissingBodyIsNamed() {
        Response response = http.postJson("/api/v1/tokens", "");

        assertProblem(response, 400, "The request body is missing or not readable as JSON.");
    }

    @Test
    void aWrongContentTypeIsA415Problem() {
        Response response = http.post("/api/v1/tokens", "text/plain", "email=a");

        assertProblem(response, 415, "Content-Type 'text/plain");
    }

    @Test
    void anOversizedBodyIsA413ProblemBeforeItIsRead() {
        String huge = "{\"email\":\"" + "a".repeat(2_000_000) + "\"}";

        Response response = http.postJson("/api/v1/tokens", huge);

        assertProblem(response, 413, "the most this endpoint accepts is 1048576 bytes");
    }

    @Test
    void anOversizedChunkedBodyIsRefusedToo() throws Exception {
        HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/api/v1/tokens")
                .toURL()
                .openConnection();
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setChunkedStreamingMode(8192);
        connection.setRequestProperty("Content-Type", "application/json");
        try (OutputStream out = connection.getOutputStream()) {
            out.write(("{\"email\":\"" + "a".repeat(1_200_000) + "\",\"password\":\"x\"}")
                    .getBytes(StandardCharsets.UTF_8));
        }

        int status = connection.getResponseCode();
        String body = new String(connection.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(status).as(body).isEqualTo(413);
        assertThat(body).contains("larger than the 1048576 bytes").doesNotContain("Exception");
    }

    @Test
    void pagesGetAnHtmlErrorPageNotJson() {
        TestHttp browser = new TestHttp(port);
        browser.signIn("guard@demo.test", "demo-password");

        Response response = browser.get("/no-such-page", "Accept", "text/html,application/xhtml+xml,*/*;q=0.8");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("content-type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(response.body()).contains("Page not found").doesNotContain("Exception");
    }

    private static void assertProblem(Response response, int status, String detail) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.header("content-type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.json().get("detail").asString()).contains(detail);
        assertThat(response.body())
                .doesNotContain("Exception")
                .doesNotContain("\tat ")
                .doesNotContain("trace");
    }
}
