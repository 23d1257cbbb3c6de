package org.cascadehub.demo;

import java.util.List;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/**
 * Made-up descriptions of people and vehicles in demo reports, in the structured form the report
 * form asks for: what someone looked like and wore, never ethnicity, religion, health or sexual
 * orientation.
 */
final class Descriptions {

    /** A person involved; any part may be unknown. */
    record Involved(
            String role,
            @Nullable String sex,
            @Nullable String ageRange,
            @Nullable String height,
            @Nullable String build,
            @Nullable String hair,
            @Nullable String clothing,
            @Nullable String features) {}

    /** A vehicle involved; the registration is often only partly seen. */
    record Vehicle(
            String type,
            @Nullable String make,
            @Nullable String model,
            @Nullable String colour,
            @Nullable String registration,
            @Nullable String direction) {}

    private static final List<String> SEXES = List.of("MALE", "MALE", "FEMALE");
    private static final List<String> AGES = List.of("16-20", "20-25", "25-30", "30-40", "40-50", "50-60");
    private static final List<String> HEIGHTS =
            List.of("about 5ft 4", "about 5ft 7", "about 5ft 9", "about 5ft 11", "about 6ft 1", "about 6ft 3");
    private static final List<String> BUILDS = List.of("slim", "medium", "stocky", "heavy", "athletic");
    private static final List<String> HAIR = List.of(
            "short dark hair",
            "shaved head",
            "long brown hair in a ponytail",
            "grey hair",
            "blond curly hair",
            "hood up, hair not seen");
    private static final List<String> CLOTHING = List.of(
            "black puffer jacket, grey joggers, white trainers",
            "navy hoodie with the hood up, dark jeans",
            "high-visibility vest over a dark jacket",
            "long beige raincoat, carrying a red rucksack",
            "black cap, black face covering, black tracksuit",
            "green parka, blue jeans, brown boots",
            "smart grey suit, carrying a laptop bag",
            "football shirt, black shorts, sliders");
    private static final List<String> FEATURES = List.of(
            "tattoo of a swallow on the left hand",
            "walked with a limp on the right side",
            "spoke with a Scottish accent",
            "wore thick-rimmed glasses",
            "carried a large blue shopping bag",
            "had a distinctive gold chain",
            "scar above the left eyebrow");
    private static final List<String[]> MAKES = List.of(
            new String[] {"van", "Ford", "Transit"},
            new String[] {"car", "Vauxhall", "Corsa"},
            new String[] {"car", "BMW", "3 Series"},
            new String[] {"car", "Toyota", "Prius"},
            new String[] {"car", "Mercedes-Benz", "C-Class"},
            new String[] {"moped", "Honda", "PCX"},
            new String[] {"motorcycle", "Yamaha", "MT-07"},
            new String[] {"van", "Citroën", "Berlingo"});
    private static final List<String> COLOURS = List.of("black", "white", "silver", "grey", "dark blue", "red");
    private static final String LETTERS = "ABCDEFGHJKLMNOPRSTUVWXY";

    private Descriptions() {}

    static Involved person(String role, Random random) {
        return new Involved(
                role,
                maybe(SEXES, random, 8),
                maybe(AGES, random, 9),
                maybe(HEIGHTS, random, 7),
                maybe(BUILDS, random, 7),
                maybe(HAIR, random, 8),
                maybe(CLOTHING, random, 10),
                maybe(FEATURES, random, 3));
    }

    static Vehicle vehicle(String street, Random random) {
        String[] kind = MAKES.get(random.nextInt(MAKES.size()));
        return new Vehicle(
                kind[0],
                kind[1],
                random.nextInt(10) < 8 ? kind[2] : null,
                COLOURS.get(random.nextInt(COLOURS.size())),
                registration(random),
                random.nextBoolean() ? "Towards " + street : null);
    }

    /** A current-style British number plate, often with the end not seen. */
    private static String registration(Random random) {
        String plate = "" + letter(random) + letter(random) + (10 + random.nextInt(15)) + " " + letter(random)
                + letter(random) + letter(random);
        return random.nextInt(3) == 0 ? plate.substring(0, 5) + "??" : plate;
    }

    private static char letter(Random random) {
        return LETTERS.charAt(random.nextInt(LETTERS.length()));
    }

    /** One of {@code from}, or unknown; known {@code tenths} times in ten. */
    private static @Nullable String maybe(List<String> from, Random random, int tenths) {
        return random.nextInt(10) < tenths ? from.get(random.nextInt(from.size())) : null;
    }
}
