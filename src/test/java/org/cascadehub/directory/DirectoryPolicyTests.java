package org.cascadehub.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The directory's rules on their own, for the cases the API matrix reaches only one way. */
class DirectoryPolicyTests {

    private static final OrganisationId SHOP = OrganisationId.random();
    private static final OrganisationId ELSEWHERE = OrganisationId.random();

    @Test
    void aSecurityManagerManagesOnlyPeopleWhoseRolesTheyCouldGive() {
        Viewer manager = viewer(SHOP, Role.SECURITY_MANAGER);

        assertThat(DirectoryPolicy.canManagePerson(manager, SHOP, Set.of(Role.MEMBER)))
                .isTrue();
        assertThat(DirectoryPolicy.canManagePerson(manager, SHOP, Set.of(Role.SECURITY_MANAGER, Role.MEMBER)))
                .isTrue();
        for (Role privileged : Set.of(Role.ADMINISTRATOR, Role.POLICE_COORDINATOR, Role.APPROVER, Role.SECTOR_LEAD)) {
            assertThat(DirectoryPolicy.canManagePerson(manager, SHOP, Set.of(privileged, Role.MEMBER)))
                    .as(privileged.name())
                    .isFalse();
        }
        assertThat(DirectoryPolicy.canManagePerson(manager, ELSEWHERE, Set.of(Role.MEMBER)))
                .isFalse();
    }

    @Test
    void anAdministratorManagesAnyoneAnywhereAndAMemberNobody() {
        assertThat(DirectoryPolicy.canManagePerson(
                        viewer(ELSEWHERE, Role.ADMINISTRATOR), SHOP, Set.of(Role.SECTOR_LEAD)))
                .isTrue();
        assertThat(DirectoryPolicy.canManagePerson(viewer(SHOP, Role.MEMBER), SHOP, Set.of(Role.MEMBER)))
                .isFalse();
    }

    @Test
    void aSuspendedSecurityManagerOrOneInAnUnvettedOrganisationManagesNobody() {
        Viewer suspended = new Viewer(PersonId.random(), SHOP, Set.of(Role.SECURITY_MANAGER), Set.of(), false, true);
        Viewer unvetted = new Viewer(PersonId.random(), SHOP, Set.of(Role.SECURITY_MANAGER), Set.of(), true, false);

        assertThat(DirectoryPolicy.canManagePerson(suspended, SHOP, Set.of(Role.MEMBER)))
                .isFalse();
        assertThat(DirectoryPolicy.canManagePerson(unvetted, SHOP, Set.of(Role.MEMBER)))
                .isFalse();
    }

    @Test
    void onlyAnAdministratorChangesWhatKindOfOrganisationItIs() {
        assertThat(DirectoryPolicy.canChangeKind(viewer(SHOP, Role.ADMINISTRATOR)))
                .isTrue();
        assertThat(DirectoryPolicy.canChangeKind(viewer(SHOP, Role.SECURITY_MANAGER)))
                .isFalse();
    }

    private static Viewer viewer(OrganisationId organisation, Role role) {
        return new Viewer(PersonId.random(), organisation, Set.of(role), Set.of(), true, true);
    }
}
