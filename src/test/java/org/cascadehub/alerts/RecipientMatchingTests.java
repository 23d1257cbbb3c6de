package org.cascadehub.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.cascadehub.directory.Borough;
import org.cascadehub.directory.Boroughs;
import org.cascadehub.directory.OrganisationId;
import org.cascadehub.directory.PersonId;
import org.cascadehub.directory.Role;
import org.cascadehub.directory.Roster;
import org.cascadehub.directory.Roster.Member;
import org.cascadehub.directory.Roster.MemberOrganisation;
import org.cascadehub.directory.Roster.SitePoint;
import org.cascadehub.directory.SharingGroupId;
import org.cascadehub.directory.SiteId;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.springframework.core.io.ClassPathResource;

/**
 * The index's matching against the definition, applied by brute force: every site of every
 * organisation tested with {@link AreaShapes#contains}, organisations in roster order, each reached
 * through the first (in code order) of its boroughs with a site in the area. Random rosters over
 * London's real boroughs, and areas that contain whole boroughs, cut through them, or both.
 */
class RecipientMatchingTests {

    static final Boroughs BOROUGHS = Boroughs.fromGeoJson(new ClassPathResource("geo/london-boroughs.geojson"), "");
    static final List<String> CODES = BOROUGHS.all().stream().map(Borough::code).toList();
    static final List<String> SECTORS = List.of("retail", "night-time-economy", "finance", "transport", "health");
    static final List<SharingGroupId> GROUPS = List.of(SharingGroupId.random(), SharingGroupId.random());

    final Random random = new Random(20261129);
    final Roster.Snapshot roster = roster(random, 400);
    final RecipientIndex.Index index = new RecipientIndex.Index(roster);

    @Test
    void boroughSetsReachWhatTestingEverySiteReaches() {
        for (int i = 0; i < 60; i++) {
            List<String> codes = new ArrayList<>(CODES);
            java.util.Collections.shuffle(codes, random);
            List<String> some = new ArrayList<>(codes.subList(0, 1 + random.nextInt(codes.size())));
            if (i % 10 == 0) {
                some.add("atlantis");
            }
            assertMatchesBruteForce(Area.ofBoroughs(some));
        }
        assertMatchesBruteForce(Area.ofBoroughs(CODES));
    }

    @Test
    void boroughOutlinesAndHullsAroundSeveralBoroughsReachWhatTestingEverySiteReaches() {
        for (String code : CODES) {
            assertMatchesBruteForce(
                    Area.ofPolygon(ring(largestPart(BOROUGHS.outline(code).orElseThrow()))));
        }
        for (int i = 0; i < 30; i++) {
            List<Geometry> outlines = new ArrayList<>();
            for (int b = 0; b < 2 + random.nextInt(6); b++) {
                outlines.add(BOROUGHS.outline(CODES.get(random.nextInt(CODES.size())))
                        .orElseThrow());
            }
            Geometry hull = Boroughs.GEOMETRY
                    .createGeometryCollection(outlines.toArray(Geometry[]::new))
                    .convexHull();
            assertMatchesBruteForce(Area.ofPolygon(ring((Polygon) hull)));
        }
        assertMatchesBruteForce(Area.ofPolygon(List.of(
                List.of(51.2, -0.6),
                List.of(51.8, -0.6),
                List.of(51.8, 0.4),
                List.of(51.2, 0.4),
                List.of(51.2, -0.6))));
    }

    @Test
    void randomPolygonsThroughBoroughsReachWhatTestingEverySiteReaches() {
        for (int i = 0; i < 60; i++) {
            double lat = 51.5 + random.nextGaussian() * 0.07;
            double lon = -0.12 + random.nextGaussian() * 0.12;
            double size = Math.exp(random.nextDouble(Math.log(0.003), Math.log(0.3)));
            List<List<Double>> ring = new ArrayList<>();
            SiteTreeTests.starAround(random, lat, lon, size).forEach(c -> ring.add(List.of(c[0], c[1])));
            ring.add(ring.getFirst());
            assertMatchesBruteForce(Area.ofPolygon(ring));
        }
    }

    @Test
    void circlesReachWhatTestingEverySiteReaches() {
        List<SitePoint> sites =
                roster.organisations().stream().flatMap(o -> o.sites().stream()).toList();
        for (int i = 0; i < 80; i++) {
            SitePoint near = sites.get(random.nextInt(sites.size()));
            double radius = Math.exp(random.nextDouble(Math.log(0.05), Math.log(50)));
            assertMatchesBruteForce(Area.ofCircle(near.latitude(), near.longitude(), radius));
            assertMatchesBruteForce(Area.ofCircle(51.5 + random.nextGaussian() * 0.1, -0.12, radius));
        }
    }

    @Test
    void aRepeatedMatchGivesTheSameRecipients() {
        AlertContent content = RecipientIndexTests.content(Area.ofBoroughs(CODES), Audience.everyone(), Tlp.GREEN);
        List<Recipient> first = index.recipients(content);
        assertThat(first).hasSizeGreaterThan(1000);
        assertThat(index.recipients(content)).isEqualTo(first);
        assertThat(first.stream().map(Recipient::personId).distinct()).hasSameSizeAs(first);
    }

    private void assertMatchesBruteForce(Area area) {
        for (int i = 0; i < 3; i++) {
            Audience audience = i == 0 ? Audience.everyone() : audience(random);
            Tlp tlp = !audience.people().isEmpty() && random.nextInt(4) == 0 ? Tlp.RED : Tlp.GREEN;
            AlertContent content = RecipientIndexTests.content(area, audience, tlp);
            assertThat(index.recipients(content))
                    .as("%s for %s at %s", area, audience, tlp)
                    .isEqualTo(bruteForce(roster, content));
        }
    }

    /** Who the content reaches by definition, testing every site. */
    static List<Recipient> bruteForce(Roster.Snapshot roster, AlertContent content) {
        AreaShapes area = AreaShapes.of(content.area());
        Audience audience = content.audience();
        Map<OrganisationId, List<Member>> membersOf =
                roster.members().stream().collect(Collectors.groupingBy(Member::organisationId));
        Map<OrganisationId, String> boroughOf = new HashMap<>();
        List<Recipient> found = new ArrayList<>();
        for (MemberOrganisation organisation : roster.organisations()) {
            Optional<String> borough = content.tlp() == Tlp.RED
                    ? Optional.empty()
                    : organisation.sites().stream()
                            .filter(area::contains)
                            .map(SitePoint::boroughCode)
                            .min(Comparator.naturalOrder());
            if (borough.isEmpty()) {
                continue;
            }
            boroughOf.put(organisation.id(), borough.get());
            if (!inAudience(organisation, audience)) {
                continue;
            }
            for (Member member : membersOf.getOrDefault(organisation.id(), List.of())) {
                if (hasRole(member, audience)) {
                    found.add(recipient(member, organisation, borough.get()));
                }
            }
        }
        Set<PersonId> already = new HashSet<>();
        found.forEach(r -> already.add(r.personId()));
        for (UUID id : audience.people()) {
            Optional<Member> member = roster.members().stream()
                    .filter(m -> m.id().value().equals(id))
                    .findFirst();
            Optional<MemberOrganisation> organisation = member.flatMap(m -> roster.organisations().stream()
                    .filter(o -> o.id().equals(m.organisationId()))
                    .findFirst());
            if (organisation.isPresent() && already.add(member.get().id())) {
                found.add(recipient(
                        member.get(),
                        organisation.get(),
                        boroughOf.get(organisation.get().id())));
            }
        }
        return found;
    }

    private static boolean inAudience(MemberOrganisation organisation, Audience audience) {
        return audience.allOrganisations()
                || audience.sectors().stream().anyMatch(organisation.sectors()::contains)
                || audience.organisations().contains(organisation.id().value())
                || organisation.sharingGroups().stream()
                        .anyMatch(g -> audience.sharingGroups().contains(g.value()));
    }

    private static boolean hasRole(Member member, Audience audience) {
        return audience.roles().isEmpty() || audience.roles().stream().anyMatch(member.roles()::contains);
    }

    private static Recipient recipient(Member member, MemberOrganisation organisation, String borough) {
        return new Recipient(
                member.id(),
                organisation.id(),
                borough,
                organisation.sectors(),
                member.notifyEmail(),
                member.notifySms() && member.phone() != null);
    }

    private Audience audience(Random random) {
        List<String> sectors = random.nextInt(3) == 0 ? List.of(pick(random, SECTORS)) : List.of();
        List<UUID> organisations = random.nextInt(4) == 0
                ? List.of(pick(random, roster.organisations()).id().value())
                : List.of();
        List<UUID> groups =
                random.nextInt(4) == 0 ? List.of(pick(random, GROUPS).value()) : List.of();
        List<Role> roles = random.nextInt(3) == 0 ? List.of(pick(random, List.of(Role.values()))) : List.of();
        List<UUID> people = new ArrayList<>();
        if (random.nextInt(3) == 0) {
            for (int i = 0; i < 1 + random.nextInt(5); i++) {
                people.add(pick(random, roster.members()).id().value());
            }
            people.add(people.getFirst()); // named twice
            people.add(UUID.randomUUID()); // nobody
        }
        return new Audience(sectors, organisations, groups, roles, people);
    }

    /** Organisations with 0 to 12 sites each (weighted towards the centre) and 0 to 15 members. */
    static Roster.Snapshot roster(Random random, int organisationCount) {
        List<MemberOrganisation> organisations = new ArrayList<>();
        List<Member> members = new ArrayList<>();
        for (int o = 0; o < organisationCount; o++) {
            List<SitePoint> sites = new ArrayList<>();
            for (int s = random.nextInt(13); s > 0; ) {
                double lat = 51.5 + random.nextGaussian() * (random.nextBoolean() ? 0.02 : 0.08);
                double lon = -0.12 + random.nextGaussian() * (random.nextBoolean() ? 0.03 : 0.13);
                Optional<Borough> borough = BOROUGHS.containing(lat, lon);
                if (borough.isPresent()) {
                    sites.add(new SitePoint(
                            SiteId.random(), lat, lon, borough.get().code()));
                    s--;
                }
            }
            Set<String> sectors = new HashSet<>();
            sectors.add(pick(random, SECTORS));
            if (random.nextBoolean()) {
                sectors.add(pick(random, SECTORS));
            }
            Set<SharingGroupId> groups = random.nextInt(3) == 0 ? Set.of(pick(random, GROUPS)) : Set.of();
            MemberOrganisation organisation =
                    new MemberOrganisation(OrganisationId.random(), "Organisation " + o, sectors, groups, sites);
            organisations.add(organisation);
            for (int m = random.nextInt(16); m > 0; m--) {
                members.add(new Member(
                        PersonId.random(),
                        "Person " + members.size(),
                        "person" + members.size() + "@example.test",
                        random.nextBoolean() ? "+447700900" + (100 + random.nextInt(900)) : null,
                        random.nextBoolean(),
                        random.nextBoolean(),
                        Set.of(pick(random, List.of(Role.values()))),
                        Set.of(),
                        organisation.id()));
            }
        }
        java.util.Collections.shuffle(members, random); // the directory lists people in no particular order
        return new Roster.Snapshot(organisations, members);
    }

    private static <T> T pick(Random random, List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    private static Polygon largestPart(Geometry outline) {
        Polygon largest = null;
        for (int i = 0; i < outline.getNumGeometries(); i++) {
            Polygon part = (Polygon) outline.getGeometryN(i);
            if (largest == null || part.getArea() > largest.getArea()) {
                largest = part;
            }
        }
        return largest;
    }

    /** The polygon's outer ring as [lat, lon] pairs. */
    private static List<List<Double>> ring(Polygon polygon) {
        List<List<Double>> ring = new ArrayList<>();
        for (Coordinate c : polygon.getExteriorRing().getCoordinates()) {
            ring.add(List.of(c.y, c.x));
        }
        return ring;
    }
}
