package org.cascadehub.alerts.cap;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Says whether a document is a valid CAP 1.2 alert: the official OASIS schema first, then the
 * specification's rules the schema cannot express (see {@code docs/alerts.md} for the list).
 * Every problem is reported at once, each with the path of the element and plain words. Hostile
 * or broken input (DTDs, entities, XInclude, not XML at all, too large) is an error in the
 * answer, never an exception. Safe to use from many threads at once.
 */
@Component
public final class CapValidator {

    private static final Logger log = LoggerFactory.getLogger(CapValidator.class);

    public CapValidation validate(byte[] xml) {
        Findings findings = new Findings();
        try {
            check(xml, findings);
        } catch (RuntimeException e) {
            // A bug here must not turn bad input into a server error; it is logged to be fixed.
            log.warn("CAP validation failed unexpectedly", e);
            findings.error("/", "The document could not be checked because of an internal problem.");
        }
        return findings.result();
    }

    private static void check(byte[] xml, Findings findings) {
        if (xml.length == 0) {
            findings.error("/", "The document is empty: send a CAP 1.2 <alert>.");
            return;
        }
        if (xml.length > CapXml.MAX_BYTES) {
            findings.error(
                    "/",
                    "The document is " + xml.length + " bytes; the most accepted is " + CapXml.MAX_BYTES
                            + " bytes (1 MB).");
            return;
        }
        if (!CapSchemaCheck.check(xml, findings)) {
            return;
        }
        try {
            // Well-formed and rooted in <alert>, as the schema pass has just shown.
            Document document = SecureXml.documentBuilder().parse(new InputSource(new ByteArrayInputStream(xml)));
            CapRules.check(document.getDocumentElement(), findings);
        } catch (SAXException e) {
            findings.onlyError("/", SecureXml.describe(e));
        } catch (IOException e) {
            findings.onlyError("/", "The document could not be read: " + e.getMessage());
        }
    }
}
