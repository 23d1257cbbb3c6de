package org.cascadehub.directory.web;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.cascadehub.directory.Person;
import org.cascadehub.directory.PersonDetails;
import org.cascadehub.directory.Role;
import org.cascadehub.platform.InvalidInput;
import org.jspecify.annotations.Nullable;

/** The person form as typed. Checkboxes that are not ticked are simply absent. */
record PersonForm(
        @Nullable String name,
        @Nullable String email,
        @Nullable String phone,
        @Nullable String siaLicence,
        @Nullable List<String> roles,
        @Nullable List<String> leadSectors,
        @Nullable Boolean notifyEmail,
        @Nullable Boolean notifySms) {

    static final String[] FIELDS = {"name", "email", "phone", "siaLicence", "roles", "leadSectors", "notifyEmail"};

    static PersonForm empty() {
        return new PersonForm(null, null, null, null, List.of(Role.MEMBER.name()), List.of(), true, false);
    }

    static PersonForm of(Person person) {
        return new PersonForm(
                person.name(),
                person.email(),
                person.phone(),
                person.siaLicence(),
                person.roles().stream().map(Role::name).toList(),
                List.copyOf(person.leadSectors()),
                person.notifyEmail(),
                person.notifySms());
    }

    /**
     * The details to save. {@code fixedLeadSectors}, when not null, replaces whatever lead sectors
     * were sent, for viewers who may not change them.
     */
    PersonDetails details(@Nullable List<String> fixedLeadSectors) {
        Set<Role> chosen = EnumSet.noneOf(Role.class);
        for (String role : roles == null ? List.<String>of() : roles) {
            chosen.add(Arrays.stream(Role.values())
                    .filter(r -> r.name().equals(role))
                    .findFirst()
                    .orElseThrow(() -> InvalidInput.of("roles", "Choose roles from the list")));
        }
        List<String> lead = fixedLeadSectors != null ? fixedLeadSectors : leadSectors == null ? List.of() : leadSectors;
        return new PersonDetails(
                name,
                email,
                phone,
                siaLicence,
                chosen,
                lead,
                Boolean.TRUE.equals(notifyEmail),
                Boolean.TRUE.equals(notifySms));
    }

    public boolean hasRole(Role role) {
        return roles != null && roles.contains(role.name());
    }

    public boolean leads(String sector) {
        return leadSectors != null && leadSectors.contains(sector);
    }
}
