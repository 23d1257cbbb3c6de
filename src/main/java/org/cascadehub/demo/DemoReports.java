package org.cascadehub.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.cascadehub.alerts.Tlp;
import org.cascadehub.demo.Descriptions.Involved;
import org.cascadehub.demo.Descriptions.Vehicle;
import org.cascadehub.directory.OrganisationId;
import org.cascadehub.directory.PersonId;
import org.cascadehub.directory.SharingGroupId;
import org.jspecify.annotations.Nullable;

/**
 * Makes up a year of incident reports from the demo partnership's organisations: each from one of
 * the organisation's sites (so reports spread over boroughs as the sites do), of a type weighted by
 * the organisation's sectors, at a time of day and year that suits it, mostly AMBER or GREEN, and
 * progressed by the police as far as its age makes likely, with the feedback they gave. A few
 * series (the same person or vehicle seen at neighbouring sites) are linked. The same seed makes
 * the same reports.
 */
final class DemoReports {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    /** A site a report can come from, with the street its address is on and its borough. */
    record Spot(String borough, String street, double latitude, double longitude) {}

    /** An organisation that reports: its sectors, sites, people and sharing groups. */
    record Reporter(
            OrganisationId organisation,
            List<String> sectors,
            List<Spot> spots,
            List<PersonId> people,
            List<SharingGroupId> groups) {}

    /** One step the police took, with what they told the reporter. */
    record Step(
            String status,
            Instant at,
            PersonId by,
            String message,
            @Nullable String crimeReference,
            @Nullable String outcome) {}

    /** A message on the report; {@code police} says from which side. */
    record Message(Instant at, PersonId by, boolean police, String text) {}

    record DemoReport(
            UUID id,
            OrganisationId organisation,
            PersonId reporter,
            String type,
            Instant occurredAt,
            Instant submittedAt,
            Spot spot,
            String description,
            List<Involved> people,
            List<Vehicle> vehicles,
            boolean immediateDanger,
            Tlp tlp,
            List<OrganisationId> sharedOrganisations,
            List<SharingGroupId> sharedGroups,
            List<PersonId> sharedPeople,
            List<Step> steps,
            List<Message> messages,
            List<UUID> related) {

        String status() {
            return steps.isEmpty() ? "NEW" : steps.getLast().status();
        }
    }

    private static final Map<String, Integer> TYPES_RETAIL = Map.ofEntries(
            Map.entry("THEFT", 40),
            Map.entry("VIOLENCE_AGAINST_STAFF", 14),
            Map.entry("ANTI_SOCIAL_BEHAVIOUR", 10),
            Map.entry("SUSPICIOUS_ACTIVITY", 10),
            Map.entry("FRAUD", 8),
            Map.entry("CRIMINAL_DAMAGE", 6),
            Map.entry("BURGLARY", 4),
            Map.entry("HOSTILE_RECONNAISSANCE", 3),
            Map.entry("SUSPICIOUS_ITEM", 3),
            Map.entry("OTHER", 2));
    private static final Map<String, Integer> TYPES_NIGHT = Map.ofEntries(
            Map.entry("ANTI_SOCIAL_BEHAVIOUR", 30),
            Map.entry("VIOLENCE_AGAINST_STAFF", 25),
            Map.entry("THEFT", 12),
            Map.entry("SUSPICIOUS_ACTIVITY", 10),
            Map.entry("FRAUD", 6),
            Map.entry("CRIMINAL_DAMAGE", 6),
            Map.entry("HOSTILE_RECONNAISSANCE", 4),
            Map.entry("SUSPICIOUS_ITEM", 4),
            Map.entry("OTHER", 3));
    private static final Map<String, Integer> TYPES_CROWDED = Map.ofEntries(
            Map.entry("HOSTILE_RECONNAISSANCE", 20),
            Map.entry("SUSPICIOUS_ITEM", 18),
            Map.entry("SUSPICIOUS_ACTIVITY", 20),
            Map.entry("ANTI_SOCIAL_BEHAVIOUR", 12),
            Map.entry("THEFT", 10),
            Map.entry("VIOLENCE_AGAINST_STAFF", 8),
            Map.entry("CRIMINAL_DAMAGE", 6),
            Map.entry("OTHER", 6));
    private static final Map<String, Integer> TYPES_INFRASTRUCTURE = Map.ofEntries(
            Map.entry("INFRASTRUCTURE_TAMPERING", 35),
            Map.entry("CRIMINAL_DAMAGE", 20),
            Map.entry("SUSPICIOUS_ACTIVITY", 15),
            Map.entry("HOSTILE_RECONNAISSANCE", 10),
            Map.entry("CYBER_INCIDENT", 8),
            Map.entry("BURGLARY", 7),
            Map.entry("SUSPICIOUS_ITEM", 5));
    private static final Map<String, Integer> TYPES_OFFICE = Map.ofEntries(
            Map.entry("FRAUD", 25),
            Map.entry("CYBER_INCIDENT", 25),
            Map.entry("SUSPICIOUS_ACTIVITY", 18),
            Map.entry("HOSTILE_RECONNAISSANCE", 10),
            Map.entry("THEFT", 8),
            Map.entry("BURGLARY", 6),
            Map.entry("SUSPICIOUS_ITEM", 5),
            Map.entry("OTHER", 3));
    private static final Map<String, Integer> TYPES_COMMUNITY = Map.ofEntries(
            Map.entry("ANTI_SOCIAL_BEHAVIOUR", 25),
            Map.entry("CRIMINAL_DAMAGE", 20),
            Map.entry("SUSPICIOUS_ACTIVITY", 18),
            Map.entry("THEFT", 12),
            Map.entry("VIOLENCE_AGAINST_STAFF", 10),
            Map.entry("HOSTILE_RECONNAISSANCE", 5),
            Map.entry("OTHER", 10));

    /** Types that are crimes the police would record rather than refer. */
    private static final List<String> REFERRED_TYPES = List.of("FRAUD", "CYBER_INCIDENT", "ANTI_SOCIAL_BEHAVIOUR");

    private final Random random;
    private final Instant now;
    private final List<PersonId> police;

    DemoReports(long seed, Instant now, List<PersonId> police) {
        if (police.isEmpty()) {
            throw new IllegalArgumentException("The demo reports need at least one police coordinator");
        }
        this.random = new Random(seed);
        this.now = now.truncatedTo(ChronoUnit.SECONDS);
        this.police = List.copyOf(police);
    }

    /** About {@code count} reports from {@code reporters} (each picked as often as it has sites), oldest first. */
    List<DemoReport> make(List<Reporter> reporters, int count) {
        List<Reporter> bySite = new ArrayList<>();
        for (Reporter reporter : reporters) {
            if (!reporter.spots().isEmpty() && !reporter.people().isEmpty()) {
                reporter.spots().forEach(spot -> bySite.add(reporter));
            }
        }
        if (bySite.isEmpty()) {
            throw new IllegalArgumentException("No reporting organisation has both a site and a person");
        }
        List<DemoReport> reports = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            reports.add(report(bySite.get(random.nextInt(bySite.size()))));
        }
        reports.sort(Comparator.comparing(DemoReport::submittedAt));
        return linkSeries(reports);
    }

    private DemoReport report(Reporter reporter) {
        Spot spot = reporter.spots().get(random.nextInt(reporter.spots().size()));
        String type = weighted(typesFor(reporter.sectors()));
        Instant occurred = when(type);
        Instant submitted =
                occurred.plus(Duration.ofMinutes(10 + (long) (random.nextDouble() * random.nextDouble() * 1440)));
        if (submitted.isAfter(now)) {
            submitted = now.minusSeconds(60);
        }
        PersonId reporterPerson =
                reporter.people().get(random.nextInt(reporter.people().size()));
        Tlp tlp = tlp();
        List<OrganisationId> organisations = new ArrayList<>();
        List<SharingGroupId> groups = new ArrayList<>();
        List<PersonId> people = new ArrayList<>();
        if (tlp == Tlp.AMBER && !reporter.groups().isEmpty() && random.nextInt(3) > 0) {
            groups.add(reporter.groups().get(random.nextInt(reporter.groups().size())));
        }
        if (tlp == Tlp.RED) {
            people.add(reporterPerson);
        }
        List<Step> steps = steps(type, submitted);
        return new DemoReport(
                new UUID(random.nextLong(), random.nextLong()),
                reporter.organisation(),
                reporterPerson,
                type,
                occurred,
                submitted,
                spot,
                ReportStories.story(type, spot.street(), random),
                involved(type),
                vehicles(type, spot),
                danger(type),
                tlp,
                organisations,
                groups,
                people,
                steps,
                messages(reporterPerson, steps),
                List.of());
    }

    private static Map<String, Integer> typesFor(List<String> sectors) {
        if (sectors.contains("utilities") || sectors.contains("transport") || sectors.contains("telecoms")) {
            return TYPES_INFRASTRUCTURE;
        }
        if (sectors.contains("finance")) {
            return TYPES_OFFICE;
        }
        if (sectors.contains("events")) {
            return TYPES_CROWDED;
        }
        if (sectors.contains("night-time-economy")) {
            return TYPES_NIGHT;
        }
        if (sectors.contains("retail") || sectors.contains("hospitality")) {
            return TYPES_RETAIL;
        }
        return TYPES_COMMUNITY;
    }

    /** A moment in the past year: busier towards Christmas, night-time types at night. */
    private Instant when(String type) {
        while (true) {
            Instant day = now.minus(Duration.ofDays(random.nextInt(365)));
            int month = day.atZone(LONDON).getMonthValue();
            double busy = month == 12 ? 1.0 : month == 11 ? 0.85 : month == 1 || month == 2 ? 0.55 : 0.7;
            if (random.nextDouble() < busy) {
                boolean night = type.equals("ANTI_SOCIAL_BEHAVIOUR") || type.equals("BURGLARY");
                int hour = night ? (19 + random.nextInt(10)) % 24 : 8 + random.nextInt(12);
                Instant at = day.atZone(LONDON)
                        .withHour(hour)
                        .withMinute(random.nextInt(60))
                        .withSecond(0)
                        .toInstant();
                if (at.isBefore(now.minus(Duration.ofMinutes(30)))) {
                    return at;
                }
            }
        }
    }

    /** Mostly AMBER and GREEN, as partners share; a few of each of the others. */
    private Tlp tlp() {
        int roll = random.nextInt(100);
        return roll < 55
                ? Tlp.AMBER
                : roll < 85 ? Tlp.GREEN : roll < 92 ? Tlp.AMBER_STRICT : roll < 96 ? Tlp.CLEAR : Tlp.RED;
    }

    private boolean danger(String type) {
        return switch (type) {
            case "VIOLENCE_AGAINST_STAFF" -> random.nextInt(5) == 0;
            case "SUSPICIOUS_ITEM" -> random.nextInt(3) == 0;
            default -> false;
        };
    }

    private List<Involved> involved(String type) {
        int suspects = switch (type) {
            case "THEFT", "VIOLENCE_AGAINST_STAFF", "HOSTILE_RECONNAISSANCE", "SUSPICIOUS_ACTIVITY" ->
                1 + random.nextInt(2);
            case "ANTI_SOCIAL_BEHAVIOUR", "BURGLARY", "FRAUD" -> random.nextInt(3);
            default -> 0;
        };
        List<Involved> people = new ArrayList<>();
        for (int i = 0; i < suspects; i++) {
            people.add(Descriptions.person("SUSPECT", random));
        }
        if (suspects > 0 && random.nextInt(4) == 0) {
            people.add(Descriptions.person("WITNESS", random));
        }
        return people;
    }

    private List<Vehicle> vehicles(String type, Spot spot) {
        boolean likely = type.equals("BURGLARY")
                || type.equals("HOSTILE_RECONNAISSANCE")
                || type.equals("SUSPICIOUS_ACTIVITY")
                || type.equals("INFRASTRUCTURE_TAMPERING");
        return random.nextInt(10) < (likely ? 5 : 1) ? List.of(Descriptions.vehicle(spot.street(), random)) : List.of();
    }

    /**
     * The police's steps so far: the first response a few hours after submission (sooner for
     * urgent types), then as far along as the report's age makes likely. About one report in
     * twelve older than a day has had no response yet.
     */
    private List<Step> steps(String type, Instant submitted) {
        long ageHours = Duration.between(submitted, now).toHours();
        List<Step> steps = new ArrayList<>();
        if (ageHours < 2 || (ageHours < 24 && random.nextBoolean()) || random.nextInt(12) == 0) {
            return steps;
        }
        PersonId officer = police.get(random.nextInt(police.size()));
        Instant at = submitted.plus(Duration.ofMinutes((long) (20 + Math.exp(random.nextGaussian() * 0.9 + 5))));
        steps.add(new Step("ACKNOWLEDGED", before(at), officer, ReportFeedback.acknowledged(random), null, null));
        int stage = stage(ageHours);
        if (stage >= 1) {
            at = at.plus(Duration.ofHours(2 + random.nextInt(46)));
            steps.add(new Step("ASSIGNED", before(at), officer, ReportFeedback.assigned(random), null, null));
        }
        if (stage >= 2) {
            at = at.plus(Duration.ofHours(24 + random.nextInt(24 * 6)));
            if (REFERRED_TYPES.contains(type) && random.nextBoolean()) {
                steps.add(new Step("REFERRED", before(at), officer, ReportFeedback.referred(random), null, null));
            } else if (!type.equals("SUSPICIOUS_ACTIVITY") && !type.equals("OTHER")) {
                String reference =
                        ReportFeedback.crimeReference(random, at.atZone(LONDON).getYear());
                steps.add(new Step(
                        "CRIME_RECORDED", before(at), officer, ReportFeedback.crimeRecorded(random), reference, null));
            }
        }
        if (stage >= 3) {
            at = at.plus(Duration.ofDays(3 + random.nextInt(40)));
            String outcome = ReportFeedback.closed(random);
            steps.add(new Step("CLOSED", before(at), officer, outcome, null, outcome));
        }
        return steps;
    }

    /**
     * How far along: 0 acknowledged, 1 assigned, 2 recorded or referred, 3 closed. Most reports a
     * few weeks old are closed, but a few stay acknowledged or assigned for a long time.
     */
    private int stage(long ageHours) {
        if (ageHours < 72) {
            return random.nextInt(2);
        }
        if (ageHours < 24 * 21) {
            return random.nextInt(3);
        }
        int roll = random.nextInt(20);
        return roll == 0 ? 0 : roll == 1 ? 1 : 2 + random.nextInt(2);
    }

    /** Not later than now: a step cannot be in the future. */
    private Instant before(Instant at) {
        return at.isAfter(now) ? now.minusSeconds(30) : at;
    }

    /** Now and then the reporter answers the police's first message. */
    private List<Message> messages(PersonId reporter, List<Step> steps) {
        if (steps.isEmpty() || random.nextInt(4) != 0) {
            return List.of();
        }
        Instant at = before(steps.getFirst().at().plus(Duration.ofMinutes(15 + random.nextInt(240))));
        return List.of(new Message(at, reporter, false, ReportFeedback.fromReporter(random)));
    }

    /** Links each report to an earlier one of the same type in the same borough within a fortnight, now and then. */
    private List<DemoReport> linkSeries(List<DemoReport> reports) {
        List<DemoReport> linked = new ArrayList<>(reports.size());
        for (int i = 0; i < reports.size(); i++) {
            DemoReport report = reports.get(i);
            DemoReport earlier = null;
            for (int j = i - 1; j >= 0 && earlier == null; j--) {
                DemoReport candidate = reports.get(j);
                if (Duration.between(candidate.submittedAt(), report.submittedAt())
                                .toDays()
                        > 14) {
                    break;
                }
                if (candidate.type().equals(report.type())
                        && candidate.spot().borough().equals(report.spot().borough())) {
                    earlier = candidate;
                }
            }
            boolean link = earlier != null && random.nextInt(4) == 0;
            linked.add(link ? withRelated(report, earlier.id()) : report);
        }
        return linked;
    }

    private static DemoReport withRelated(DemoReport r, UUID related) {
        return new DemoReport(
                r.id(),
                r.organisation(),
                r.reporter(),
                r.type(),
                r.occurredAt(),
                r.submittedAt(),
                r.spot(),
                r.description(),
                r.people(),
                r.vehicles(),
                r.immediateDanger(),
                r.tlp(),
                r.sharedOrganisations(),
                r.sharedGroups(),
                r.sharedPeople(),
                r.steps(),
                r.messages(),
                List.of(related));
    }

    private String weighted(Map<String, Integer> weights) {
        int total = weights.values().stream().mapToInt(Integer::intValue).sum();
        int roll = random.nextInt(total);
        // Sorted, so the same seed picks the same type whatever order the map iterates in.
        for (Map.Entry<String, Integer> entry :
                weights.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            roll -= entry.getValue();
            if (roll < 0) {
                return entry.getKey();
            }
        }
        throw new IllegalStateException("unreachable");
    }
}
