package org.cascadehub.demo;

import java.util.List;
import java.util.Set;
import org.cascadehub.directory.OrganisationKind;
import org.cascadehub.directory.Role;

/** The demo sign-ins. Other issues, tests and the README rely on these staying as they are. */
public final class DemoAccounts {

    public static final String PASSWORD = "demo-password";

    public record DemoAccount(
            String email,
            String name,
            String organisation,
            OrganisationKind kind,
            Set<Role> roles,
            String description) {

        /** The sectors a sector lead looks after. */
        public List<String> leadSectors() {
            return roles.contains(Role.SECTOR_LEAD) ? List.of("retail") : List.of();
        }
    }

    public static final List<DemoAccount> ALL = List.of(
            new DemoAccount(
                    "admin@demo.test",
                    "Alex Morgan",
                    "Cascade Hub",
                    OrganisationKind.HUB_OPERATOR,
                    Set.of(Role.ADMINISTRATOR),
                    "hub administrator"),
            new DemoAccount(
                    "police@demo.test",
                    "Sam Okafor",
                    "Metropolitan Police – Westminster",
                    OrganisationKind.POLICE_UNIT,
                    Set.of(Role.POLICE_COORDINATOR),
                    "police coordinator, Metropolitan Police, Westminster"),
            new DemoAccount(
                    "approver@demo.test",
                    "Priya Shah",
                    "Metropolitan Police – Westminster",
                    OrganisationKind.POLICE_UNIT,
                    Set.of(Role.APPROVER),
                    "police approver"),
            new DemoAccount(
                    "retail-lead@demo.test",
                    "Jordan Ellis",
                    "Westminster Business Crime Reduction Partnership",
                    OrganisationKind.BUSINESS_CRIME_REDUCTION_PARTNERSHIP,
                    Set.of(Role.SECTOR_LEAD),
                    "sector lead, retail"),
            new DemoAccount(
                    "security@demo.test",
                    "Chris Walker",
                    "Strand Arcade Retail Ltd",
                    OrganisationKind.BUSINESS,
                    Set.of(Role.SECURITY_MANAGER),
                    "security manager at a Westminster business"),
            new DemoAccount(
                    "guard@demo.test",
                    "Taylor Reid",
                    "Strand Arcade Retail Ltd",
                    OrganisationKind.BUSINESS,
                    Set.of(Role.MEMBER),
                    "member of that business"));

    private DemoAccounts() {}
}
