package org.cascadehub.alerts.cap;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.ValidatorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The official OASIS CAP 1.2 schema check, in one streaming pass that also proves the document is
 * well-formed. The schema is compiled once per JVM; a compiled {@link Schema} is immutable and
 * safe to share, and every check makes its own validator and parser.
 */
final class CapSchemaCheck {

    private static final String RESOURCE = "/cap/cap12.xsd";

    private CapSchemaCheck() {}

    /**
     * Checks the document against the schema, reporting to the findings.
     *
     * @return whether the document was read to the end as a CAP alert, so the rules can look at it
     */
    static boolean check(byte[] xml, Findings findings) {
        PathTracker tracker = new PathTracker(SecureXml.saxReader(), findings);
        ValidatorHandler validator = Compiled.SCHEMA.newValidatorHandler();
        SecureXml.lockDown(validator);
        validator.setErrorHandler(new SchemaMessages(tracker, findings));
        tracker.setContentHandler(validator);
        try {
            tracker.parse(new InputSource(new ByteArrayInputStream(xml)));
            return true;
        } catch (PathTracker.NotCap notCap) {
            return false;
        } catch (SAXException e) {
            findings.onlyError(tracker.path(), SecureXml.describe(e));
            return false;
        } catch (IOException e) {
            findings.error("/", "The document could not be read: " + e.getMessage());
            return false;
        }
    }

    /** Compiled on first use, by the class loader's once-only initialisation. */
    private static final class Compiled {
        static final Schema SCHEMA = compile();

        private static Schema compile() {
            URL url = CapSchemaCheck.class.getResource(RESOURCE);
            if (url == null) {
                throw new IllegalStateException("The CAP 1.2 schema " + RESOURCE + " is missing from the classpath");
            }
            try (InputStream in = url.openStream()) {
                SchemaFactory factory = SchemaFactory.newDefaultInstance();
                factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
                factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
                factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
                return factory.newSchema(new StreamSource(in, url.toExternalForm()));
            } catch (IOException | SAXException e) {
                throw new IllegalStateException("The CAP 1.2 schema " + RESOURCE + " cannot be compiled", e);
            }
        }
    }
}
