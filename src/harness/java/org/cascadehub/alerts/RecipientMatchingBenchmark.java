package org.cascadehub.alerts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.cascadehub.alerts.cap.CapCategory;
import org.cascadehub.alerts.cap.CapCertainty;
import org.cascadehub.alerts.cap.CapSeverity;
import org.cascadehub.alerts.cap.CapUrgency;
import org.cascadehub.demo.PartnershipGenerator;
import org.cascadehub.directory.Borough;
import org.cascadehub.directory.Boroughs;
import org.cascadehub.directory.BulkLoad;
import org.cascadehub.directory.BulkLoad.NewOrganisation;
import org.cascadehub.directory.BulkLoad.NewPerson;
import org.cascadehub.directory.BulkLoad.NewSite;
import org.cascadehub.directory.OrganisationId;
import org.cascadehub.directory.Roster;
import org.cascadehub.directory.Roster.Member;
import org.cascadehub.directory.Roster.MemberOrganisation;
import org.cascadehub.directory.Roster.SitePoint;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.core.io.ClassPathResource;

/**
 * Matching an alert's area against the in-memory recipient index: the partnership generator's
 * London (100,000 people in 4,000 organisations, 100,000 sites weighted towards the centre), every
 * organisation in the audience, so each benchmark returns every person whose organisation has a
 * site in the area. Run with {@code bench/run-jmh.sh} (docs/performance.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class RecipientMatchingBenchmark {

    /** Trafalgar Square. */
    private static final double CENTRAL_LAT = 51.5080;

    private static final double CENTRAL_LON = -0.1281;

    @Param("100000")
    int people;

    @Param("100000")
    int sites;

    private Roster.Snapshot snapshot;
    private RecipientIndex.Index index;
    private AlertContent oneBorough;
    private AlertContent centralCircle;
    private AlertContent allLondon;

    @Setup(Level.Trial)
    public void build() {
        Boroughs boroughs = Boroughs.fromGeoJson(new ClassPathResource("geo/london-boroughs.geojson"), "");
        BulkLoad load = new PartnershipGenerator(boroughs, 20260101)
                .generate(new PartnershipGenerator.Sizes(people / 25, people, sites));
        snapshot = snapshot(load, boroughs);
        index = new RecipientIndex.Index(snapshot);
        oneBorough = content(Area.ofBoroughs(List.of("westminster")));
        centralCircle = content(Area.ofCircle(CENTRAL_LAT, CENTRAL_LON, 2.0));
        allLondon = content(
                Area.ofBoroughs(boroughs.all().stream().map(Borough::code).toList()));
        System.out.printf(
                "%nIndex of %d people, %d sites: westminster reaches %d, 2 km circle %d, all of London %d%n",
                people,
                sites,
                index.recipients(oneBorough).size(),
                index.recipients(centralCircle).size(),
                index.recipients(allLondon).size());
    }

    @Benchmark
    public List<Recipient> oneBorough() {
        return index.recipients(oneBorough);
    }

    @Benchmark
    public List<Recipient> circle2kmCentral() {
        return index.recipients(centralCircle);
    }

    @Benchmark
    public List<Recipient> allOfLondon() {
        return index.recipients(allLondon);
    }

    /** Building the index from the roster, as the first alert after a directory change does. */
    @Benchmark
    public RecipientIndex.Index buildIndex() {
        return new RecipientIndex.Index(snapshot);
    }

    /**
     * Building the index and matching all of London once: what the first alert after a directory
     * change costs, with whatever the index makes lazily on its first use.
     */
    @Benchmark
    public List<Recipient> buildThenAllOfLondon() {
        return new RecipientIndex.Index(snapshot).recipients(allLondon);
    }

    /** The roster the directory would read back after writing the load. */
    static Roster.Snapshot snapshot(BulkLoad load, Boroughs boroughs) {
        Map<OrganisationId, List<SitePoint>> sites = new HashMap<>();
        for (NewSite site : load.sites()) {
            double lat = site.details().latitude();
            double lon = site.details().longitude();
            String borough = boroughs.containing(lat, lon).map(Borough::code).orElseThrow();
            sites.computeIfAbsent(site.organisationId(), k -> new ArrayList<>())
                    .add(new SitePoint(site.id(), lat, lon, borough));
        }
        List<MemberOrganisation> organisations = new ArrayList<>();
        for (NewOrganisation organisation : load.organisations()) {
            organisations.add(new MemberOrganisation(
                    organisation.id(),
                    organisation.details().name(),
                    Set.copyOf(organisation.details().sectors()),
                    Set.of(),
                    sites.getOrDefault(organisation.id(), List.of())));
        }
        List<Member> members = new ArrayList<>();
        for (NewPerson person : load.people()) {
            var details = person.details();
            members.add(new Member(
                    person.id(),
                    details.name(),
                    details.email(),
                    details.phone(),
                    details.notifyEmail(),
                    details.notifySms(),
                    details.roles(),
                    Set.copyOf(details.leadSectors()),
                    person.organisationId()));
        }
        return new Roster.Snapshot(organisations, members);
    }

    private static AlertContent content(Area area) {
        return new AlertContent(
                "Benchmark",
                "Benchmark",
                "",
                "",
                CapCategory.Security,
                CapUrgency.Immediate,
                CapSeverity.Minor,
                CapCertainty.Observed,
                null,
                Tlp.GREEN,
                area,
                "benchmark area",
                Audience.everyone(),
                Instant.parse("2030-01-01T00:00:00Z"));
    }
}
