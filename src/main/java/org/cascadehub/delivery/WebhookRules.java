package org.cascadehub.delivery;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.cascadehub.platform.InvalidInput;
import org.cascadehub.platform.RunMode;
import org.jspecify.annotations.Nullable;

/** What a webhook subscription may say: where it sends, and which events. */
final class WebhookRules {

    static final String EVERY_EVENT = "*";
    private static final int MAX_URL = 2_000;
    private static final int MAX_TYPES = 20;
    private static final Pattern EVENT_TYPE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern LOOPBACK_V4 = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

    private WebhookRules() {}

    /**
     * An https URL, or plain http to this machine or in demo mode. Signing proves who sent a
     * delivery but hides nothing: over plain http across a network anyone on the path could read
     * alerts and replay them. Loopback traffic never leaves the host (a local relay, a test
     * receiver), and a demo runs on loopback with made-up data.
     */
    static URI url(@Nullable String value, RunMode mode) {
        String text = value == null ? "" : value.trim();
        if (text.isEmpty()) {
            throw InvalidInput.of("url", "Enter the address Cascade should send events to");
        }
        if (text.length() > MAX_URL) {
            throw InvalidInput.of("url", "must be at most " + MAX_URL + " characters");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw InvalidInput.of("url", "is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
            throw InvalidInput.of("url", "Enter a full address such as https://partner.example/cascade-events");
        }
        if (uri.getRawUserInfo() != null) {
            throw InvalidInput.of("url", "must not hold a user name or password: Cascade signs each delivery instead");
        }
        if (uri.getRawFragment() != null) {
            throw InvalidInput.of("url", "must not have a #fragment");
        }
        if (scheme.equals("http") && mode != RunMode.DEMO && !loopback(uri.getHost())) {
            throw InvalidInput.of("url", "must start with https:// (plain http only to this machine)");
        }
        return uri;
    }

    /** One to twenty event types such as {@code alert.published}, or {@code *} for every one. */
    static List<String> eventTypes(@Nullable List<@Nullable String> values) {
        if (values == null || values.isEmpty()) {
            throw InvalidInput.of("eventTypes", "Name at least one event type, or \"*\" for every event");
        }
        Set<String> types = new LinkedHashSet<>();
        for (String value : values) {
            String type = value == null ? "" : value.trim();
            if (!type.equals(EVERY_EVENT) && !EVENT_TYPE.matcher(type).matches()) {
                throw InvalidInput.of(
                        "eventTypes",
                        "'" + abbreviated(type) + "' is not an event type: use lower-case letters, digits, '.', '_'"
                                + " and '-', such as alert.published, or \"*\" for every event");
            }
            types.add(type);
        }
        if (types.size() > MAX_TYPES) {
            throw InvalidInput.of("eventTypes", "at most " + MAX_TYPES + " event types");
        }
        return List.copyOf(types);
    }

    private static boolean loopback(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        return name.equals("localhost")
                || name.equals("[::1]")
                || LOOPBACK_V4.matcher(name).matches();
    }

    private static String abbreviated(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
