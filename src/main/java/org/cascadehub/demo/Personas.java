package org.cascadehub.demo;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Made-up people for the demo: plausible London names, unique {@code @demo.test} emails, phone
 * numbers from Ofcom's ranges reserved for drama (020 7946 0xxx, 07700 900xxx), so none rings a
 * real line, and SIA licence numbers of the right form. Everything comes from the one seeded
 * {@link Random}, so the same seed makes the same people.
 */
final class Personas {

    static final String DOMAIN = "@demo.test";

    private static final List<String> FIRST_NAMES = DemoResources.lines("demo/first-names.txt");

    private static final List<String> LAST_NAMES = DemoResources.lines("demo/last-names.txt");

    private static final String INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";

    private final Random random;
    private final Set<String> takenEmails = new HashSet<>();
    private final Map<String, Integer> nextSuffix = new HashMap<>();
    private final Set<String> reservedNames = new HashSet<>();

    Personas(Random random) {
        this.random = random;
    }

    /** Keeps an email (and a name) out of what this makes up: the demo accounts'. */
    void reserve(String name, String email) {
        reservedNames.add(name);
        takenEmails.add(email.toLowerCase(Locale.ROOT));
    }

    String name() {
        String name;
        do {
            name = pick(FIRST_NAMES) + " " + pick(LAST_NAMES);
        } while (reservedNames.contains(name));
        return name;
    }

    /** first.last@demo.test, numbered from 2 when taken; {@code tag} (if any) goes before the number. */
    String email(String name, @Nullable String tag) {
        String base = slug(name) + (tag == null ? "" : "." + tag);
        while (true) {
            int n = nextSuffix.merge(base, 1, Integer::sum);
            String email = base + (n == 1 ? "" : String.valueOf(n)) + DOMAIN;
            if (takenEmails.add(email)) {
                return email;
            }
        }
    }

    /** A mobile or a London landline from the drama ranges, or none (one in five). */
    @Nullable
    String phone() {
        int kind = random.nextInt(10);
        if (kind < 2) {
            return null;
        }
        return kind < 6
                ? String.format("+447700900%03d", random.nextInt(1000))
                : String.format("+442079460%03d", random.nextInt(1000));
    }

    /** A London landline from the drama range, for organisations. */
    String officePhone() {
        return String.format("+442079460%03d", random.nextInt(1000));
    }

    /** Sixteen digits, as printed on an SIA licence. */
    String siaLicence() {
        return String.format("10%07d%07d", random.nextInt(10_000_000), random.nextInt(10_000_000));
    }

    /** The second half of a postcode, such as "7JE". */
    String inwardCode() {
        return "" + random.nextInt(10)
                + INWARD_LETTERS.charAt(random.nextInt(INWARD_LETTERS.length()))
                + INWARD_LETTERS.charAt(random.nextInt(INWARD_LETTERS.length()));
    }

    /** A version 4 UUID from the seeded random, so ids are the same on every run too. */
    UUID uuid() {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }

    <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    Random random() {
        return random;
    }

    /** "Joao O'Brien" becomes "joao.obrien". */
    static String slug(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9 ]", "")
                .trim()
                .replaceAll(" +", ".");
    }
}
