package org.cascadehub.alerts.cap;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * CAP 1.2's date-time form, {@code YYYY-MM-DDThh:mm:ss+hh:mm}: whole seconds, an explicit offset,
 * never {@code Z}; UTC is written {@code -00:00} (CAP 1.2, section 3.3.2).
 */
public final class CapTimes {

    static final String EXAMPLE = "2003-06-17T14:57:00-07:00";

    private static final Pattern CAP_FORM =
            Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[-+]\\d\\d:\\d\\d");
    private static final Pattern NO_OFFSET = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?");
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx", Locale.ROOT);

    private CapTimes() {}

    /** Writes a time in CAP's form, keeping its offset; UTC as {@code -00:00}. */
    public static String format(OffsetDateTime time) {
        String text = FORMAT.format(wholeSeconds(time));
        return time.getOffset().getTotalSeconds() == 0 ? text.substring(0, text.length() - 6) + "-00:00" : text;
    }

    /**
     * Reads a time in CAP's form.
     *
     * @throws IllegalArgumentException saying what is wrong, when the text is not in CAP's form
     */
    public static OffsetDateTime parse(String text) {
        String problem = problem(text);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return OffsetDateTime.parse(text.strip());
    }

    /** Why the text is not a CAP date-time, in words that follow "'text' ...", or null if it is one. */
    static @Nullable String problem(String text) {
        String value = text.strip();
        if (CAP_FORM.matcher(value).matches()) {
            try {
                OffsetDateTime.parse(value);
                return null;
            } catch (DateTimeParseException e) {
                return "is not a real date and time";
            }
        }
        if (value.endsWith("Z") || value.endsWith("z")) {
            return "ends in 'Z', which CAP forbids: write UTC as -00:00, as in " + EXAMPLE.replace("-07:00", "-00:00");
        }
        if (value.matches(".*:\\d\\d\\.\\d+([-+]\\d\\d:\\d\\d)?")) {
            return "has fractions of a second, which CAP does not allow; write it like " + EXAMPLE;
        }
        if (NO_OFFSET.matcher(value).matches()) {
            return "has no time zone offset; write it with one, like " + EXAMPLE;
        }
        return "is not a CAP date-time; write it like " + EXAMPLE;
    }

    /** Whether a CAP date-time is in UTC written as {@code +00:00}, where CAP asks for {@code -00:00}. */
    static boolean isPlusZeroUtc(String text) {
        return text.strip().endsWith("+00:00");
    }

    static OffsetDateTime wholeSeconds(OffsetDateTime time) {
        return time.truncatedTo(ChronoUnit.SECONDS);
    }
}
