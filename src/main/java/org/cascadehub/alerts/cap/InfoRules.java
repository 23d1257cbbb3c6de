package org.cascadehub.alerts.cap;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;

/** The CAP 1.2 specification's rules for an {@code <info>} that the schema cannot express. */
final class InfoRules {

    /** RFC 3066, which CAP 1.2 names: a two- or three-letter language, or i-/x- registrations. */
    private static final Pattern RFC_3066 = Pattern.compile("([a-zA-Z]{2,3}|[iIxX])(-[a-zA-Z0-9]{1,8})*");
    /** xs:language, which the schema already checks: anything else was reported there. */
    private static final Pattern XS_LANGUAGE = Pattern.compile("[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*");

    private InfoRules() {}

    static void check(Element info, String path, @Nullable OffsetDateTime sent, Findings findings) {
        language(info, path, findings);
        CapRules.notBlank(info, "event", path, findings);
        CapRules.duplicates(info, "category", path, findings);
        CapRules.duplicates(info, "responseType", path, findings);
        CapRules.duplicatePairs(info, "eventCode", path, findings);
        times(info, path, sent, findings);
        absoluteUri(info, "web", path, findings);
        List<Element> resources = Dom.children(info, "resource");
        for (int i = 0; i < resources.size(); i++) {
            ResourceRules.check(resources.get(i), CapPaths.child(path, "resource", i + 1), findings);
        }
        List<Element> areas = Dom.children(info, "area");
        for (int i = 0; i < areas.size(); i++) {
            AreaRules.check(areas.get(i), CapPaths.child(path, "area", i + 1), findings);
        }
    }

    private static void language(Element info, String path, Findings findings) {
        String value = CapRules.strip(Dom.text(info, "language"));
        if (XS_LANGUAGE.matcher(value).matches() && !RFC_3066.matcher(value).matches()) {
            findings.error(
                    CapPaths.child(path, "language"),
                    "<language> " + SchemaMessages.quoted(value)
                            + " is not an RFC 3066 language code such as en-GB, en or fr.");
        }
    }

    /**
     * Information that expires before it takes effect would never be in effect: an error. (CAP
     * takes the effective time to be the sent time when {@code <effective>} is absent.) Expiring
     * before the event's onset is odd but possible, so only a warning.
     */
    private static void times(Element info, String path, @Nullable OffsetDateTime sent, Findings findings) {
        OffsetDateTime effective = CapRules.time(info, "effective", path, findings);
        OffsetDateTime onset = CapRules.time(info, "onset", path, findings);
        OffsetDateTime expires = CapRules.time(info, "expires", path, findings);
        if (expires == null) {
            return;
        }
        String at = CapPaths.child(path, "expires");
        String expiry = "<expires> (" + CapTimes.format(expires) + ")";
        if (effective != null && !expires.isAfter(effective)) {
            findings.error(
                    at,
                    expiry + " is not after <effective> (" + CapTimes.format(effective)
                            + "): the information would never be in effect.");
        } else if (effective == null && sent != null && !expires.isAfter(sent)) {
            findings.error(
                    at,
                    expiry + " is not after the alert's <sent> (" + CapTimes.format(sent)
                            + "): the information would never be in effect.");
        }
        if (onset != null && expires.isBefore(onset)) {
            findings.warning(
                    at,
                    expiry + " is before <onset> (" + CapTimes.format(onset)
                            + "): the information expires before the event begins.");
        }
    }

    /** A full, absolute URI, as CAP asks of {@code <web>}. */
    static void absoluteUri(Element parent, String name, String parentPath, Findings findings) {
        String text = Dom.text(parent, name);
        String at = CapPaths.child(parentPath, name);
        if (text == null || findings.hasErrorAt(at)) {
            return;
        }
        String value = text.strip();
        if (!isAbsoluteUri(value)) {
            findings.error(
                    at,
                    "<" + name + "> " + SchemaMessages.quoted(value)
                            + " must be a full, absolute URI such as https://example.org/alerts/1.");
        }
    }

    static boolean isAbsoluteUri(String value) {
        try {
            return new URI(value).isAbsolute();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
