package org.cascadehub.directory;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who may see and change what in the directory. Deny unless a rule below allows; every page, API
 * call, import and export asks here.
 */
public final class DirectoryPolicy {

    /** Roles a security manager may give within their own organisation; the rest are the administrator's. */
    public static final Set<Role> DELEGABLE_ROLES = EnumSet.of(Role.MEMBER, Role.SECURITY_MANAGER);

    private DirectoryPolicy() {}

    /** Administrators manage everything; a security manager manages their own organisation. */
    public static boolean canManage(Viewer viewer, OrganisationId organisation) {
        return viewer.administrator()
                || (viewer.vettedMember()
                        && viewer.is(Role.SECURITY_MANAGER)
                        && viewer.organisationId().equals(organisation));
    }

    /**
     * Whether the viewer may change or suspend someone holding these roles in that organisation:
     * those who manage it, but a security manager only people whose roles they could have given.
     * Otherwise a security manager could take over a sector lead's or an approver's account by
     * changing its email address.
     */
    public static boolean canManagePerson(Viewer viewer, OrganisationId organisation, Set<Role> roles) {
        return canManage(viewer, organisation) && canGrant(viewer, organisation, roles);
    }

    /** What kind of organisation it is (police unit, hub operator, ...) is settled when it is vetted. */
    public static boolean canChangeKind(Viewer viewer) {
        return viewer.administrator();
    }

    /** Administrators vet any application; a sector lead vets those in a sector they lead. */
    public static boolean canVet(Viewer viewer, Collection<String> organisationSectors) {
        return viewer.administrator()
                || (viewer.vettedMember()
                        && viewer.is(Role.SECTOR_LEAD)
                        && organisationSectors.stream().anyMatch(viewer.leadSectors()::contains));
    }

    /** Whether the viewer vets applications at all: administrators and sector leads. */
    public static boolean canVetAny(Viewer viewer) {
        return viewer.administrator() || (viewer.vettedMember() && viewer.is(Role.SECTOR_LEAD));
    }

    /**
     * Vetted organisations are visible to every vetted member; others (applied, rejected,
     * suspended) only to those who may vet them and to their own people.
     */
    public static boolean canSee(
            Viewer viewer, OrganisationId organisation, OrganisationStatus status, Collection<String> sectors) {
        if (!viewer.vettedMember()) {
            return false;
        }
        return status == OrganisationStatus.VETTED
                || viewer.organisationId().equals(organisation)
                || canVet(viewer, sectors);
    }

    /** Whether the viewer may give these roles to someone in that organisation. */
    public static boolean canGrant(Viewer viewer, OrganisationId organisation, Set<Role> roles) {
        if (viewer.administrator()) {
            return true;
        }
        return canManage(viewer, organisation) && DELEGABLE_ROLES.containsAll(roles);
    }

    /** Who may use the bulk import at all: administrators, sector leads and security managers. */
    public static boolean canImport(Viewer viewer) {
        return viewer.administrator()
                || (viewer.vettedMember() && (viewer.is(Role.SECTOR_LEAD) || viewer.is(Role.SECURITY_MANAGER)));
    }

    /**
     * Whether the viewer may import a new organisation in these sectors. Importing vets it, so this
     * is who may vet it: an administrator, or a sector lead for at least one of its sectors.
     */
    public static boolean canImportOrganisation(Viewer viewer, Collection<String> organisationSectors) {
        return canVet(viewer, organisationSectors);
    }

    /** Sites and people go into an organisation already in the directory only for those who manage it. */
    public static boolean canImportInto(Viewer viewer, OrganisationId organisation) {
        return canManage(viewer, organisation);
    }

    /**
     * Roles for people in an organisation created by the same import: a sector lead vetted it, so
     * they give what its security manager could; administrators give any role.
     */
    public static boolean canGrantInNewOrganisation(Viewer viewer, Set<Role> roles) {
        return viewer.administrator()
                || (viewer.vettedMember() && viewer.is(Role.SECTOR_LEAD) && DELEGABLE_ROLES.containsAll(roles));
    }

    /** Sectors, sharing groups, and anything hub-wide. */
    public static boolean canAdminister(Viewer viewer) {
        return viewer.administrator();
    }

    /** A person's own data, or an administrator. */
    public static boolean canExport(Viewer viewer, PersonId person) {
        return viewer.administrator() || (viewer.active() && viewer.personId().equals(person));
    }

    /** Erasure is the administrator's decision: it also ends the person's access. */
    public static boolean canErase(Viewer viewer) {
        return viewer.administrator();
    }
}
