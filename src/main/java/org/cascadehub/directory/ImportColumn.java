package org.cascadehub.directory;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The columns of a directory import file and which kind of row uses each. One file holds rows of
 * three kinds, told apart by the {@code record} column; {@code organisation} links sites and
 * people to their organisation by name.
 */
enum ImportColumn {
    RECORD("record", EnumSet.allOf(Kind.class), EnumSet.allOf(Kind.class)),
    ORGANISATION("organisation", EnumSet.allOf(Kind.class), EnumSet.allOf(Kind.class)),
    KIND("kind", EnumSet.of(Kind.ORGANISATION), EnumSet.of(Kind.ORGANISATION)),
    SECTORS("sectors", EnumSet.of(Kind.ORGANISATION), EnumSet.of(Kind.ORGANISATION)),
    CONTACT_EMAIL("contact_email", EnumSet.of(Kind.ORGANISATION), EnumSet.noneOf(Kind.class)),
    CONTACT_PHONE("contact_phone", EnumSet.of(Kind.ORGANISATION), EnumSet.noneOf(Kind.class)),
    WEBSITE("website", EnumSet.of(Kind.ORGANISATION), EnumSet.noneOf(Kind.class)),
    ADDRESS("address", EnumSet.of(Kind.ORGANISATION, Kind.SITE), EnumSet.of(Kind.SITE)),
    SITE_NAME("site_name", EnumSet.of(Kind.SITE), EnumSet.of(Kind.SITE)),
    LATITUDE("latitude", EnumSet.of(Kind.SITE), EnumSet.of(Kind.SITE)),
    LONGITUDE("longitude", EnumSet.of(Kind.SITE), EnumSet.of(Kind.SITE)),
    PERSON_NAME("person_name", EnumSet.of(Kind.PERSON), EnumSet.of(Kind.PERSON)),
    EMAIL("email", EnumSet.of(Kind.PERSON), EnumSet.of(Kind.PERSON)),
    PHONE("phone", EnumSet.of(Kind.PERSON), EnumSet.noneOf(Kind.class)),
    SIA_LICENCE("sia_licence", EnumSet.of(Kind.PERSON), EnumSet.noneOf(Kind.class)),
    ROLES("roles", EnumSet.of(Kind.PERSON), EnumSet.noneOf(Kind.class)),
    NOTIFY_EMAIL("notify_email", EnumSet.of(Kind.PERSON), EnumSet.noneOf(Kind.class)),
    NOTIFY_SMS("notify_sms", EnumSet.of(Kind.PERSON), EnumSet.noneOf(Kind.class));

    /** What a row describes: the value of its {@code record} column. */
    enum Kind {
        ORGANISATION,
        SITE,
        PERSON;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Optional<Kind> parse(String value) {
            String wanted = value.strip().toLowerCase(Locale.ROOT);
            for (Kind kind : values()) {
                if (kind.label().equals(wanted)) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }
    }

    private final String header;
    private final Set<Kind> usedBy;
    private final Set<Kind> neededBy;

    ImportColumn(String header, Set<Kind> usedBy, Set<Kind> neededBy) {
        this.header = header;
        this.usedBy = usedBy;
        this.neededBy = neededBy;
    }

    /** The column's name in the header row. */
    String header() {
        return header;
    }

    /** Whether a row of this kind takes a value in this column (otherwise it must be empty). */
    boolean usedBy(Kind kind) {
        return usedBy.contains(kind);
    }

    /** Whether the header must have this column when the file has rows of this kind. */
    boolean neededBy(Kind kind) {
        return neededBy.contains(kind);
    }

    /** The kinds of row that use this column, as words: "organisation and site rows". */
    String usedByWords() {
        List<String> labels = usedBy.stream().map(Kind::label).toList();
        return String.join(" and ", labels) + " rows";
    }

    /** The full header row, in order, as the template has it. */
    static String expectedHeader() {
        return String.join(
                ",", List.of(values()).stream().map(ImportColumn::header).toList());
    }

    /**
     * Finds a column by its header text, forgiving case, surrounding spaces and spaces or dashes
     * for underscores: "Person name" is {@code person_name}.
     */
    static Optional<ImportColumn> byHeader(String text) {
        String wanted = normalise(text);
        for (ImportColumn column : values()) {
            if (column.header.equals(wanted)) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }

    static String normalise(String text) {
        return text.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s\\-]+", "_");
    }
}
