package org.cascadehub.delivery;

import java.nio.charset.StandardCharsets;

/**
 * The {@code Cascade-Signature} header: {@code t=<unix seconds>,v1=<hex HMAC-SHA256>} of
 * {@code t + "." + body} under the subscription's secret. The timestamp is signed with the body, so
 * a receiver that refuses old timestamps cannot be fed a replayed delivery (docs/delivery.md).
 */
final class WebhookSignature {

    private WebhookSignature() {}

    static String header(String secret, long unixSeconds, String body) {
        String signed = unixSeconds + "." + body;
        return "t=" + unixSeconds + ",v1=" + Hmac.sha256Hex(secret, signed.getBytes(StandardCharsets.UTF_8));
    }
}
