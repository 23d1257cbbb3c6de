package org.cascadehub.alerts.cap;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** Reads CAP 1.2 (or 1.1) XML into the model, through the locked-down DOM parser. */
final class CapReader {

    private CapReader() {}

    static CapAlert read(byte[] xml) {
        if (xml.length == 0) {
            throw new CapFormatException("/", "The document is empty.");
        }
        if (xml.length > CapXml.MAX_BYTES) {
            throw new CapFormatException(
                    "/", "The document is " + xml.length + " bytes; the most read is " + CapXml.MAX_BYTES + " bytes.");
        }
        Document document;
        try {
            document = SecureXml.documentBuilder().parse(new InputSource(new ByteArrayInputStream(xml)));
        } catch (SAXException e) {
            throw new CapFormatException("/", SecureXml.describe(e));
        } catch (IOException e) {
            throw new CapFormatException("/", "The document could not be read: " + e.getMessage());
        }
        Element root = document.getDocumentElement();
        if (!"alert".equals(root.getLocalName()) || !Dom.isCap(root.getNamespaceURI())) {
            throw new CapFormatException(
                    "/" + root.getLocalName(),
                    "The document is <" + root.getLocalName() + ">; a CAP message is an <alert> in namespace "
                            + CapXml.NAMESPACE + ".");
        }
        if (document.getElementsByTagNameNS(SecureXml.XINCLUDE_NAMESPACE, "*").getLength() > 0) {
            throw new CapFormatException(
                    "/alert", "The document uses XInclude; CAP alerts must be self-contained, so it was not read.");
        }
        return alert(new CapElement(root, CapPaths.ROOT));
    }

    private static CapAlert alert(CapElement alert) {
        return new CapAlert(
                alert.token("identifier"),
                alert.token("sender"),
                alert.time("sent"),
                alert.choice("status", CapStatus.class),
                alert.choice("msgType", CapMsgType.class),
                alert.optional("source"),
                alert.choice("scope", CapScope.class),
                alert.optional("restriction"),
                alert.list("addresses"),
                alert.all("code").stream().map(CapElement::text).toList(),
                alert.optional("note"),
                references(alert),
                alert.list("incidents"),
                alert.all("info").stream().map(CapReader::info).toList());
    }

    private static List<CapReference> references(CapElement alert) {
        String text = alert.optional("references");
        List<CapReference> references = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return references;
        }
        for (String entry : text.strip().split("\\s+")) {
            String[] parts = entry.split(",", -1);
            if (parts.length != 3 || CapTimes.problem(parts[2]) != null) {
                throw alert.problem(
                        "references",
                        "<references> entry " + SchemaMessages.quoted(entry) + " is not 'sender,identifier,sent'.");
            }
            references.add(new CapReference(parts[0], parts[1], CapTimes.parse(parts[2])));
        }
        return references;
    }

    private static CapInfo info(CapElement info) {
        String language = info.optionalToken("language");
        return new CapInfo(
                language == null ? CapInfo.DEFAULT_LANGUAGE : language,
                info.all("category").stream()
                        .map(c -> c.value(CapCategory.class))
                        .toList(),
                info.required("event"),
                info.all("responseType").stream()
                        .map(r -> r.value(CapResponseType.class))
                        .toList(),
                info.choice("urgency", CapUrgency.class),
                info.choice("severity", CapSeverity.class),
                info.choice("certainty", CapCertainty.class),
                info.optional("audience"),
                info.all("eventCode").stream().map(CapElement::pair).toList(),
                info.optionalTime("effective"),
                info.optionalTime("onset"),
                info.optionalTime("expires"),
                info.optional("senderName"),
                info.optional("headline"),
                info.optional("description"),
                info.optional("instruction"),
                info.optionalToken("web"),
                info.optional("contact"),
                info.all("parameter").stream().map(CapElement::pair).toList(),
                info.all("resource").stream().map(CapReader::resource).toList(),
                info.all("area").stream().map(CapReader::area).toList());
    }

    private static CapResource resource(CapElement resource) {
        String size = resource.optionalToken("size");
        if (size != null && !size.matches("\\+?\\d{1,18}")) {
            throw resource.problem(
                    "size", "<size> must be a whole number of bytes; found " + SchemaMessages.quoted(size) + ".");
        }
        return new CapResource(
                resource.required("resourceDesc"),
                resource.token("mimeType"),
                size == null ? null : Long.valueOf(size),
                resource.optionalToken("uri"),
                resource.optionalToken("derefUri"),
                resource.optionalToken("digest"));
    }

    private static CapArea area(CapElement area) {
        return new CapArea(
                area.required("areaDesc"),
                area.all("polygon").stream().map(CapElement::polygon).toList(),
                area.all("circle").stream().map(CapElement::circle).toList(),
                area.all("geocode").stream().map(CapElement::pair).toList(),
                area.optionalDecimal("altitude"),
                area.optionalDecimal("ceiling"));
    }
}
