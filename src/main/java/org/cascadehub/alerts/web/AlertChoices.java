package org.cascadehub.alerts.web;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cascadehub.alerts.cap.CapCategory;
import org.cascadehub.alerts.cap.CapCertainty;
import org.cascadehub.alerts.cap.CapResponseType;
import org.cascadehub.alerts.cap.CapSeverity;
import org.cascadehub.alerts.cap.CapUrgency;
import org.cascadehub.directory.Borough;
import org.cascadehub.directory.Boroughs;
import org.cascadehub.directory.OrganisationId;
import org.cascadehub.directory.Organisations;
import org.cascadehub.directory.People;
import org.cascadehub.directory.PersonId;
import org.cascadehub.directory.Role;
import org.cascadehub.directory.Sector;
import org.cascadehub.directory.Sectors;
import org.cascadehub.directory.SharingGroup;
import org.cascadehub.directory.SharingGroupId;
import org.cascadehub.directory.SharingGroups;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the alert pages offer and how they name things: the CAP enumerations, TLP labels, boroughs,
 * sectors, sharing groups and roles, and the names behind the codes and ids an alert stores.
 */
@Component
class AlertChoices implements AudienceNames {

    private final Boroughs boroughs;
    private final Sectors sectors;
    private final SharingGroups sharingGroups;
    private final Organisations organisations;
    private final People people;
    private final String tileUrl;
    private final String tileAttribution;

    AlertChoices(
            Boroughs boroughs,
            Sectors sectors,
            SharingGroups sharingGroups,
            Organisations organisations,
            People people,
            @Value("${cascade.map.tile-url:}") String tileUrl,
            @Value("${cascade.map.tile-attribution:}") String tileAttribution) {
        this.boroughs = boroughs;
        this.sectors = sectors;
        this.sharingGroups = sharingGroups;
        this.organisations = organisations;
        this.people = people;
        this.tileUrl = tileUrl;
        this.tileAttribution = tileAttribution;
    }

    /** What a page with a map passes to it (as the directory's maps do): optional tiles, and the data's attribution. */
    void addMapTo(Model model) {
        model.addAttribute("mapTileUrl", tileUrl);
        model.addAttribute("mapTileAttribution", tileAttribution);
        model.addAttribute("boroughAttribution", boroughs.attribution());
    }

    /** Everything the alert form lists. Sectors no longer used are offered only when already chosen. */
    void addTo(Model model, AlertForm form) {
        model.addAttribute("categories", names(CapCategory.values()));
        model.addAttribute("urgencies", names(CapUrgency.values()));
        model.addAttribute("severities", names(CapSeverity.values()));
        model.addAttribute("certainties", names(CapCertainty.values()));
        model.addAttribute("responseTypes", names(CapResponseType.values()));
        model.addAttribute("tlps", TlpLabel.ALL);
        model.addAttribute("boroughs", boroughs.all());
        model.addAttribute(
                "sectors",
                sectors.all().stream()
                        .filter(s -> s.active() || form.sectorList().contains(s.code()))
                        .toList());
        model.addAttribute("sharingGroups", sharingGroups.all());
        model.addAttribute("roles", Arrays.asList(Role.values()));
        addMapTo(model);
    }

    String sector(String code) {
        return sectors.all().stream()
                .filter(s -> s.code().equals(code))
                .map(Sector::name)
                .findFirst()
                .orElse(code);
    }

    /** A borough's name; recipients named in the audience without a site in the area are "named". */
    String borough(String code) {
        if (code.equals("named")) {
            return "Named people (no site in the area)";
        }
        return boroughs.find(code).map(Borough::name).orElse(code);
    }

    List<String> boroughNames(List<String> codes) {
        return codes.stream().map(this::borough).toList();
    }

    String sharingGroup(UUID id) {
        return sharingGroups
                .find(new SharingGroupId(id))
                .map(SharingGroup::name)
                .orElse("(a sharing group that no longer exists)");
    }

    String organisation(UUID id) {
        return organisations
                .find(new OrganisationId(id))
                .map(o -> o.name())
                .orElse("(an organisation no longer in the directory)");
    }

    String person(UUID id) {
        return people.findById(new PersonId(id))
                .map(p -> p.name() + ", " + p.organisationName())
                .orElse("(a person no longer in the directory)");
    }

    @Override
    public Optional<UUID> organisation(String nameOrId) {
        return id(nameOrId).or(() -> organisations.findByName(nameOrId).map(OrganisationId::value));
    }

    @Override
    public Optional<UUID> person(String emailOrId) {
        return id(emailOrId).or(() -> people.findByEmail(emailOrId).map(p -> p.id().value()));
    }

    @Override
    public String organisationName(UUID id) {
        return organisations.find(new OrganisationId(id)).map(o -> o.name()).orElse(id.toString());
    }

    @Override
    public String personEmail(UUID id) {
        return people.findById(new PersonId(id)).map(p -> p.email()).orElse(id.toString());
    }

    private static Optional<UUID> id(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static String channel(String channel) {
        return switch (channel) {
            case "screen" -> "On screen";
            case "email" -> "Email";
            case "sms" -> "Text message";
            default -> channel;
        };
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
