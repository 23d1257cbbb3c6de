package org.cascadehub.alerts.cap;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * Sits between the parser and the schema validator, knowing at every moment which element is
 * open (so each schema error gets a path) and what text it holds. It also checks the root
 * element, reads CAP 1.1 as 1.2 (with a warning), and keeps XInclude elements away from the
 * validator, reporting them instead.
 */
final class PathTracker extends XMLFilterImpl {

    /** Thrown to end the parse when the document is not a CAP alert at all. */
    static final class NotCap extends SAXException {
        NotCap() {
            super("not a CAP alert");
        }
    }

    /** An open element: its name, path, the counts of its children so far and its own text. */
    record Open(String name, String path, Map<String, Integer> children, StringBuilder text) {}

    private final Deque<Open> open = new ArrayDeque<>();
    private final Findings findings;
    private int skippedDepth;

    PathTracker(XMLReader parent, Findings findings) {
        super(parent);
        this.findings = findings;
    }

    /** The innermost open element, or null outside the root. */
    @Nullable
    Open current() {
        return open.peek();
    }

    /** The element enclosing the innermost one, or null. */
    @Nullable
    Open parent() {
        var elements = open.iterator();
        if (!elements.hasNext()) {
            return null;
        }
        elements.next();
        return elements.hasNext() ? elements.next() : null;
    }

    String path() {
        Open current = open.peek();
        return current == null ? "/" : current.path();
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
        if (skippedDepth > 0) {
            skippedDepth++;
            return;
        }
        if (SecureXml.XINCLUDE_NAMESPACE.equals(uri)) {
            findings.error(
                    path() + "/" + qName,
                    "<" + qName + "> is an XInclude instruction. CAP alerts must be self-contained, so it was"
                            + " not followed and nothing was included.");
            skippedDepth = 1;
            return;
        }
        if (open.isEmpty()) {
            checkRoot(uri, localName);
        }
        Open parent = open.peek();
        String path = parent == null
                ? CapPaths.ROOT
                : CapPaths.child(parent.path(), localName, parent.children().merge(localName, 1, Integer::sum));
        open.push(new Open(localName, path, new HashMap<>(), new StringBuilder()));
        super.startElement(asCap12(uri), localName, qName, atts);
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        if (skippedDepth > 0) {
            skippedDepth--;
            return;
        }
        super.endElement(asCap12(uri), localName, qName);
        open.pop();
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        if (skippedDepth > 0) {
            return;
        }
        Open current = open.peek();
        if (current != null) {
            current.text().append(ch, start, length);
        }
        super.characters(ch, start, length);
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
        if (skippedDepth == 0) {
            super.ignorableWhitespace(ch, start, length);
        }
    }

    @Override
    public void startPrefixMapping(String prefix, String uri) throws SAXException {
        super.startPrefixMapping(prefix, asCap12(uri));
    }

    private void checkRoot(String uri, String localName) throws SAXException {
        if ("alert".equals(localName) && CapXml.NAMESPACE_1_1.equals(uri)) {
            findings.warning(
                    CapPaths.ROOT,
                    "This is a CAP 1.1 alert (namespace " + CapXml.NAMESPACE_1_1 + "). It was checked against"
                            + " CAP 1.2, which is what Cascade writes; the two versions differ very little.");
            return;
        }
        if (!"alert".equals(localName) || !CapXml.NAMESPACE.equals(uri)) {
            findings.error(
                    "/" + localName,
                    "The document is <" + localName + "> in namespace '" + uri + "'; a CAP 1.2 message is an"
                            + " <alert> in namespace " + CapXml.NAMESPACE + ".");
            throw new NotCap();
        }
    }

    private static String asCap12(String uri) {
        return CapXml.NAMESPACE_1_1.equals(uri) ? CapXml.NAMESPACE : uri;
    }
}
