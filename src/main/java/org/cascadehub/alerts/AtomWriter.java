package org.cascadehub.alerts;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jspecify.annotations.Nullable;

/** Writes an Atom 1.0 feed (RFC 4287) with StAX: UTF-8, default namespace, indented. */
final class AtomWriter {

    static final String NAMESPACE = "http://www.w3.org/2005/Atom";

    record Head(String id, String title, String self, String alternate, Instant updated) {}

    record Category(String term, String scheme, String label) {}

    record Link(String rel, String type, String href) {}

    record Entry(
            String id,
            String title,
            Instant updated,
            @Nullable Instant published,
            String author,
            @Nullable String summary,
            @Nullable String content,
            List<Category> categories,
            List<Link> links) {}

    private final XMLStreamWriter xml;

    private AtomWriter(XMLStreamWriter xml) {
        this.xml = xml;
    }

    static byte[] write(Head head, List<Entry> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            new AtomWriter(xml).feed(head, entries);
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Writing an Atom feed to memory failed", e);
        }
        return out.toByteArray();
    }

    private void feed(Head head, List<Entry> entries) throws XMLStreamException {
        xml.writeCharacters("\n");
        xml.setDefaultNamespace(NAMESPACE);
        xml.writeStartElement(NAMESPACE, "feed");
        xml.writeDefaultNamespace(NAMESPACE);
        leaf(1, "id", head.id());
        leaf(1, "title", head.title());
        leaf(1, "updated", time(head.updated()));
        link(1, new Link("self", "application/atom+xml", head.self()));
        link(1, new Link("alternate", "text/html", head.alternate()));
        leaf(1, "generator", "Cascade");
        for (Entry entry : entries) {
            entry(entry);
        }
        xml.writeCharacters("\n");
        xml.writeEndElement();
    }

    private void entry(Entry entry) throws XMLStreamException {
        indent(1);
        xml.writeStartElement(NAMESPACE, "entry");
        leaf(2, "id", entry.id());
        leaf(2, "title", entry.title());
        leaf(2, "updated", time(entry.updated()));
        if (entry.published() != null) {
            leaf(2, "published", time(entry.published()));
        }
        indent(2);
        xml.writeStartElement(NAMESPACE, "author");
        leaf(3, "name", entry.author());
        indent(2);
        xml.writeEndElement();
        if (entry.summary() != null) {
            leaf(2, "summary", entry.summary());
        }
        if (entry.content() != null) {
            indent(2);
            xml.writeStartElement(NAMESPACE, "content");
            xml.writeAttribute("type", "text");
            xml.writeCharacters(xmlSafe(entry.content()));
            xml.writeEndElement();
        }
        for (Category category : entry.categories()) {
            indent(2);
            xml.writeEmptyElement(NAMESPACE, "category");
            xml.writeAttribute("term", xmlSafe(category.term()));
            xml.writeAttribute("scheme", category.scheme());
            xml.writeAttribute("label", xmlSafe(category.label()));
        }
        for (Link link : entry.links()) {
            link(2, link);
        }
        indent(1);
        xml.writeEndElement();
    }

    private void leaf(int depth, String name, String text) throws XMLStreamException {
        indent(depth);
        xml.writeStartElement(NAMESPACE, name);
        xml.writeCharacters(xmlSafe(text));
        xml.writeEndElement();
    }

    private void link(int depth, Link link) throws XMLStreamException {
        indent(depth);
        xml.writeEmptyElement(NAMESPACE, "link");
        xml.writeAttribute("rel", link.rel());
        xml.writeAttribute("type", link.type());
        xml.writeAttribute("href", link.href());
    }

    private void indent(int depth) throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }

    private static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** Characters XML 1.0 cannot carry (alerts refuse most already) become U+FFFD rather than broken XML. */
    static String xmlSafe(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints()
                .map(c -> c == 0x9
                                || c == 0xA
                                || c == 0xD
                                || (c >= 0x20 && c <= 0xD7FF)
                                || (c >= 0xE000 && c <= 0xFFFD)
                                || (c >= 0x10000 && c <= 0x10FFFF)
                        ? c
                        : 0xFFFD)
                .forEach(out::appendCodePoint);
        return out.toString();
    }
}
