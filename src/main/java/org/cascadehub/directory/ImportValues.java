package org.cascadehub.directory;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.cascadehub.platform.InvalidInput;
import org.jspecify.annotations.Nullable;

/**
 * Reads the values of an import file that a form would have as controls (a kind, roles, yes or
 * no, a number). The rules for what the values may be stay with the services; this only turns
 * spreadsheet text into the values they check, naming the column when it cannot.
 */
final class ImportValues {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d{1,3}(\\.\\d+)?");

    private ImportValues() {}

    /** Values separated by semicolons, without blanks: "Retail; Hospitality". */
    static List<String> list(String text) {
        return Arrays.stream(text.split(";"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /** A kind by its name or its label ("BUSINESS", "Business"); {@code null} when empty. */
    static @Nullable OrganisationKind kind(String column, String text) {
        if (text.isBlank()) {
            return null;
        }
        return Arrays.stream(OrganisationKind.values())
                .filter(kind -> same(kind.name(), text) || same(kind.label(), text))
                .findFirst()
                .orElseThrow(() -> InvalidInput.of(
                        column,
                        "'" + text.strip() + "' is not a kind of organisation. Use one of: "
                                + Arrays.stream(OrganisationKind.values())
                                        .map(OrganisationKind::label)
                                        .collect(Collectors.joining(", "))));
    }

    /** Roles by name or label, separated by semicolons; an empty value means a member. */
    static Set<Role> roles(String column, String text) {
        List<String> wanted = list(text);
        if (wanted.isEmpty()) {
            return Set.of(Role.MEMBER);
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String item : wanted) {
            roles.add(Arrays.stream(Role.values())
                    .filter(role -> same(role.name(), item) || same(role.label(), item))
                    .findFirst()
                    .orElseThrow(() -> InvalidInput.of(
                            column,
                            "'" + item + "' is not a role. Use Member or Security manager, "
                                    + "separated by a semicolon if the person has both")));
        }
        return roles;
    }

    /** yes/no, y/n, true/false or 1/0, ignoring case; empty means the default. */
    static boolean yesNo(String column, String text, boolean otherwise) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "" -> otherwise;
            case "yes", "y", "true", "1" -> true;
            case "no", "n", "false", "0" -> false;
            default -> throw InvalidInput.of(column, "Enter yes or no, not '" + text.strip() + "'");
        };
    }

    /** A decimal number of degrees, like 51.5101 (a point, not a comma). */
    static Double degrees(String column, String text, String example) {
        String value = text.strip();
        if (value.isEmpty()) {
            throw InvalidInput.of(column, "Enter the " + column + " in decimal degrees, like " + example);
        }
        if (!DECIMAL.matcher(value).matches()) {
            throw InvalidInput.of(
                    column,
                    "Enter the " + column + " in decimal degrees with a point, like " + example + ", not '" + value
                            + "'");
        }
        return Double.parseDouble(value);
    }

    /** Names match ignoring case, and spaces, dashes and underscores are alike. */
    private static boolean same(String name, String text) {
        return normal(name).equals(normal(text));
    }

    private static String normal(String text) {
        return text.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]+", " ");
    }
}
