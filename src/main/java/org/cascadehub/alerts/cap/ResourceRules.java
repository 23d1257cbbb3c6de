package org.cascadehub.alerts.cap;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;

/** The CAP 1.2 specification's rules for a {@code <resource>} that the schema cannot express. */
final class ResourceRules {

    private static final String TOKEN = "[A-Za-z0-9!#$&^_.+-]+";
    private static final Pattern MIME_TYPE = Pattern.compile(TOKEN + "/" + TOKEN + "(\\s*;.*)?", Pattern.DOTALL);
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");
    private static final int SHA_1_HEX_DIGITS = 40;

    private ResourceRules() {}

    static void check(Element resource, String path, Findings findings) {
        CapRules.notBlank(resource, "resourceDesc", path, findings);
        mimeType(resource, path, findings);
        size(resource, path, findings);
        byte[] content = derefUri(resource, path, findings);
        uri(resource, path, content != null, findings);
        digest(resource, path, content, findings);
    }

    private static void mimeType(Element resource, String path, Findings findings) {
        String text = Dom.text(resource, "mimeType");
        if (text != null && !MIME_TYPE.matcher(text.strip()).matches()) {
            findings.error(
                    CapPaths.child(path, "mimeType"),
                    "<mimeType> " + SchemaMessages.quoted(text) + " is not a MIME type such as image/png (RFC 2046).");
        }
    }

    private static void size(Element resource, String path, Findings findings) {
        String text = Dom.text(resource, "size");
        if (text != null && text.strip().matches("[-+]?\\d+") && new BigInteger(text.strip()).signum() < 0) {
            findings.error(
                    CapPaths.child(path, "size"),
                    "<size> is " + text.strip() + "; a size in bytes cannot be negative.");
        }
    }

    /** The decoded content, or null when there is none or it is not base64. */
    private static byte @Nullable [] derefUri(Element resource, String path, Findings findings) {
        String text = Dom.text(resource, "derefUri");
        if (text == null) {
            return null;
        }
        try {
            return Base64.getMimeDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            findings.error(
                    CapPaths.child(path, "derefUri"),
                    "<derefUri> must be the resource's content in base64; it is not.");
            return null;
        }
    }

    /** Absolute, unless the content travels in derefUri, when it may be a relative name for it. */
    private static void uri(Element resource, String path, boolean hasContent, Findings findings) {
        String text = Dom.text(resource, "uri");
        String at = CapPaths.child(path, "uri");
        if (text == null || hasContent || findings.hasErrorAt(at)) {
            return;
        }
        if (!InfoRules.isAbsoluteUri(text.strip())) {
            findings.error(
                    at,
                    "<uri> " + SchemaMessages.quoted(text)
                            + " must be an absolute URI; it may be relative only when <derefUri> carries the content.");
        }
    }

    /** CAP 1.2 digests are SHA-1 in hexadecimal; when the content is inline, it must match. */
    private static void digest(Element resource, String path, byte @Nullable [] content, Findings findings) {
        String text = Dom.text(resource, "digest");
        if (text == null) {
            return;
        }
        String value = text.strip();
        String at = CapPaths.child(path, "digest");
        if (!HEX.matcher(value).matches()) {
            findings.error(at, "<digest> must be the SHA-1 hash of the resource in hexadecimal; it is not.");
        } else if (value.length() != SHA_1_HEX_DIGITS) {
            findings.warning(
                    at,
                    "<digest> has " + value.length() + " hexadecimal digits; CAP 1.2 digests are SHA-1, which has "
                            + SHA_1_HEX_DIGITS + ".");
        } else if (content != null && !value.equalsIgnoreCase(sha1(content))) {
            findings.error(at, "<digest> does not match the SHA-1 of the content in <derefUri>.");
        }
    }

    private static String sha1(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-1", e);
        }
    }
}
