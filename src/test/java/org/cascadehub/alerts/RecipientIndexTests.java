package org.cascadehub.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.cascadehub.alerts.cap.CapCategory;
import org.cascadehub.alerts.cap.CapCertainty;
import org.cascadehub.alerts.cap.CapSeverity;
import org.cascadehub.alerts.cap.CapUrgency;
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

/** Matching an alert's area and audience against the roster, without a database. */
class RecipientIndexTests {

    // Trafalgar Square (Westminster) and the Tower of London (Tower Hamlets), about 3.9 km apart
    static final double[] TRAFALGAR = {51.5080, -0.1281};
    static final double[] TOWER = {51.5081, -0.0759};

    final SharingGroupId nightGroup = SharingGroupId.random();
    final MemberOrganisation shop = organisation("Shop", Set.of("retail"), Set.of(), TRAFALGAR, "westminster");
    final MemberOrganisation bar =
            organisation("Bar", Set.of("night-time-economy"), Set.of(nightGroup), TOWER, "tower-hamlets");
    final MemberOrganisation office = organisation("Office", Set.of("finance"), Set.of(), null, null);
    final Member shopManager = member("Shop manager", shop, Set.of(Role.SECURITY_MANAGER), true, "+447700900001");
    final Member shopGuard = member("Shop guard", shop, Set.of(Role.MEMBER), false, null);
    final Member barMember = member("Bar member", bar, Set.of(Role.MEMBER), true, null);
    final Member officeMember = member("Office member", office, Set.of(Role.MEMBER), true, null);

    final RecipientIndex.Index index = new RecipientIndex.Index(
            new Roster.Snapshot(List.of(shop, bar, office), List.of(shopManager, shopGuard, barMember, officeMember)));

    @Test
    void aBoroughReachesEveryoneWithASiteInIt() {
        assertThat(names(content(Area.ofBoroughs(List.of("westminster")), Audience.everyone(), Tlp.GREEN)))
                .containsExactlyInAnyOrder("Shop manager", "Shop guard");
    }

    @Test
    void aCircleReachesSitesWithinItsRadius() {
        assertThat(names(content(Area.ofCircle(TRAFALGAR[0], TRAFALGAR[1], 1), Audience.everyone(), Tlp.GREEN)))
                .containsExactlyInAnyOrder("Shop manager", "Shop guard");
        assertThat(names(content(Area.ofCircle(TRAFALGAR[0], TRAFALGAR[1], 5), Audience.everyone(), Tlp.GREEN)))
                .containsExactlyInAnyOrder("Shop manager", "Shop guard", "Bar member");
    }

    @Test
    void aPolygonReachesSitesInsideIt() {
        Area aroundTheTower = Area.ofPolygon(List.of(
                List.of(51.50, -0.09),
                List.of(51.52, -0.09),
                List.of(51.52, -0.06),
                List.of(51.50, -0.06),
                List.of(51.50, -0.09)));
        assertThat(names(content(aroundTheTower, Audience.everyone(), Tlp.GREEN)))
                .containsExactly("Bar member");
    }

    @Test
    void sectorsGroupsAndRolesNarrowTheAudience() {
        Area both = Area.ofBoroughs(List.of("westminster", "tower-hamlets"));
        assertThat(names(content(both, Audience.sectors(List.of("retail")), Tlp.GREEN)))
                .containsExactlyInAnyOrder("Shop manager", "Shop guard");
        assertThat(names(content(both, new Audience(null, null, List.of(nightGroup.value()), null, null), Tlp.GREEN)))
                .containsExactly("Bar member");
        assertThat(names(
                        content(both, new Audience(null, null, null, List.of(Role.SECURITY_MANAGER), null), Tlp.GREEN)))
                .containsExactly("Shop manager");
        assertThat(names(content(both, new Audience(null, List.of(bar.id().value()), null, null, null), Tlp.GREEN)))
                .containsExactly("Bar member");
    }

    @Test
    void namedPeopleAreReachedWhereverTheyAreAndRedGoesToThemAlone() {
        Area westminster = Area.ofBoroughs(List.of("westminster"));
        Audience named =
                new Audience(null, null, null, null, List.of(officeMember.id().value()));
        assertThat(names(content(westminster, named, Tlp.GREEN)))
                .containsExactlyInAnyOrder("Shop manager", "Shop guard", "Office member");
        assertThat(names(content(westminster, named, Tlp.RED))).containsExactly("Office member");
    }

    @Test
    void channelsFollowEachPersonsChoices() {
        List<Recipient> recipients =
                index.recipients(content(Area.ofBoroughs(List.of("westminster")), Audience.everyone(), Tlp.GREEN));
        Reach reach = Reach.of(recipients);
        assertThat(reach.byChannel())
                .containsEntry("screen", 2)
                .containsEntry("email", 2)
                .containsEntry("sms", 1);
        assertThat(reach.bySector()).containsEntry("retail", 2);
        assertThat(reach.byBorough()).containsEntry("westminster", 2);
    }

    private List<String> names(AlertContent content) {
        return index.recipients(content).stream()
                .map(r -> index.member(r.personId()).orElseThrow().name())
                .toList();
    }

    static AlertContent content(Area area, Audience audience, Tlp tlp) {
        return new AlertContent(
                "Headline",
                "Event",
                "",
                "",
                CapCategory.Security,
                CapUrgency.Immediate,
                CapSeverity.Minor,
                CapCertainty.Observed,
                null,
                tlp,
                area,
                "somewhere",
                audience,
                Instant.parse("2030-01-01T00:00:00Z"));
    }

    static MemberOrganisation organisation(
            String name, Set<String> sectors, Set<SharingGroupId> groups, double[] at, String borough) {
        List<SitePoint> sites = at == null ? List.of() : List.of(new SitePoint(SiteId.random(), at[0], at[1], borough));
        return new MemberOrganisation(OrganisationId.random(), name, sectors, groups, sites);
    }

    static Member member(String name, MemberOrganisation organisation, Set<Role> roles, boolean sms, String phone) {
        return new Member(
                PersonId.random(),
                name,
                name.replace(' ', '.') + "@example.test",
                phone,
                true,
                sms,
                roles,
                Set.of(),
                organisation.id());
    }
}
