package org.cascadehub.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cascadehub.alerts.Tlp;
import org.cascadehub.demo.DemoReports.DemoReport;
import org.cascadehub.demo.DemoReports.Reporter;
import org.cascadehub.demo.DemoReports.Spot;
import org.cascadehub.directory.OrganisationId;
import org.cascadehub.directory.PersonId;
import org.cascadehub.directory.SharingGroupId;
import org.junit.jupiter.api.Test;

class DemoReportsTests {

    static final Instant NOW = Instant.parse("2026-05-04T12:00:00Z");

    static final List<PersonId> POLICE = List.of(new PersonId(UUID.randomUUID()));

    static final List<Reporter> REPORTERS = List.of(
            reporter(List.of("retail"), "westminster", "Strand", 3),
            reporter(List.of("night-time-economy"), "hackney", "Kingsland Road", 2),
            reporter(List.of("utilities"), "islington", "Upper Street", 1),
            reporter(List.of("finance"), "city-of-london", "Cheapside", 1));

    @Test
    void theSameSeedMakesTheSameReports() {
        List<DemoReport> first = new DemoReports(7, NOW, POLICE).make(REPORTERS, 50);
        List<DemoReport> second = new DemoReports(7, NOW, POLICE).make(REPORTERS, 50);

        assertThat(first).isEqualTo(second);
    }

    @Test
    void aYearOfReportsSpreadOverTheReportersSitesTypesAndLabels() {
        List<DemoReport> reports = new DemoReports(20260101, NOW, POLICE).make(REPORTERS, 500);

        assertThat(reports).hasSize(500);
        assertThat(reports).allSatisfy(r -> {
            assertThat(r.occurredAt()).isBefore(r.submittedAt()).isAfter(NOW.minus(Duration.ofDays(366)));
            assertThat(r.submittedAt()).isBefore(NOW);
            r.steps()
                    .forEach(step ->
                            assertThat(step.at()).isAfter(r.submittedAt()).isBeforeOrEqualTo(NOW));
            assertThat(r.description()).doesNotContain("{").doesNotContain("}");
        });
        Map<String, Long> byBorough = count(reports, r -> r.spot().borough());
        assertThat(byBorough.get("westminster")).isGreaterThan(byBorough.get("islington"));
        Map<String, Long> byType = count(reports, DemoReport::type);
        assertThat(byType.keySet()).contains("THEFT", "ANTI_SOCIAL_BEHAVIOUR", "INFRASTRUCTURE_TAMPERING", "FRAUD");
        assertThat(byType.get("THEFT")).isGreaterThan(byType.get("SUSPICIOUS_ITEM"));
        Map<Tlp, Long> byTlp = count(reports, DemoReport::tlp);
        assertThat(byTlp.get(Tlp.AMBER) + byTlp.get(Tlp.GREEN)).isGreaterThan(350);
        assertThat(byTlp).containsKeys(Tlp.RED, Tlp.AMBER_STRICT, Tlp.CLEAR);
    }

    @Test
    void olderReportsHaveBeenProgressedWithFeedbackAndSomeAreLinked() {
        List<DemoReport> reports = new DemoReports(20260101, NOW, POLICE).make(REPORTERS, 500);

        Map<String, Long> byStatus = count(reports, DemoReport::status);
        assertThat(byStatus.keySet())
                .contains("NEW", "ACKNOWLEDGED", "ASSIGNED", "CRIME_RECORDED", "REFERRED", "CLOSED");
        assertThat(reports.stream().filter(r -> r.status().equals("CLOSED")))
                .allSatisfy(r -> assertThat(r.steps().getLast().outcome()).isNotBlank());
        assertThat(reports.stream()
                        .flatMap(r -> r.steps().stream())
                        .filter(s -> s.status().equals("CRIME_RECORDED")))
                .isNotEmpty()
                .allSatisfy(s -> assertThat(s.crimeReference()).matches("\\d{7}/\\d{2}"));
        assertThat(reports.stream().filter(r -> !r.related().isEmpty()).count()).isBetween(5L, 100L);
        assertThat(reports.stream().filter(DemoReport::immediateDanger).count()).isPositive();
        assertThat(reports.stream().filter(r -> r.tlp() == Tlp.RED))
                .allSatisfy(r -> assertThat(r.sharedPeople()).containsExactly(r.reporter()));
    }

    @Test
    void descriptionsOfPeopleNeverNameSpecialCategories() {
        List<DemoReport> reports = new DemoReports(3, NOW, POLICE).make(REPORTERS, 500);

        String everything = reports.stream()
                .map(r -> r.description() + r.people() + r.vehicles())
                .collect(Collectors.joining(" "))
                .toLowerCase(java.util.Locale.ROOT);
        assertThat(everything)
                .doesNotContain(
                        "ethnic",
                        "asian",
                        "white male",
                        "black male",
                        "muslim",
                        "christian",
                        "jewish",
                        "gay",
                        "disabled",
                        "mental");
    }

    private static Reporter reporter(List<String> sectors, String borough, String street, int sites) {
        List<Spot> spots = java.util.stream.IntStream.range(0, sites)
                .mapToObj(i -> new Spot(borough, street, 51.5 + i / 1000.0, -0.12))
                .toList();
        return new Reporter(
                new OrganisationId(UUID.randomUUID()),
                sectors,
                spots,
                List.of(new PersonId(UUID.randomUUID()), new PersonId(UUID.randomUUID())),
                List.of(new SharingGroupId(UUID.randomUUID())));
    }

    private static <K> Map<K, Long> count(List<DemoReport> reports, Function<DemoReport, K> key) {
        return reports.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
    }
}
