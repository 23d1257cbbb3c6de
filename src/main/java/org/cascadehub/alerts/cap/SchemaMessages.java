package org.cascadehub.alerts.cap;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cascadehub.alerts.cap.PathTracker.Open;
import org.jspecify.annotations.Nullable;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * Turns the schema validator's messages ("cvc-complex-type.2.4.a: Invalid content was found
 * ...") into plain words that name the element, at the path {@link PathTracker} knows.
 */
final class SchemaMessages implements ErrorHandler {

    /** The elements the schema requires, by parent: a missing one is named as missing. */
    private static final Map<String, Set<String>> REQUIRED = Map.of(
            "alert", Set.of("identifier", "sender", "sent", "status", "msgType", "scope"),
            "info", Set.of("category", "event", "urgency", "severity", "certainty"),
            "resource", Set.of("resourceDesc", "mimeType"),
            "area", Set.of("areaDesc"),
            "eventCode", Set.of("valueName", "value"),
            "parameter", Set.of("valueName", "value"),
            "geocode", Set.of("valueName", "value"));

    private static final Set<String> TIMES = Set.of("sent", "effective", "onset", "expires");
    private static final Map<String, String> TYPES = Map.of(
            "size", "a whole number of bytes",
            "altitude", "a decimal number of feet, such as 1500 or 1500.5",
            "ceiling", "a decimal number of feet, such as 1500 or 1500.5",
            "language", "a language code such as en-GB",
            "web", "a URI",
            "uri", "a URI");
    private static final Pattern CODE = Pattern.compile("^(cvc-[\\w.-]+):\\s*(.*)$", Pattern.DOTALL);
    private static final Pattern EXPECTED_NAME = Pattern.compile("(?:\"[^\"]*\":)?(\\w+)");
    private static final Pattern ENUMERATION = Pattern.compile("enumeration '\\[(.*?)]'");
    private static final Pattern ATTRIBUTE = Pattern.compile("Attribute '([^']+)'");

    private final PathTracker tracker;
    private final Findings findings;

    SchemaMessages(PathTracker tracker, Findings findings) {
        this.tracker = tracker;
        this.findings = findings;
    }

    @Override
    public void warning(SAXParseException exception) {
        findings.warning(tracker.path(), exception.getMessage());
    }

    @Override
    public void error(SAXParseException exception) {
        Open current = tracker.current();
        String raw = exception.getMessage() == null ? "" : exception.getMessage();
        Matcher code = CODE.matcher(raw);
        if (current == null || !code.matches()) {
            findings.error(tracker.path(), raw);
            return;
        }
        report(code.group(1), code.group(2), current, tracker.parent());
    }

    @Override
    public void fatalError(SAXParseException exception) throws SAXParseException {
        throw exception;
    }

    private void report(String code, String detail, Open current, @Nullable Open parent) {
        String name = "<" + current.name() + ">";
        String value = quoted(current.text().toString());
        switch (code) {
            case "cvc-complex-type.2.4.a" -> {
                // Reported at the unexpected child: the problem belongs to its parent.
                Open owner = parent == null ? current : parent;
                findings.error(owner.path(), unexpected(current.name(), owner.name(), expected(detail)));
            }
            case "cvc-complex-type.2.4.b" ->
                findings.error(current.path(), incomplete(current.name(), expected(detail)));
            case "cvc-complex-type.2.4.d" -> {
                Open owner = parent == null ? current : parent;
                findings.error(
                        owner.path(),
                        name + " is not allowed here in <" + owner.name()
                                + ">: nothing more may follow, or it is out of order.");
            }
            case "cvc-enumeration-valid" ->
                findings.error(current.path(), name + " must be one of " + allowed(detail) + "; found " + value + ".");
            case "cvc-pattern-valid", "cvc-datatype-valid.1.2.1", "cvc-datatype-valid.1.2.3" ->
                findings.error(current.path(), badValue(current, value));
            case "cvc-type.3.1.3" -> {
                // The summary that follows a facet or datatype error already reported at this element.
                if (!findings.hasErrorAt(current.path())) {
                    findings.error(current.path(), name + " has a value that is not valid: " + value + ".");
                }
            }
            case "cvc-complex-type.2.3" ->
                findings.error(current.path(), name + " may contain only elements, not text (" + value + ").");
            case "cvc-complex-type.3.2.2" ->
                findings.error(
                        current.path(),
                        name + " may not have the attribute '" + first(ATTRIBUTE, detail)
                                + "'; CAP elements have no attributes.");
            default -> findings.error(current.path(), name + ": " + detail);
        }
    }

    private static String unexpected(String found, String owner, List<String> expected) {
        List<String> missing = required(owner, expected);
        if (!missing.isEmpty()) {
            return isMissing(missing) + "<" + owner + "> (it comes before <" + found + ">).";
        }
        return "<" + found + "> is not allowed at this point in <" + owner + ">: CAP expects "
                + elements(expected, " or ") + " here (elements must be in the schema's order).";
    }

    private static String incomplete(String owner, List<String> expected) {
        List<String> missing = required(owner, expected);
        return missing.isEmpty()
                ? "<" + owner + "> is incomplete: CAP expects " + elements(expected, " or ") + "."
                : isMissing(missing) + "<" + owner + ">.";
    }

    private static String badValue(Open current, String value) {
        String name = "<" + current.name() + ">";
        if (TIMES.contains(current.name())) {
            String problem = CapTimes.problem(current.text().toString());
            return name + " " + value + " "
                    + (problem == null ? "is not a CAP date-time; write it like " + CapTimes.EXAMPLE : problem) + ".";
        }
        return name + " must be " + TYPES.getOrDefault(current.name(), "a valid value") + "; found " + value + ".";
    }

    private static List<String> required(String owner, List<String> expected) {
        Set<String> required = REQUIRED.getOrDefault(owner, Set.of());
        return expected.stream().filter(required::contains).toList();
    }

    /** The element names in "One of '{"urn:...":source, "urn:...":scope}' is expected." */
    private static List<String> expected(String detail) {
        int start = detail.indexOf("One of '{");
        int end = detail.indexOf("}'", start);
        List<String> names = new ArrayList<>();
        if (start >= 0 && end > start) {
            for (String item : detail.substring(start + 9, end).split(",")) {
                Matcher name = EXPECTED_NAME.matcher(item.strip());
                if (item.contains("WC[")) {
                    // The schema's closing wildcard: an XML signature.
                    names.add("ds:Signature");
                } else if (name.matches()) {
                    names.add(name.group(1));
                }
            }
        }
        return names;
    }

    private static String allowed(String detail) {
        return first(ENUMERATION, detail);
    }

    private static String elements(List<String> names, String conjunction) {
        List<String> tagged = names.stream().map(name -> "<" + name + ">").toList();
        if (tagged.isEmpty()) {
            return "nothing more";
        }
        return tagged.size() == 1
                ? tagged.getFirst()
                : String.join(", ", tagged.subList(0, tagged.size() - 1)) + conjunction + tagged.getLast();
    }

    private static String isMissing(List<String> missing) {
        return elements(missing, " and ") + (missing.size() == 1 ? " is" : " are") + " missing from ";
    }

    private static String first(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1) : "?";
    }

    /** A value as it appears in a message: stripped, quoted, and cut short if long. */
    static String quoted(String text) {
        String value = text.strip();
        return "'" + (value.length() > 60 ? value.substring(0, 57) + "..." : value) + "'";
    }
}
