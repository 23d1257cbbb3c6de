package org.cascadehub.alerts.cap;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;

/**
 * The CAP 1.2 specification's rules for the {@code <alert>} itself that the schema cannot
 * express; {@link InfoRules} and {@link AreaRules} go on below it. Each rule reads the raw text
 * and stays quiet about values the schema check already reported as malformed.
 */
final class CapRules {

    private static final Map<String, String> REFERRING = Map.of(
            "Update", "updates",
            "Cancel", "cancels",
            "Ack", "acknowledges",
            "Error", "rejects");

    private CapRules() {}

    static void check(Element alert, Findings findings) {
        String root = CapPaths.ROOT;
        token(alert, "identifier", findings);
        token(alert, "sender", findings);
        OffsetDateTime sent = time(alert, "sent", root, findings);
        references(alert, sent, findings);
        msgType(alert, findings);
        scope(alert, findings);
        list(alert, "addresses", findings);
        list(alert, "incidents", findings);
        duplicates(alert, "code", root, findings);
        List<Element> infos = Dom.children(alert, "info");
        for (int i = 0; i < infos.size(); i++) {
            InfoRules.check(infos.get(i), CapPaths.child(root, "info", i + 1), sent, findings);
        }
    }

    /** identifier and sender: no spaces, commas or restricted characters (CAP 1.2, 3.2.1). */
    private static void token(Element alert, String name, Findings findings) {
        String text = Dom.text(alert, name);
        if (text == null) {
            return;
        }
        String value = text.strip();
        String path = CapPaths.child(CapPaths.ROOT, name);
        if (value.isEmpty()) {
            findings.error(path, "<" + name + "> is empty.");
        } else if (value.chars().anyMatch(c -> Character.isWhitespace(c) || c == ',' || c == '<' || c == '&')) {
            findings.error(
                    path,
                    "<" + name + "> " + SchemaMessages.quoted(value)
                            + " must not contain spaces, commas or the characters < and &.");
        }
    }

    /**
     * A time the schema accepted, or null. UTC written {@code +00:00} is a warning: CAP 1.2 says
     * {@code -00:00}, but many senders write {@code +00:00} and the instant is the same.
     */
    static @Nullable OffsetDateTime time(Element parent, String name, String parentPath, Findings findings) {
        String text = Dom.text(parent, name);
        if (text == null || CapTimes.problem(text) != null) {
            return null;
        }
        if (CapTimes.isPlusZeroUtc(text)) {
            findings.warning(
                    CapPaths.child(parentPath, name),
                    "<" + name + "> " + SchemaMessages.quoted(text)
                            + " writes UTC as +00:00; CAP 1.2 asks for -00:00.");
        }
        return CapTimes.parse(text);
    }

    /** Space-separated {@code sender,identifier,sent} triples, each sent a CAP date-time. */
    private static void references(Element alert, @Nullable OffsetDateTime sent, Findings findings) {
        String text = Dom.text(alert, "references");
        if (text == null || text.isBlank()) {
            // Nothing referred to; the msgType rule says whether something should be.
            return;
        }
        String path = CapPaths.child(CapPaths.ROOT, "references");
        String[] entries = text.strip().split("\\s+");
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i];
            String which = "<references> entry " + (i + 1) + " " + SchemaMessages.quoted(entry);
            String[] parts = entry.split(",", -1);
            if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
                findings.error(path, which + " is not 'sender,identifier,sent' (three parts, comma-separated).");
                continue;
            }
            String problem = CapTimes.problem(parts[2]);
            if (problem != null) {
                findings.error(path, which + " has a sent time that " + problem + ".");
            } else if (sent != null && CapTimes.parse(parts[2]).isAfter(sent)) {
                findings.warning(path, which + " refers to a message sent after this one.");
            }
        }
    }

    private static void msgType(Element alert, Findings findings) {
        String type = strip(Dom.text(alert, "msgType"));
        String verb = REFERRING.get(type);
        if (verb != null && strip(Dom.text(alert, "references")).isEmpty()) {
            findings.error(
                    CapPaths.ROOT,
                    "<references> is missing from <alert>: a message of type " + type + " must name the message(s) it "
                            + verb + ".");
        }
        if ("Error".equals(type) && strip(Dom.text(alert, "note")).isEmpty()) {
            findings.warning(CapPaths.ROOT, "An Error message should explain the rejection in <note>.");
        }
    }

    private static void scope(Element alert, Findings findings) {
        String scope = strip(Dom.text(alert, "scope"));
        boolean hasRestriction = !strip(Dom.text(alert, "restriction")).isEmpty();
        if ("Restricted".equals(scope) && !hasRestriction) {
            findings.error(
                    CapPaths.ROOT,
                    "<restriction> is missing from <alert>: scope Restricted needs it to say who may see the alert.");
        }
        if (!"Restricted".equals(scope) && !scope.isEmpty() && hasRestriction) {
            findings.warning(
                    CapPaths.child(CapPaths.ROOT, "restriction"),
                    "<restriction> is only meaningful with scope Restricted; this alert's scope is " + scope + ".");
        }
        if ("Private".equals(scope) && strip(Dom.text(alert, "addresses")).isEmpty()) {
            findings.error(
                    CapPaths.ROOT,
                    "<addresses> is missing from <alert>: scope Private needs it to list the recipients.");
        }
    }

    private static void list(Element alert, String name, Findings findings) {
        String text = Dom.text(alert, name);
        if (text == null) {
            return;
        }
        try {
            CapLists.split(text);
        } catch (IllegalArgumentException e) {
            findings.error(
                    CapPaths.child(CapPaths.ROOT, name),
                    "<" + name + "> " + e.getMessage() + "; a name with spaces is written in double quotes.");
        }
    }

    /** Repeating the same value adds nothing; a warning, as the specification does not forbid it. */
    static void duplicates(Element parent, String name, String parentPath, Findings findings) {
        Set<String> seen = new HashSet<>();
        List<Element> elements = Dom.children(parent, name);
        for (int i = 0; i < elements.size(); i++) {
            String value = Dom.text(elements.get(i)).strip();
            if (!seen.add(value)) {
                findings.warning(
                        CapPaths.child(parentPath, name, i + 1),
                        "<" + name + "> " + SchemaMessages.quoted(value) + " appears more than once.");
            }
        }
    }

    /** The same valueName and value twice, as in {@code <eventCode>} or {@code <geocode>}. */
    static void duplicatePairs(Element parent, String name, String parentPath, Findings findings) {
        Set<List<String>> seen = new HashSet<>();
        List<Element> elements = Dom.children(parent, name);
        for (int i = 0; i < elements.size(); i++) {
            String valueName = strip(Dom.text(elements.get(i), "valueName"));
            String value = strip(Dom.text(elements.get(i), "value"));
            if (!seen.add(List.of(valueName, value))) {
                findings.warning(
                        CapPaths.child(parentPath, name, i + 1),
                        "<" + name + "> " + valueName + "=" + value + " appears more than once.");
            }
        }
    }

    /** A required element that is present but holds only whitespace. */
    static void notBlank(Element parent, String name, String parentPath, Findings findings) {
        String text = Dom.text(parent, name);
        if (text != null && text.isBlank()) {
            findings.error(CapPaths.child(parentPath, name), "<" + name + "> is empty.");
        }
    }

    static String strip(@Nullable String text) {
        return text == null ? "" : text.strip();
    }
}
