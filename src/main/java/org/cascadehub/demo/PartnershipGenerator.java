package org.cascadehub.demo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.cascadehub.demo.Places.Place;
import org.cascadehub.directory.Borough;
import org.cascadehub.directory.Boroughs;
import org.cascadehub.directory.BulkLoad;
import org.cascadehub.directory.BulkLoad.NewOrganisation;
import org.cascadehub.directory.BulkLoad.NewPerson;
import org.cascadehub.directory.BulkLoad.NewSite;
import org.cascadehub.directory.DirectoryBulkLoader;
import org.cascadehub.directory.OrganisationDetails;
import org.cascadehub.directory.OrganisationId;
import org.cascadehub.directory.OrganisationKind;
import org.cascadehub.directory.OrganisationStatus;
import org.cascadehub.directory.PersonDetails;
import org.cascadehub.directory.PersonId;
import org.cascadehub.directory.PersonStatus;
import org.cascadehub.directory.Role;
import org.cascadehub.directory.SiteDetails;
import org.cascadehub.directory.SiteId;

/**
 * Makes up a partnership of any size, for demos and load benchmarks: vetted organisations of many
 * sectors, their people (a security manager first, then members; security suppliers' staff with
 * SIA licences) and their sites, spread over every borough and weighted towards central London.
 * The same seed and sizes always make the same partnership, ids included. Write it with {@link
 * DirectoryBulkLoader}; emails are {@code first.last.g@demo.test} (numbered), so they never clash
 * with the standard demo data's.
 */
public final class PartnershipGenerator {

    /** How much to make. */
    public record Sizes(int organisations, int people, int sites) {

        public Sizes {
            if (organisations < 1 || people < organisations || sites < 0) {
                throw new IllegalArgumentException(
                        "need at least one organisation and a person for each: " + organisations + ", " + people);
            }
        }

        /** About 25 people per organisation and a site for every two people. */
        public static Sizes forPeople(int people) {
            return new Sizes(Math.max(1, people / 25), Math.max(1, people), people / 2);
        }
    }

    /** The City and Westminster weigh most, inner London next, outer London least. */
    private static final Set<String> CENTRAL = Set.of("city-of-london", "westminster");

    private static final Set<String> INNER = Set.of(
            "camden",
            "islington",
            "hackney",
            "tower-hamlets",
            "southwark",
            "lambeth",
            "kensington-and-chelsea",
            "hammersmith-and-fulham",
            "wandsworth",
            "lewisham",
            "greenwich",
            "newham");

    private static final List<String> SECTORS = List.of(
            "retail",
            "retail",
            "retail",
            "hospitality",
            "hospitality",
            "night-time-economy",
            "transport",
            "finance",
            "finance",
            "property",
            "health",
            "education",
            "utilities",
            "events",
            "faith",
            "telecoms");

    private final Personas personas;
    private final Places places;
    private final Random random;
    private final List<Borough> weightedBoroughs = new ArrayList<>();

    public PartnershipGenerator(Boroughs boroughs, long seed) {
        this.random = new Random(seed);
        this.personas = new Personas(random);
        this.places = new Places(boroughs, LondonStreets.all(), personas);
        for (Borough borough : boroughs.all()) {
            int weight = CENTRAL.contains(borough.code()) ? 6 : INNER.contains(borough.code()) ? 3 : 1;
            for (int i = 0; i < weight; i++) {
                weightedBoroughs.add(borough);
            }
        }
    }

    public BulkLoad generate(Sizes sizes) {
        return generate(sizes, List.of());
    }

    /** As {@link #generate(Sizes)}, choosing no organisation name already in {@code takenNames}. */
    public BulkLoad generate(Sizes sizes, Collection<String> takenNames) {
        Set<String> names = new HashSet<>();
        takenNames.forEach(name -> names.add(name.toLowerCase(Locale.ROOT)));
        List<Company> companies = new ArrayList<>(sizes.organisations());
        List<NewOrganisation> organisations = new ArrayList<>(sizes.organisations());
        for (int i = 0; i < sizes.organisations(); i++) {
            Company company = company(names);
            companies.add(company);
            organisations.add(new NewOrganisation(company.id(), company.details(), OrganisationStatus.VETTED));
        }
        List<NewPerson> people = new ArrayList<>(sizes.people());
        int[] staff = new int[companies.size()];
        for (int i = 0; i < sizes.people(); i++) {
            int index = i < companies.size() ? i : random.nextInt(companies.size());
            people.add(person(companies.get(index), staff[index]++));
        }
        List<NewSite> sites = new ArrayList<>(sizes.sites());
        for (int i = 0; i < sizes.sites(); i++) {
            sites.add(site(i < companies.size() ? companies.get(i) : personas.pick(companies)));
        }
        return new BulkLoad(organisations, people, sites, List.of(), List.of());
    }

    private record Company(OrganisationId id, OrganisationDetails details, Borough home) {}

    private Company company(Set<String> names) {
        boolean supplier = random.nextInt(8) == 0;
        String sector = supplier ? "property" : personas.pick(SECTORS);
        Borough home = personas.pick(weightedBoroughs);
        String name = CompanyNames.name(random, supplier ? "security" : sector, home);
        for (int n = 2; !names.add(name.toLowerCase(Locale.ROOT)); n++) {
            name = CompanyNames.name(random, supplier ? "security" : sector, home);
            if (n > 5) {
                name = name + " (" + home.name() + " " + n + ")";
            }
        }
        Place office = places.onStreet(personas.pick(places.streetsIn(home)));
        String slug = Personas.slug(SiteNames.shortName(name)).replace('.', '-');
        return new Company(
                new OrganisationId(personas.uuid()),
                new OrganisationDetails(
                        name,
                        supplier ? OrganisationKind.SECURITY_SUPPLIER : OrganisationKind.BUSINESS,
                        List.of(sector),
                        slug + Personas.DOMAIN,
                        personas.officePhone(),
                        "https://" + slug + ".example",
                        office.address()),
                home);
    }

    private NewPerson person(Company company, int position) {
        Set<Role> roles = EnumSet.of(position % 40 == 0 ? Role.SECURITY_MANAGER : Role.MEMBER);
        boolean licensed = company.details().kind() == OrganisationKind.SECURITY_SUPPLIER;
        String name = personas.name();
        String phone = personas.phone();
        return new NewPerson(
                new PersonId(personas.uuid()),
                company.id(),
                new PersonDetails(
                        name,
                        personas.email(name, "g"),
                        phone,
                        licensed ? personas.siaLicence() : null,
                        roles,
                        List.of(),
                        true,
                        false),
                PersonStatus.ACTIVE);
    }

    /** Most sites near home, some anywhere; half on a listed street, half anywhere in the borough. */
    private NewSite site(Company company) {
        Borough borough = random.nextInt(10) < 7 ? company.home() : personas.pick(weightedBoroughs);
        Place place = random.nextBoolean()
                ? places.onStreet(personas.pick(places.streetsIn(borough)))
                : places.anywhereIn(borough);
        String name = SiteNames.shortName(company.details().name()) + ", "
                + place.street().name();
        return new NewSite(
                new SiteId(personas.uuid()),
                company.id(),
                new SiteDetails(name, place.address(), place.latitude(), place.longitude()));
    }
}
