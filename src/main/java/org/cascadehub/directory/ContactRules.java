package org.cascadehub.directory;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.cascadehub.platform.InvalidInput;
import org.jspecify.annotations.Nullable;

/**
 * The rules for contact details, shared by forms, the API and CSV import. Each method answers the
 * normalised value or throws {@link InvalidInput} naming the field.
 */
public final class ContactRules {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");
    private static final Pattern E164 = Pattern.compile("^\\+[1-9]\\d{6,14}$");

    private ContactRules() {}

    public static String email(String field, @Nullable String value) {
        String email = value == null ? "" : value.trim();
        if (email.isEmpty()) {
            throw InvalidInput.of(field, "Enter an email address");
        }
        if (email.length() > 320 || !EMAIL.matcher(email).matches()) {
            throw InvalidInput.of(field, "Enter an email address in the correct format, like name@example.com");
        }
        return email;
    }

    /**
     * A phone number in E.164 form. Spaces, dashes and brackets are ignored, and a UK national
     * number (starting 0) is read as +44.
     */
    public static Optional<String> phone(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String digits = value.trim().replaceAll("[\\s\\-().]", "");
        if (digits.startsWith("00")) {
            digits = "+" + digits.substring(2);
        } else if (digits.startsWith("0")) {
            digits = "+44" + digits.substring(1);
        }
        if (!E164.matcher(digits).matches()) {
            throw InvalidInput.of(field, "Enter a phone number in international format, like +44 20 7946 0000");
        }
        return Optional.of(digits);
    }

    /**
     * An SIA licence number: 16 digits (spaces ignored). The SIA's register of licence holders is
     * not reachable from the hub, so this checks the form of the number only.
     */
    public static Optional<String> siaLicence(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String digits = value.replaceAll("[\\s-]", "");
        if (!digits.matches("\\d{16}")) {
            throw InvalidInput.of(field, "An SIA licence number is 16 digits, as printed on the licence");
        }
        return Optional.of(digits);
    }

    public static String required(String field, @Nullable String value, String label, int maxLength) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            throw InvalidInput.of(field, "Enter " + label.toLowerCase(Locale.ROOT));
        }
        if (text.length() > maxLength) {
            throw InvalidInput.of(field, label + " must be " + maxLength + " characters or fewer");
        }
        return text;
    }

    public static Optional<String> optional(String field, @Nullable String value, String label, int maxLength) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.strip();
        if (text.length() > maxLength) {
            throw InvalidInput.of(field, label + " must be " + maxLength + " characters or fewer");
        }
        return Optional.of(text);
    }
}
