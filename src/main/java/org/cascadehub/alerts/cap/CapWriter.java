package org.cascadehub.alerts.cap;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jspecify.annotations.Nullable;

/** Writes the model as CAP 1.2 XML with StAX, in the schema's element order, indented. */
final class CapWriter {

    private final XMLStreamWriter xml;
    private int depth;

    private CapWriter(XMLStreamWriter xml) {
        this.xml = xml;
    }

    static byte[] write(CapAlert alert) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            new CapWriter(xml).alert(alert);
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Writing CAP XML to memory failed", e);
        }
        return out.toByteArray();
    }

    private void alert(CapAlert alert) throws XMLStreamException {
        xml.setDefaultNamespace(CapXml.NAMESPACE);
        open("alert");
        xml.writeDefaultNamespace(CapXml.NAMESPACE);
        leaf("identifier", alert.identifier());
        leaf("sender", alert.sender());
        leaf("sent", CapTimes.format(alert.sent()));
        leaf("status", alert.status().name());
        leaf("msgType", alert.msgType().name());
        leaf("source", alert.source());
        leaf("scope", alert.scope().name());
        leaf("restriction", alert.restriction());
        leaf("addresses", alert.addresses().isEmpty() ? null : CapLists.join(alert.addresses()));
        for (String code : alert.codes()) {
            leaf("code", code);
        }
        leaf("note", alert.note());
        leaf("references", alert.references().isEmpty() ? null : join(alert.references()));
        leaf("incidents", alert.incidents().isEmpty() ? null : CapLists.join(alert.incidents()));
        for (CapInfo info : alert.infos()) {
            info(info);
        }
        close();
    }

    private void info(CapInfo info) throws XMLStreamException {
        open("info");
        leaf("language", info.language());
        for (CapCategory category : info.categories()) {
            leaf("category", category.name());
        }
        leaf("event", info.event());
        for (CapResponseType responseType : info.responseTypes()) {
            leaf("responseType", responseType.name());
        }
        leaf("urgency", info.urgency().name());
        leaf("severity", info.severity().name());
        leaf("certainty", info.certainty().name());
        leaf("audience", info.audience());
        pairs("eventCode", info.eventCodes());
        leaf("effective", time(info.effective()));
        leaf("onset", time(info.onset()));
        leaf("expires", time(info.expires()));
        leaf("senderName", info.senderName());
        leaf("headline", info.headline());
        leaf("description", info.description());
        leaf("instruction", info.instruction());
        leaf("web", info.web());
        leaf("contact", info.contact());
        pairs("parameter", info.parameters());
        for (CapResource resource : info.resources()) {
            open("resource");
            leaf("resourceDesc", resource.resourceDesc());
            leaf("mimeType", resource.mimeType());
            leaf("size", resource.size() == null ? null : resource.size().toString());
            leaf("uri", resource.uri());
            leaf("derefUri", resource.derefUri());
            leaf("digest", resource.digest());
            close();
        }
        for (CapArea area : info.areas()) {
            area(area);
        }
        close();
    }

    private void area(CapArea area) throws XMLStreamException {
        open("area");
        leaf("areaDesc", area.areaDesc());
        for (CapPolygon polygon : area.polygons()) {
            leaf("polygon", polygon.toString());
        }
        for (CapCircle circle : area.circles()) {
            leaf("circle", circle.toString());
        }
        pairs("geocode", area.geocodes());
        leaf("altitude", decimal(area.altitude()));
        leaf("ceiling", decimal(area.ceiling()));
        close();
    }

    private void pairs(String name, List<CapNamedValue> pairs) throws XMLStreamException {
        for (CapNamedValue pair : pairs) {
            open(name);
            leaf("valueName", pair.valueName());
            leaf("value", pair.value());
            close();
        }
    }

    private void open(String name) throws XMLStreamException {
        indent();
        xml.writeStartElement(CapXml.NAMESPACE, name);
        depth++;
    }

    private void close() throws XMLStreamException {
        depth--;
        indent();
        xml.writeEndElement();
    }

    /** An element with text; nothing at all when the value is absent. */
    private void leaf(String name, @Nullable String value) throws XMLStreamException {
        if (value == null) {
            return;
        }
        refuseUnwritable(name, value);
        indent();
        xml.writeStartElement(CapXml.NAMESPACE, name);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    private void indent() throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }

    /** XML 1.0 cannot carry most control characters; better to say so than to write broken XML. */
    private static void refuseUnwritable(String name, String value) {
        value.codePoints()
                .filter(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF)
                .findFirst()
                .ifPresent(c -> {
                    throw new IllegalArgumentException("<" + name + "> contains the character U+"
                            + String.format("%04X", c) + ", which XML cannot carry.");
                });
    }

    private static @Nullable String time(@Nullable OffsetDateTime time) {
        return time == null ? null : CapTimes.format(time);
    }

    private static @Nullable String decimal(@Nullable BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    private static String join(List<CapReference> references) {
        return String.join(" ", references.stream().map(CapReference::toString).toList());
    }
}
