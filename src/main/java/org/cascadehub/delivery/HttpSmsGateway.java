package org.cascadehub.delivery;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * An SMS provider reached over HTTP: each message is POSTed as {@code {"to","text","reference"}}
 * with {@code Authorization: Bearer <key>}; any answer but 2xx is a failure.
 */
final class HttpSmsGateway implements SmsGateway {

    private final URI url;
    private final String key;
    private final JsonPoster poster;
    private final JsonMapper json;

    HttpSmsGateway(URI url, String key, JsonPoster poster, JsonMapper json) {
        this.url = url;
        this.key = key;
        this.poster = poster;
        this.json = json;
    }

    @Override
    public void send(Sms sms, String reference) throws SmsNotSent {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("to", sms.to());
        body.put("text", sms.text());
        body.put("reference", reference);
        int status;
        try {
            status = poster.post(url, json.writeValueAsString(body), Map.of("Authorization", "Bearer " + key));
        } catch (JsonPoster.NotDelivered e) {
            throw new SmsNotSent(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmsNotSent("interrupted", e);
        }
        if (!JsonPoster.successful(status)) {
            throw new SmsNotSent("the gateway answered HTTP " + status);
        }
    }
}
