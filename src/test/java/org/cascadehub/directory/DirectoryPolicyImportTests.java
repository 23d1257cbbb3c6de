package org.cascadehub.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who may import what into the directory. */
class DirectoryPolicyImportTests {

    static final OrganisationId OWN = OrganisationId.random();
    static final OrganisationId OTHER = OrganisationId.random();

    static Viewer viewer(Set<Role> roles, Set<String> leadSectors, boolean active, boolean vetted) {
        return new Viewer(PersonId.random(), OWN, roles, leadSectors, active, vetted);
    }

    static Viewer with(Role... roles) {
        return viewer(
                Set.of(roles), Set.of(roles).contains(Role.SECTOR_LEAD) ? Set.of("retail") : Set.of(), true, true);
    }

    @Test
    void administratorsSectorLeadsAndSecurityManagersMayImport() {
        assertThat(DirectoryPolicy.canImport(with(Role.ADMINISTRATOR))).isTrue();
        assertThat(DirectoryPolicy.canImport(with(Role.SECTOR_LEAD))).isTrue();
        assertThat(DirectoryPolicy.canImport(with(Role.SECURITY_MANAGER))).isTrue();
    }

    @Test
    void membersPoliceAndApproversMayNotImport() {
        assertThat(DirectoryPolicy.canImport(with(Role.MEMBER))).isFalse();
        assertThat(DirectoryPolicy.canImport(with(Role.POLICE_COORDINATOR))).isFalse();
        assertThat(DirectoryPolicy.canImport(with(Role.APPROVER))).isFalse();
    }

    @Test
    void nobodyImportsWhileSuspendedOrUnvetted() {
        assertThat(DirectoryPolicy.canImport(viewer(Set.of(Role.ADMINISTRATOR), Set.of(), false, true)))
                .isFalse();
        assertThat(DirectoryPolicy.canImport(viewer(Set.of(Role.SECTOR_LEAD), Set.of("retail"), true, false)))
                .isFalse();
        assertThat(DirectoryPolicy.canImport(viewer(Set.of(Role.SECURITY_MANAGER), Set.of(), false, true)))
                .isFalse();
    }

    @Test
    void aSectorLeadImportsNewOrganisationsOnlyInASectorTheyLead() {
        Viewer lead = with(Role.SECTOR_LEAD);

        assertThat(DirectoryPolicy.canImportOrganisation(lead, List.of("retail")))
                .isTrue();
        assertThat(DirectoryPolicy.canImportOrganisation(lead, List.of("hospitality", "retail")))
                .isTrue();
        assertThat(DirectoryPolicy.canImportOrganisation(lead, List.of("hospitality")))
                .isFalse();
        assertThat(DirectoryPolicy.canImportOrganisation(lead, List.of())).isFalse();
    }

    @Test
    void administratorsImportAnyOrganisationAndSecurityManagersNone() {
        assertThat(DirectoryPolicy.canImportOrganisation(with(Role.ADMINISTRATOR), List.of()))
                .isTrue();
        assertThat(DirectoryPolicy.canImportOrganisation(with(Role.SECURITY_MANAGER), List.of("retail")))
                .isFalse();
    }

    @Test
    void sitesAndPeopleGoIntoAnExistingOrganisationOnlyForThoseWhoManageIt() {
        assertThat(DirectoryPolicy.canImportInto(with(Role.SECURITY_MANAGER), OWN))
                .isTrue();
        assertThat(DirectoryPolicy.canImportInto(with(Role.SECURITY_MANAGER), OTHER))
                .isFalse();
        assertThat(DirectoryPolicy.canImportInto(with(Role.ADMINISTRATOR), OTHER))
                .isTrue();
        // A sector lead vets organisations but does not manage them once they are in the directory.
        assertThat(DirectoryPolicy.canImportInto(with(Role.SECTOR_LEAD), OWN)).isFalse();
        assertThat(DirectoryPolicy.canImportInto(with(Role.SECTOR_LEAD), OTHER)).isFalse();
        assertThat(DirectoryPolicy.canImportInto(with(Role.MEMBER), OWN)).isFalse();
    }

    @Test
    void aSectorLeadGivesOnlyMemberAndSecurityManagerInAnOrganisationTheyImport() {
        Viewer lead = with(Role.SECTOR_LEAD);

        assertThat(DirectoryPolicy.canGrantInNewOrganisation(lead, Set.of(Role.MEMBER, Role.SECURITY_MANAGER)))
                .isTrue();
        assertThat(DirectoryPolicy.canGrantInNewOrganisation(lead, Set.of(Role.SECTOR_LEAD)))
                .isFalse();
        assertThat(DirectoryPolicy.canGrantInNewOrganisation(lead, Set.of(Role.ADMINISTRATOR)))
                .isFalse();
        assertThat(DirectoryPolicy.canGrantInNewOrganisation(with(Role.ADMINISTRATOR), Set.of(Role.APPROVER)))
                .isTrue();
        assertThat(DirectoryPolicy.canGrantInNewOrganisation(with(Role.SECURITY_MANAGER), Set.of(Role.MEMBER)))
                .isFalse();
    }
}
