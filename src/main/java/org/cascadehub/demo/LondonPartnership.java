package org.cascadehub.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.cascadehub.demo.Places.Place;
import org.cascadehub.directory.Borough;
import org.cascadehub.directory.Boroughs;
import org.cascadehub.directory.BulkLoad;
import org.cascadehub.directory.BulkLoad.NewApplication;
import org.cascadehub.directory.BulkLoad.NewOrganisation;
import org.cascadehub.directory.BulkLoad.NewPerson;
import org.cascadehub.directory.BulkLoad.NewSharingGroup;
import org.cascadehub.directory.BulkLoad.NewSite;
import org.cascadehub.directory.OrganisationDetails;
import org.cascadehub.directory.OrganisationId;
import org.cascadehub.directory.OrganisationKind;
import org.cascadehub.directory.OrganisationStatus;
import org.cascadehub.directory.PersonDetails;
import org.cascadehub.directory.PersonId;
import org.cascadehub.directory.PersonStatus;
import org.cascadehub.directory.Role;
import org.cascadehub.directory.SharingGroupId;
import org.cascadehub.directory.SiteDetails;
import org.cascadehub.directory.SiteId;

/**
 * The standard demo data: a London partnership of about sixty organisations (police units,
 * partnerships, security suppliers, businesses of many sectors, a transport operator and a utility)
 * from {@code demo/london-partnership.csv}, with about three hundred made-up people and a hundred
 * and fifty sites spread over all the boroughs, two sharing groups and two open applications.
 */
final class LondonPartnership {

    static final String RESOURCE = "demo/london-partnership.csv";

    /** The standard demo data's seed: it is the same on every start. */
    static final long SEED = 20_140_414L;

    /** One organisation as the CSV describes it. */
    record Plan(
            String name,
            OrganisationKind kind,
            OrganisationStatus status,
            List<String> sectors,
            List<String> boroughs,
            int people,
            int sites,
            List<String> leads,
            Set<String> groups) {}

    /** A sharing group; {@code code} is how the CSV's groups column names it. */
    private record Group(String code, String name, String description) {}

    private static final List<Group> GROUPS = List.of(
            new Group(
                    "wbcrp",
                    "Westminster BCRP",
                    "Members of the Westminster Business Crime Reduction Partnership and the police who work with them."),
            new Group(
                    "nte",
                    "West End Night-time Economy",
                    "Venues, door supervisors, police and partners who keep the West End safe at night."));

    private final List<Plan> plans;
    private final Personas personas;
    private final Places places;
    private final Instant now;

    LondonPartnership(Personas personas, Places places, Instant now) {
        this.plans = plans();
        this.personas = personas;
        this.places = places;
        this.now = now;
    }

    /** The standard demo partnership: made up from {@link #SEED}, so the same on every start. */
    static LondonPartnership standard(Boroughs boroughs, Instant now) {
        Personas personas = new Personas(new Random(SEED));
        DemoAccounts.ALL.forEach(account -> personas.reserve(account.name(), account.email()));
        return new LondonPartnership(personas, new Places(boroughs, LondonStreets.all(), personas), now);
    }

    /** The demo accounts' organisations, in the accounts' order, for the directory's services to register. */
    Map<String, OrganisationDetails> demoOrganisations() {
        Map<String, OrganisationDetails> organisations = new LinkedHashMap<>();
        for (DemoAccounts.DemoAccount account : DemoAccounts.ALL) {
            organisations.computeIfAbsent(account.organisation(), name -> details(plan(name)));
        }
        return organisations;
    }

    static List<Plan> plans() {
        return DemoResources.rows(RESOURCE).stream()
                .map(row -> new Plan(
                        row[0],
                        OrganisationKind.valueOf(row[1]),
                        OrganisationStatus.valueOf(row[2]),
                        list(row[3]),
                        list(row[4]),
                        Integer.parseInt(row[5]),
                        Integer.parseInt(row[6]),
                        list(row[7]),
                        new HashSet<>(list(row[8]))))
                .toList();
    }

    /** The organisation's details as the CSV has them, with made-up contact details and office. */
    private OrganisationDetails details(Plan plan) {
        Place office = places.onStreet(
                personas.pick(places.streetsIn(places.borough(plan.boroughs().getFirst()))));
        String slug = Personas.slug(SiteNames.shortName(plan.name())).replace('.', '-');
        return new OrganisationDetails(
                plan.name(),
                plan.kind(),
                plan.sectors(),
                slug + Personas.DOMAIN,
                personas.officePhone(),
                "https://" + slug + ".example",
                office.address());
    }

    private Plan plan(String name) {
        return plans.stream()
                .filter(p -> p.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(name + " is not in " + RESOURCE));
    }

    /**
     * Everything but the organisations already registered (the demo accounts'), which get their
     * made-up people and sites too.
     */
    BulkLoad build(Map<String, OrganisationId> registered) {
        List<NewOrganisation> organisations = new ArrayList<>();
        List<NewPerson> people = new ArrayList<>();
        List<NewSite> sites = new ArrayList<>();
        List<NewApplication> applications = new ArrayList<>();
        Map<String, List<OrganisationId>> groupMembers = new LinkedHashMap<>();
        for (Plan plan : plans) {
            OrganisationId registeredId = registered.get(plan.name());
            OrganisationId id = registeredId == null ? new OrganisationId(personas.uuid()) : registeredId;
            List<NewSite> own = sites(plan, id);
            if (registeredId == null) {
                organisations.add(new NewOrganisation(id, details(plan), plan.status()));
            }
            sites.addAll(own);
            List<NewPerson> staff = people(plan, id, registeredId != null);
            people.addAll(staff);
            if (plan.status() == OrganisationStatus.APPLIED) {
                applications.add(new NewApplication(
                        personas.uuid(),
                        id,
                        staff.getFirst().id(),
                        "We would like " + plan.name() + " to join the partnership and receive alerts for our "
                                + String.join(" and ", plan.sectors()) + " premises.",
                        now.minus(Duration.ofDays(1 + applications.size()))));
            }
            for (String group : plan.groups()) {
                groupMembers.computeIfAbsent(group, g -> new ArrayList<>()).add(id);
            }
        }
        List<NewSharingGroup> groups = GROUPS.stream()
                .map(group -> new NewSharingGroup(
                        new SharingGroupId(personas.uuid()),
                        group.name(),
                        group.description(),
                        groupMembers.getOrDefault(group.code(), List.of())))
                .toList();
        return new BulkLoad(organisations, people, sites, groups, applications);
    }

    private List<NewSite> sites(Plan plan, OrganisationId organisation) {
        List<NewSite> sites = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < plan.sites(); i++) {
            Borough borough =
                    places.borough(plan.boroughs().get(i % plan.boroughs().size()));
            Place place = places.onStreet(personas.pick(places.streetsIn(borough)));
            String name = SiteNames.name(plan.name(), plan.kind(), plan.sectors(), place.street());
            for (int n = 2; !names.add(name); n++) {
                name = SiteNames.name(plan.name(), plan.kind(), plan.sectors(), place.street()) + " " + n;
            }
            sites.add(new NewSite(
                    new SiteId(personas.uuid()),
                    organisation,
                    new SiteDetails(name, place.address(), place.latitude(), place.longitude())));
        }
        return sites;
    }

    private List<NewPerson> people(Plan plan, OrganisationId organisation, boolean registered) {
        List<NewPerson> people = new ArrayList<>();
        boolean applied = plan.status() == OrganisationStatus.APPLIED;
        // The demo accounts already hold the key roles in their organisations.
        int firstLead = registered ? 0 : 1;
        for (int i = 0; i < plan.people(); i++) {
            boolean lead = i >= firstLead && i < firstLead + plan.leads().size();
            Set<Role> roles =
                    lead ? EnumSet.of(Role.SECTOR_LEAD) : registered ? EnumSet.of(Role.MEMBER) : roles(plan, i);
            List<String> leads = lead ? List.of(plan.leads().get(i - firstLead)) : List.of();
            String name = personas.name();
            String phone = personas.phone();
            people.add(new NewPerson(
                    new PersonId(personas.uuid()),
                    organisation,
                    new PersonDetails(
                            name,
                            personas.email(name, null),
                            phone,
                            licensed(plan, roles) ? personas.siaLicence() : null,
                            roles,
                            leads,
                            true,
                            phone != null
                                    && phone.startsWith("+447")
                                    && personas.random().nextInt(3) == 0),
                    applied ? PersonStatus.PENDING : PersonStatus.ACTIVE));
        }
        return people;
    }

    /** Police units: a coordinator, an approver, officers. Others: a security manager (two in larger teams). */
    private static Set<Role> roles(Plan plan, int position) {
        if (plan.kind() == OrganisationKind.POLICE_UNIT) {
            return EnumSet.of(position == 0 ? Role.POLICE_COORDINATOR : position == 1 ? Role.APPROVER : Role.MEMBER);
        }
        if (position == 0) {
            return EnumSet.of(
                    plan.kind() == OrganisationKind.HUB_OPERATOR ? Role.ADMINISTRATOR : Role.SECURITY_MANAGER);
        }
        return EnumSet.of(plan.people() >= 8 && position == plan.people() / 2 ? Role.SECURITY_MANAGER : Role.MEMBER);
    }

    /** Security suppliers' staff are licensed; so are some at night-time venues. */
    private boolean licensed(Plan plan, Set<Role> roles) {
        if (plan.kind() == OrganisationKind.SECURITY_SUPPLIER) {
            return true;
        }
        boolean frontLine = roles.contains(Role.MEMBER) || roles.contains(Role.SECURITY_MANAGER);
        return frontLine
                && plan.kind() == OrganisationKind.BUSINESS
                && plan.sectors().contains("night-time-economy")
                && personas.random().nextBoolean();
    }

    private static List<String> list(String cell) {
        return cell.isBlank() ? List.of() : Arrays.asList(cell.split(";"));
    }
}
