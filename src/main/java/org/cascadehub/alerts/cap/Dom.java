package org.cascadehub.alerts.cap;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Reading CAP elements from a DOM tree, by local name within the CAP namespaces. */
final class Dom {

    private Dom() {}

    static boolean isCap(@Nullable String namespace) {
        return CapXml.NAMESPACE.equals(namespace) || CapXml.NAMESPACE_1_1.equals(namespace);
    }

    static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element
                    && name.equals(element.getLocalName())
                    && isCap(element.getNamespaceURI())) {
                found.add(element);
            }
        }
        return found;
    }

    static @Nullable Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.getFirst();
    }

    /** The text of the first such child, or null when there is none. */
    static @Nullable String text(Element parent, String name) {
        Element child = child(parent, name);
        return child == null ? null : text(child);
    }

    /** The element's own text (not its descendants'), so no deep recursion on hostile input. */
    static String text(Element element) {
        StringBuilder text = new StringBuilder();
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(node.getNodeValue());
            }
        }
        return text.toString();
    }
}
