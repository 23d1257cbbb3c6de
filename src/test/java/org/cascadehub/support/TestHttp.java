package org.cascadehub.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP client for full-stack tests against the running server: API calls with bearer
 * tokens, or a browser-like session (cookies kept, redirects not followed, CSRF tokens read from
 * the last page).
 */
public final class TestHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient client;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private String lastCsrf = "";

    public TestHttp(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.client = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** A response, with the body as text and, on demand, as JSON. */
    public record Response(int status, Map<String, String> headers, String body) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT)));
        }

        public String location() {
            return header("location").orElse("");
        }
    }

    public Response get(String path, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), headers);
    }

    public Response delete(String path, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE(), headers);
    }

    public Response postJson(String path, String json, String... headers) {
        return post(path, "application/json", json, headers);
    }

    public Response putJson(String path, String json, String... headers) {
        return send(
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(json)),
                headers);
    }

    public Response post(String path, String contentType, String body, String... headers) {
        return send(
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofString(body)),
                headers);
    }

    /** Posts raw bytes: uploads, and text that is deliberately not valid UTF-8. */
    public Response post(String path, String contentType, byte[] body, String... headers) {
        return send(
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)),
                headers);
    }

    /** Posts a form as a browser would, with the CSRF token of the last page fetched. */
    public Response postForm(String path, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.putIfAbsent("_csrf", lastCsrf);
        String body = all.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return post(path, "application/x-www-form-urlencoded", body, "Accept", "text/html");
    }

    /** Signs in through the form; returns the response to the form post (a redirect). */
    public Response signIn(String email, String password) {
        get("/sign-in", "Accept", "text/html");
        return postForm("/sign-in", Map.of("email", email, "password", password));
    }

    /** Creates an API token with a password and answers the token. */
    public String token(String email, String password) {
        Response response = postJson("/api/v1/tokens", json(Map.of("email", email, "password", password)));
        if (response.status() != 201) {
            throw new IllegalStateException("token refused: " + response);
        }
        return response.json().get("token").asString();
    }

    /** Drafts an alert through the API and publishes it, as {@code authorization}; answers its id. */
    public long publishAlert(String draft, String authorization) {
        Response drafted = postJson("/api/v1/alerts", draft, "Authorization", authorization);
        if (drafted.status() != 201) {
            throw new IllegalStateException("draft refused: " + drafted);
        }
        long id = drafted.json().get("id").asLong();
        Response published = postJson("/api/v1/alerts/" + id + "/publish", "", "Authorization", authorization);
        if (published.status() != 200) {
            throw new IllegalStateException("publish refused: " + published);
        }
        return id;
    }

    public Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name))
                .map(java.net.HttpCookie::getValue)
                .findFirst();
    }

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    private Response send(HttpRequest.Builder request, String... headers) {
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = client.send(
                    request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Map<String, String> flat = new LinkedHashMap<>();
            response.headers()
                    .map()
                    .forEach((k, v) -> flat.put(k.toLowerCase(java.util.Locale.ROOT), String.join(", ", v)));
            Matcher csrf = CSRF.matcher(response.body());
            if (csrf.find()) {
                lastCsrf = csrf.group(1);
            }
            return new Response(response.statusCode(), flat, response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
