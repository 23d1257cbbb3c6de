package org.cascadehub.demo;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the demo reports say: for each report type a handful of accounts written the way security
 * staff write them, with slots ({@code {goods}}, {@code {street}}, ...) filled from lists of
 * concrete details, so five hundred reports read as five hundred different incidents. Nothing
 * describes anyone's ethnicity, religion, health or sexual orientation.
 */
final class ReportStories {

    private static final Pattern SLOT = Pattern.compile("\\{([a-z]+)}");

    private static final Map<String, List<String>> STORIES = Map.ofEntries(
            Map.entry(
                    "THEFT",
                    List.of(
                            "Male entered via {entrance} at {clock}, went straight to {goods} and filled a {bag}. Left"
                                    + " without paying, walking towards {street}. Estimated loss £{value}. CCTV retained.",
                            "Two people working together: one distracted staff at the tills while the other took {goods}"
                                    + " from {fixture}. Both left via {entrance} at {clock}. Loss about £{value}.",
                            "Known prolific shoplifter returned for the {nth} time this month and took {goods}. Staff"
                                    + " challenged at the door; the subject became verbally aggressive and left towards"
                                    + " {street}. Loss £{value}.",
                            "Security tags cut from {goods} and the empty packaging found behind {fixture} at {clock}."
                                    + " Stock check shows £{value} missing. Footage being reviewed.",
                            "Delivery cage left unattended in {backarea} for about {minutes} minutes. Two boxes of"
                                    + " {goods} taken, value £{value}. Driver saw a van leaving at speed.",
                            "Female concealed {goods} in a lined {bag} (foil-lined, likely to defeat the gates). Stopped"
                                    + " by store detective outside on {street}; goods recovered, subject left before"
                                    + " police arrived.")),
            Map.entry(
                    "VIOLENCE_AGAINST_STAFF",
                    List.of(
                            "Colleague on the tills refused an age-restricted sale at {clock}. Customer threw a basket"
                                    + " at the colleague and threatened to come back and wait outside. Colleague shaken but"
                                    + " not injured. Subject left towards {street}.",
                            "Security officer detained a suspected shoplifter at {entrance}; the subject punched the"
                                    + " officer in the face and escaped towards {street}. Officer has a cut lip, first aid"
                                    + " given. Body-worn video captured the assault.",
                            "Group of {count} became abusive when asked to leave at {clock}. One spat at a door"
                                    + " supervisor. Incident recorded on body-worn video; the venue wants to support a"
                                    + " prosecution.",
                            "Man made repeated threats to a colleague at the customer service desk after a refund was"
                                    + " refused, saying he knew where she parked. Third incident involving the same man"
                                    + " since {month}.")),
            Map.entry(
                    "ANTI_SOCIAL_BEHAVIOUR",
                    List.of(
                            "Group of {count} youths congregating at {entrance} from about {clock}, blocking customers,"
                                    + " throwing food and riding e-scooters through the {area}. Moved on twice; they"
                                    + " returned each time.",
                            "Person sleeping in the doorway at {entrance} became aggressive when staff opened up at"
                                    + " {clock}. Needles found nearby and disposed of safely. Outreach team informed.",
                            "Street drinking on {street} outside the venue most evenings this week. Bottles left on the"
                                    + " pavement, two fights broken up by door staff on Saturday around {clock}.",
                            "Fireworks thrown into the {area} at {clock}; nobody hurt but customers frightened. Group"
                                    + " of about {count} left on bicycles towards {street}.")),
            Map.entry(
                    "SUSPICIOUS_ACTIVITY",
                    List.of(
                            "Two men seen trying car doors in the {area} at {clock}. When approached by our patrol they"
                                    + " walked off towards {street} and got into a waiting {vehicle}.",
                            "Man loitered near the cash office door for about {minutes} minutes at {clock}, watching"
                                    + " staff enter the code. Left when a security officer approached.",
                            "Unknown person tried to tailgate staff through the {backarea} door at {clock}, claiming to"
                                    + " be from a cleaning contractor we do not use. Refused entry; left on foot.",
                            "Same {vehicle} seen parked opposite {entrance} on three evenings this week, engine running,"
                                    + " two occupants watching the shutters being closed.")),
            Map.entry(
                    "HOSTILE_RECONNAISSANCE",
                    List.of(
                            "Man filmed the {entrance} and the security posts on a phone for about {minutes} minutes at"
                                    + " {clock}, then paced out the distance to the road. When approached he said he was a"
                                    + " tourist and left quickly towards {street}.",
                            "Woman asked a door supervisor detailed questions about shift changes, where the CCTV"
                                    + " cameras point and when the building is busiest. Did not enter; photographed the"
                                    + " {backarea} from across {street}.",
                            "Drone flown over the {area} at {clock} for about {minutes} minutes, hovering over the"
                                    + " service yard. Operator seen in a {vehicle} on {street}; drove off when approached.",
                            "Same man seen on two days walking the perimeter, making notes and photographing the"
                                    + " vehicle barriers at {entrance}. Asked staff whether the barriers are ever left"
                                    + " open.")),
            Map.entry(
                    "SUSPICIOUS_ITEM",
                    List.of(
                            "Unattended {item} found by {entrance} at {clock}. HOT protocol applied: not hidden, looks"
                                    + " out of place. Area cleared for {minutes} metres pending police advice.",
                            "A {item} left under a table in the {area}; owner not found after a public announcement. Wires"
                                    + " visible from an open zip. Staff and customers moved away.",
                            "Package with no label delivered to reception by a courier who did not wait for a"
                                    + " signature. Sent to the post room's isolation box; police advice requested.")),
            Map.entry(
                    "CRIMINAL_DAMAGE",
                    List.of(
                            "Shop window at {entrance} smashed overnight; found by the cleaner at {clock}. Nothing"
                                    + " taken. Repair quote £{value}.",
                            "Graffiti tags sprayed across the shutters and the {backarea} wall between {clock} and"
                                    + " opening. Same tag as seen elsewhere on {street}.",
                            "Car park pay machine prised open and damaged at about {clock}; coin box intact. Cost to"
                                    + " replace £{value}.",
                            "Tyres of {count} staff cars slashed in the {area} during the night shift.")),
            Map.entry(
                    "BURGLARY",
                    List.of(
                            "Rear fire door forced at about {clock}; alarm activated and keyholder attended. {goods}"
                                    + " missing from the stockroom, loss about £{value}.",
                            "Entry gained through the roof of the {backarea}. Safe attacked but not opened. Power tools"
                                    + " left at the scene. Forensics requested.",
                            "Ram raid at {clock}: a stolen {vehicle} reversed into the shutters at {entrance}. {goods}"
                                    + " taken in under three minutes; the vehicle was abandoned on {street}.")),
            Map.entry(
                    "FRAUD",
                    List.of(
                            "Customer paid with a cloned card at {clock}; the bank declined it afterwards. Same person"
                                    + " tried twice at other tills. Loss £{value}.",
                            "Phone call to the finance team from someone claiming to be our director, asking for an"
                                    + " urgent transfer of £{value} to a new supplier account. Not paid; the number was"
                                    + " spoofed.",
                            "Refund fraud: receipts for {goods} taken from the bins and used to return stolen items at"
                                    + " {count} branches this week. Total £{value}.",
                            "Counterfeit £50 notes passed at the bar between {clock} and closing. {count} notes found"
                                    + " at cash-up.")),
            Map.entry(
                    "CYBER_INCIDENT",
                    List.of(
                            "Phishing email sent to {count} staff pretending to be a parcel delivery, with a link to a"
                                    + " fake sign-in page. Two people entered passwords; accounts reset, no data lost so far.",
                            "Ransomware note found on the CCTV recorder in the {backarea} at {clock}. Recorder isolated"
                                    + " from the network; footage from the last {minutes} days may be lost.",
                            "Public Wi-Fi in the {area} showing a second network with the same name. Suspected evil"
                                    + " twin access point; a man with a laptop bag was seen sitting there for hours.")),
            Map.entry(
                    "INFRASTRUCTURE_TAMPERING",
                    List.of(
                            "Lock cut on the cable cabinet by {entrance} at about {clock}; cover left open. About"
                                    + " {minutes} metres of copper cable removed. Service restored by engineers.",
                            "Fence at the {backarea} substation cut and {count} warning signs removed. Nothing taken but"
                                    + " footprints inside the compound.",
                            "Someone interfered with the traffic signal controller on {street}; the door was forced and"
                                    + " wiring pulled. Signals on flashing amber until repaired.",
                            "Trackside cabinet door found open during a patrol at {clock}; cable ties cut and a"
                                    + " connector removed. Trains were not affected.")),
            Map.entry(
                    "OTHER",
                    List.of(
                            "Lost child found in the {area} at {clock} and reunited with a parent after {minutes}"
                                    + " minutes. Reported for the record.",
                            "Concern for welfare: vulnerable adult seen several times near {entrance}, confused and"
                                    + " underdressed. Ambulance called at {clock}.",
                            "Fire alarm set off deliberately at {clock} during the busiest hour; building evacuated for"
                                    + " {minutes} minutes. Call point at {entrance} had been smashed.")));

    private static final Map<String, List<String>> SLOTS = Map.ofEntries(
            Map.entry(
                    "goods",
                    List.of(
                            "razor blades",
                            "fragrances",
                            "electric toothbrushes",
                            "headphones",
                            "bottles of spirits",
                            "baby formula",
                            "steak and lamb joints",
                            "designer handbags",
                            "phone chargers",
                            "cosmetics",
                            "laptops",
                            "trainers",
                            "coffee machines",
                            "jewellery")),
            Map.entry(
                    "entrance",
                    List.of(
                            "the main entrance",
                            "the side door",
                            "the car park entrance",
                            "the staff entrance",
                            "the loading bay",
                            "the north doors")),
            Map.entry("bag", List.of("rucksack", "shopping bag", "holdall", "bag-for-life", "coat")),
            Map.entry(
                    "fixture",
                    List.of("aisle 4", "the front display", "the end of aisle 9", "the tills", "the stockroom")),
            Map.entry(
                    "backarea",
                    List.of("loading bay", "service yard", "basement car park", "rear compound", "bin store")),
            Map.entry(
                    "area", List.of("car park", "food court", "lobby", "concourse", "outdoor seating area", "arcade")),
            Map.entry(
                    "vehicle",
                    List.of(
                            "grey Ford Transit van",
                            "black Mercedes C-Class",
                            "white Vauxhall Corsa",
                            "silver Toyota Prius",
                            "blue BMW 3 Series",
                            "red Honda moped")),
            Map.entry("item", List.of("rucksack", "black holdall", "small suitcase", "cardboard box", "sports bag")),
            Map.entry("nth", List.of("second", "third", "fourth", "fifth")),
            Map.entry("month", List.of("January", "March", "May", "July", "September", "November")));

    private ReportStories() {}

    static List<String> types() {
        return List.copyOf(STORIES.keySet());
    }

    /** One account of an incident of {@code type} near {@code street}, with its slots filled. */
    static String story(String type, String street, Random random) {
        List<String> stories = STORIES.get(type);
        if (stories == null) {
            throw new IllegalArgumentException("No demo stories for " + type);
        }
        String story = stories.get(random.nextInt(stories.size()));
        Matcher slot = SLOT.matcher(story);
        StringBuilder filled = new StringBuilder();
        while (slot.find()) {
            slot.appendReplacement(filled, Matcher.quoteReplacement(fill(slot.group(1), street, random)));
        }
        slot.appendTail(filled);
        return sentenceCase(filled);
    }

    /** A slot at the start of a sentence ("{goods} missing") starts it with a capital. */
    private static String sentenceCase(StringBuilder text) {
        for (int i = 0; i < text.length(); i++) {
            boolean starts = i == 0 || (i >= 2 && text.charAt(i - 2) == '.' && text.charAt(i - 1) == ' ');
            if (starts) {
                text.setCharAt(i, Character.toUpperCase(text.charAt(i)));
            }
        }
        return text.toString();
    }

    private static String fill(String slot, String street, Random random) {
        return switch (slot) {
            case "street" -> street;
            case "clock" -> "%02d:%02d".formatted(random.nextInt(24), random.nextInt(12) * 5);
            case "value" -> String.valueOf(20 + random.nextInt(60) * 15);
            case "count" -> String.valueOf(2 + random.nextInt(7));
            case "minutes" -> String.valueOf(5 + random.nextInt(10) * 5);
            default -> {
                List<String> choices = SLOTS.get(slot);
                if (choices == null) {
                    throw new IllegalStateException("No demo words for the slot {" + slot + "}");
                }
                yield choices.get(random.nextInt(choices.size()));
            }
        };
    }
}
