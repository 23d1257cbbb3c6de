package org.cascadehub.reports.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.cascadehub.alerts.Tlp;

/**
 * A TLP 2.0 label as the report pages show it: its tag (the colours of {@code alerts.css}) and what
 * it means for a report, in plain words: who will see it.
 */
record ReportTlpLabel(Tlp tlp, String name, String cssClass, String meaning) {

    static final List<ReportTlpLabel> ALL =
            Arrays.stream(Tlp.values()).map(ReportTlpLabel::of).toList();

    static ReportTlpLabel of(Tlp tlp) {
        return switch (tlp) {
            case CLEAR ->
                new ReportTlpLabel(
                        tlp,
                        "TLP:CLEAR",
                        "cascade-tlp--clear",
                        "No limit: every member of the hub sees it, and it may be shared publicly.");
            case GREEN ->
                new ReportTlpLabel(
                        tlp,
                        "TLP:GREEN",
                        "cascade-tlp--green",
                        "Every vetted member of the partnership sees it; not for public channels.");
            case AMBER ->
                new ReportTlpLabel(
                        tlp,
                        "TLP:AMBER",
                        "cascade-tlp--amber",
                        "The police, your organisation, and the organisations and sharing groups you choose below,"
                                + " on a need-to-know basis.");
            case AMBER_STRICT ->
                new ReportTlpLabel(
                        tlp,
                        "TLP:AMBER+STRICT",
                        "cascade-tlp--amber",
                        "The police, your organisation, and only the organisations you name below: no sharing"
                                + " groups, no passing it on.");
            case RED ->
                new ReportTlpLabel(
                        tlp,
                        "TLP:RED",
                        "cascade-tlp--red",
                        "The police and only the people you name below: not even the rest of your organisation.");
        };
    }

    /** The form's value: the label as TLP 2.0 writes it ({@code AMBER+STRICT}). */
    public String value() {
        return tlp.label();
    }

    /** An id for the label's radio button. */
    public String id() {
        return tlp.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
