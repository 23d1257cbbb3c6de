package org.cascadehub.alerts.cap;

import org.jspecify.annotations.Nullable;

/**
 * A CAP 1.2 {@code <resource>}: a file that supplements the info, such as an image.
 *
 * @param size the approximate size in bytes
 * @param uri where to get it: absolute, or relative when the content is in {@code derefUri}
 * @param derefUri the content itself, base64-encoded
 * @param digest the SHA-1 of the content, in hexadecimal
 */
public record CapResource(
        String resourceDesc,
        String mimeType,
        @Nullable Long size,
        @Nullable String uri,
        @Nullable String derefUri,
        @Nullable String digest) {}
