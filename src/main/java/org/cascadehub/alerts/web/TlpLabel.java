package org.cascadehub.alerts.web;

import java.util.Arrays;
import java.util.List;
import org.cascadehub.alerts.Tlp;

/**
 * How the pages show a TLP 2.0 label: its name, its colour (TLP 2.0's own colours on black, see
 * {@code alerts.css}) and its handling rule in one line, as FIRST's TLP 2.0 standard words it.
 */
record TlpLabel(Tlp tlp, String name, String cssClass, String rule) {

    static final List<TlpLabel> ALL =
            Arrays.stream(Tlp.values()).map(TlpLabel::of).toList();

    static TlpLabel of(Tlp tlp) {
        return switch (tlp) {
            case CLEAR ->
                new TlpLabel(
                        tlp, "TLP:CLEAR", "cascade-tlp--clear", "Anyone may see it: there is no limit on disclosure.");
            case GREEN ->
                new TlpLabel(
                        tlp,
                        "TLP:GREEN",
                        "cascade-tlp--green",
                        "Share within the partnership's community, but not on publicly accessible channels.");
            case AMBER ->
                new TlpLabel(
                        tlp,
                        "TLP:AMBER",
                        "cascade-tlp--amber",
                        "Share only within your organisation and its clients, with people who need to know.");
            case AMBER_STRICT ->
                new TlpLabel(
                        tlp,
                        "TLP:AMBER+STRICT",
                        "cascade-tlp--amber",
                        "Share only within your organisation, with people who need to know.");
            case RED ->
                new TlpLabel(
                        tlp,
                        "TLP:RED",
                        "cascade-tlp--red",
                        "For the named recipients only: do not share it with anyone else.");
        };
    }

    /** The form's value: the label as TLP 2.0 writes it without the prefix ({@code AMBER+STRICT}). */
    public String value() {
        return tlp.label();
    }

    /** An id for the label's radio button. */
    public String id() {
        return tlp.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
