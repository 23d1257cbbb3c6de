package org.cascadehub.delivery;

import java.util.regex.Pattern;

/**
 * A text message to one phone number in E.164 form ({@code +447700900123}), as the directory
 * keeps them. At most 1,600 characters: gateways refuse longer ones.
 */
public record Sms(String to, String text) {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    public Sms {
        if (!E164.matcher(to).matches()) {
            throw new IllegalArgumentException("an SMS goes to a number in E.164 form such as +447700900123");
        }
        if (text.isBlank() || text.length() > 1600) {
            throw new IllegalArgumentException("an SMS has 1 to 1,600 characters");
        }
    }
}
