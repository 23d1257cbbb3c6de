package org.cascadehub.demo;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.cascadehub.directory.Borough;

/** Made-up but plausible company names: "Ashworth Whitfield Stores Ltd", "Camden Kestrel Security". */
final class CompanyNames {

    private static final List<String> WORDS = List.of(
            "Ashworth",
            "Whitfield",
            "Harland",
            "Kestrel",
            "Sterling",
            "Beacon",
            "Meridian",
            "Crown",
            "Regent",
            "Albion",
            "Thames",
            "Granite",
            "Oakwood",
            "Hawthorn",
            "Linden",
            "Marlow",
            "Carrington",
            "Fairfax",
            "Pemberton",
            "Wessex",
            "Mercia",
            "Northgate",
            "Southbank",
            "Eastway",
            "Westbourne",
            "Greyfriars",
            "Blackwall",
            "Silverton",
            "Redcliffe",
            "Bluebell",
            "Foxley",
            "Ravenscourt",
            "Holloway",
            "Kingsway",
            "Marshall",
            "Osborne",
            "Prescott",
            "Quayside",
            "Riverside",
            "Sheldon",
            "Tavistock",
            "Underwood",
            "Vauxhall",
            "Waverley",
            "Yardley",
            "Bramley",
            "Chandler",
            "Dunmore",
            "Everett",
            "Fenwick");

    private static final Map<String, List<String>> NOUNS = Map.ofEntries(
            Map.entry("retail", List.of("Stores", "Retail", "Trading", "Outfitters", "Supermarkets")),
            Map.entry("hospitality", List.of("Hotels", "Inns", "Kitchens", "Dining", "Hospitality")),
            Map.entry("night-time-economy", List.of("Leisure", "Bars", "Venues", "Nightlife")),
            Map.entry("transport", List.of("Logistics", "Transport", "Coaches", "Freight")),
            Map.entry("finance", List.of("Capital", "Bank", "Asset Management", "Insurance")),
            Map.entry("property", List.of("Estates", "Property Management", "Facilities")),
            Map.entry("health", List.of("Healthcare", "Clinics", "Pharmacy")),
            Map.entry("education", List.of("Learning Trust", "College", "Academy")),
            Map.entry("utilities", List.of("Energy", "Water Services", "Power")),
            Map.entry("events", List.of("Events", "Arenas", "Exhibitions")),
            Map.entry("faith", List.of("Community Trust", "Faith Centre")),
            Map.entry("telecoms", List.of("Networks", "Data Centres", "Telecom")),
            Map.entry("security", List.of("Security", "Security Services", "Guarding", "Protection")));

    private static final List<String> SUFFIXES = List.of("Ltd", "Ltd", "Ltd", "plc", "LLP", "Limited", "");

    private CompanyNames() {}

    static String name(Random random, String sector, Borough home) {
        String first = random.nextInt(4) == 0 ? placeWord(home) : pick(random, WORDS);
        String second = pick(random, WORDS);
        List<String> nouns = NOUNS.getOrDefault(sector, List.of("Group"));
        String suffix = pick(random, SUFFIXES);
        String name = first.equals(second) ? first : first + " " + second;
        return (name + " " + pick(random, nouns) + " " + suffix).strip();
    }

    private static String placeWord(Borough home) {
        String name = home.name();
        int space = name.indexOf(' ');
        return space < 0 ? name : name.substring(0, space);
    }

    private static <T> T pick(Random random, List<T> from) {
        return from.get(random.nextInt(from.size()));
    }
}
