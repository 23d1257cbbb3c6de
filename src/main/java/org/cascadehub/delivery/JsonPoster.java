package org.cascadehub.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * POSTs JSON to partner systems and answers the status, with short timeouts so that an endpoint
 * that is slow or gone costs one waiting virtual thread and nothing else. Redirects are not
 * followed (a redirect is a failure: a signed request must not be sent on somewhere else), and the
 * response body is never read, so an endpoint cannot hold a sender by trickling one.
 */
final class JsonPoster {

    /** The endpoint was not reached or did not answer in time; the message says which. */
    static final class NotDelivered extends IOException {
        NotDelivered(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final HttpClient client;
    private final Duration requestTimeout;

    JsonPoster(Duration connectTimeout, Duration requestTimeout) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.requestTimeout = requestTimeout;
    }

    /** Posts the body with the headers given (Content-Type is set here); answers the HTTP status. */
    int post(URI uri, String body, Map<String, String> headers) throws NotDelivered, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Cascade")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        try {
            HttpResponse<InputStream> response =
                    client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            response.body().close();
            return response.statusCode();
        } catch (HttpTimeoutException e) {
            throw new NotDelivered("no answer within " + requestTimeout.toSeconds() + " s", e);
        } catch (IOException e) {
            throw new NotDelivered("could not reach " + uri.getHost() + ": " + e, e);
        }
    }

    static boolean successful(int status) {
        return status >= 200 && status < 300;
    }
}
