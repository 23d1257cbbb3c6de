package org.cascadehub.alerts;

import java.util.List;
import java.util.UUID;
import org.cascadehub.directory.Role;
import org.jspecify.annotations.Nullable;

/**
 * Who in the area an alert is for. Organisations qualify by any of their sectors, their own id or a
 * sharing group they belong to (empty lists: every organisation); people then by any of their roles
 * (empty: everyone). Named {@code people} receive it wherever they are; a TLP:RED alert goes to them
 * alone.
 */
public record Audience(
        List<String> sectors, List<UUID> organisations, List<UUID> sharingGroups, List<Role> roles, List<UUID> people) {

    public Audience(
            @Nullable List<String> sectors,
            @Nullable List<UUID> organisations,
            @Nullable List<UUID> sharingGroups,
            @Nullable List<Role> roles,
            @Nullable List<UUID> people) {
        this.sectors = sectors == null ? List.of() : List.copyOf(sectors);
        this.organisations = organisations == null ? List.of() : List.copyOf(organisations);
        this.sharingGroups = sharingGroups == null ? List.of() : List.copyOf(sharingGroups);
        this.roles = roles == null ? List.of() : List.copyOf(roles);
        this.people = people == null ? List.of() : List.copyOf(people);
    }

    public static Audience everyone() {
        return new Audience(null, null, null, null, null);
    }

    public static Audience sectors(List<String> sectors) {
        return new Audience(sectors, null, null, null, null);
    }

    /** No organisation filter: every organisation in the area qualifies. */
    public boolean allOrganisations() {
        return sectors.isEmpty() && organisations.isEmpty() && sharingGroups.isEmpty();
    }
}
