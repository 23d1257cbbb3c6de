package org.cascadehub.alerts.cap;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;

/**
 * An element being read into the model, with its path, so that anything the model cannot hold
 * becomes a {@link CapFormatException} that names the element. Free text is kept exactly as
 * written; identifiers, codes, times and numbers are stripped of surrounding whitespace.
 */
record CapElement(Element element, String path) {

    String text() {
        return Dom.text(element);
    }

    String required(String name) {
        String text = Dom.text(element, name);
        if (text == null) {
            throw new CapFormatException(path, "<" + name + "> is missing from <" + element.getLocalName() + ">.");
        }
        return text;
    }

    @Nullable
    String optional(String name) {
        return Dom.text(element, name);
    }

    String token(String name) {
        return required(name).strip();
    }

    @Nullable
    String optionalToken(String name) {
        String text = optional(name);
        return text == null ? null : text.strip();
    }

    List<String> list(String name) {
        String text = optional(name);
        if (text == null) {
            return List.of();
        }
        try {
            return CapLists.split(text);
        } catch (IllegalArgumentException e) {
            throw problem(name, "<" + name + "> " + e.getMessage() + ".");
        }
    }

    List<CapElement> all(String name) {
        List<Element> children = Dom.children(element, name);
        List<CapElement> all = new ArrayList<>();
        for (int i = 0; i < children.size(); i++) {
            all.add(new CapElement(children.get(i), CapPaths.child(path, name, i + 1)));
        }
        return all;
    }

    <E extends Enum<E>> E choice(String name, Class<E> type) {
        required(name);
        return all(name).getFirst().value(type);
    }

    /** This element's text as one of a CAP enumeration's values. */
    <E extends Enum<E>> E value(Class<E> type) {
        String text = text().strip();
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text)) {
                return constant;
            }
        }
        throw new CapFormatException(
                path,
                "<" + element.getLocalName() + "> must be one of "
                        + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "))
                        + "; found " + SchemaMessages.quoted(text) + ".");
    }

    OffsetDateTime time(String name) {
        OffsetDateTime time = optionalTime(name);
        if (time == null) {
            throw new CapFormatException(path, "<" + name + "> is missing from <" + element.getLocalName() + ">.");
        }
        return time;
    }

    @Nullable
    OffsetDateTime optionalTime(String name) {
        String text = optional(name);
        if (text == null) {
            return null;
        }
        String problem = CapTimes.problem(text);
        if (problem != null) {
            throw problem(name, "<" + name + "> " + SchemaMessages.quoted(text) + " " + problem + ".");
        }
        return CapTimes.parse(text);
    }

    @Nullable
    BigDecimal optionalDecimal(String name) {
        String text = optionalToken(name);
        if (text == null) {
            return null;
        }
        if (!text.matches("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)")) {
            throw problem(name, "<" + name + "> must be a decimal number; found " + SchemaMessages.quoted(text) + ".");
        }
        return new BigDecimal(text);
    }

    CapNamedValue pair() {
        return new CapNamedValue(required("valueName"), required("value"));
    }

    CapPolygon polygon() {
        try {
            return CapShapes.polygon(text());
        } catch (IllegalArgumentException e) {
            throw new CapFormatException(path, "<polygon> " + e.getMessage() + ".");
        }
    }

    CapCircle circle() {
        try {
            return CapShapes.circle(text());
        } catch (IllegalArgumentException e) {
            throw new CapFormatException(path, "<circle> " + e.getMessage() + ".");
        }
    }

    CapFormatException problem(String child, String message) {
        return new CapFormatException(CapPaths.child(path, child), message);
    }
}
