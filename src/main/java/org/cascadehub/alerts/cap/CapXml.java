package org.cascadehub.alerts.cap;

/**
 * CAP 1.2 XML for a {@link CapAlert}, both ways. Writing produces UTF-8 XML in the CAP 1.2
 * namespace, elements in the schema's order, that {@link CapValidator} accepts when the alert
 * follows the specification's rules. Reading accepts CAP 1.2 and 1.1 (which the model also
 * holds), ignores an XML signature, and refuses DTDs, entities and XInclude; it does not run the
 * schema, so validate first to hear about every problem.
 */
public final class CapXml {

    /** The CAP 1.2 namespace. */
    public static final String NAMESPACE = "urn:oasis:names:tc:emergency:cap:1.2";

    /** The largest document read or validated, in bytes (1 MB). */
    public static final int MAX_BYTES = 1_048_576;

    static final String NAMESPACE_1_1 = "urn:oasis:names:tc:emergency:cap:1.1";

    private CapXml() {}

    /** The alert as CAP 1.2 XML, UTF-8. */
    public static byte[] write(CapAlert alert) {
        return CapWriter.write(alert);
    }

    /**
     * The alert in a CAP 1.2 (or 1.1) document.
     *
     * @throws CapFormatException naming the first thing that stops it being read
     */
    public static CapAlert read(byte[] xml) {
        return CapReader.read(xml);
    }
}
