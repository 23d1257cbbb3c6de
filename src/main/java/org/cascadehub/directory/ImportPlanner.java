package org.cascadehub.directory;

import static org.cascadehub.directory.ImportColumn.ADDRESS;
import static org.cascadehub.directory.ImportColumn.CONTACT_EMAIL;
import static org.cascadehub.directory.ImportColumn.CONTACT_PHONE;
import static org.cascadehub.directory.ImportColumn.EMAIL;
import static org.cascadehub.directory.ImportColumn.KIND;
import static org.cascadehub.directory.ImportColumn.LATITUDE;
import static org.cascadehub.directory.ImportColumn.LONGITUDE;
import static org.cascadehub.directory.ImportColumn.NOTIFY_EMAIL;
import static org.cascadehub.directory.ImportColumn.NOTIFY_SMS;
import static org.cascadehub.directory.ImportColumn.ORGANISATION;
import static org.cascadehub.directory.ImportColumn.PERSON_NAME;
import static org.cascadehub.directory.ImportColumn.PHONE;
import static org.cascadehub.directory.ImportColumn.RECORD;
import static org.cascadehub.directory.ImportColumn.ROLES;
import static org.cascadehub.directory.ImportColumn.SECTORS;
import static org.cascadehub.directory.ImportColumn.SIA_LICENCE;
import static org.cascadehub.directory.ImportColumn.SITE_NAME;
import static org.cascadehub.directory.ImportColumn.WEBSITE;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cascadehub.directory.ImportColumn.Kind;
import org.cascadehub.directory.ImportPlan.NewOrganisation;
import org.cascadehub.directory.ImportPlan.NewPerson;
import org.cascadehub.directory.ImportPlan.NewSite;
import org.springframework.stereotype.Component;

/**
 * Checks every row of an import file, through the same checks the directory's services make
 * ({@code validate}) and the same policy, and reports every problem by line and column; or, when
 * there is none, answers what to create.
 */
@Component
class ImportPlanner {

    /** The services' field names, as columns of the file. */
    private static final Map<String, String> ORGANISATION_FIELDS = Map.of(
            "name", ORGANISATION.header(),
            "contactEmail", CONTACT_EMAIL.header(),
            "contactPhone", CONTACT_PHONE.header());

    private static final Map<String, String> SITE_FIELDS =
            Map.of("name", SITE_NAME.header(), "location", LATITUDE.header());

    private static final Map<String, String> PERSON_FIELDS = Map.of(
            "name", PERSON_NAME.header(),
            "siaLicence", SIA_LICENCE.header(),
            "leadSectors", ROLES.header());

    private final Organisations organisations;
    private final People people;
    private final Sites sites;
    private final Sectors sectors;

    ImportPlanner(Organisations organisations, People people, Sites sites, Sectors sectors) {
        this.organisations = organisations;
        this.people = people;
        this.sites = sites;
        this.sectors = sectors;
    }

    /** The plan, or {@link ImportRejected} with every problem in the file. */
    ImportPlan plan(Viewer viewer, ImportFile file) {
        return new Check(viewer, file).run();
    }

    /** One file's check: what it has seen so far, for references and duplicates. */
    private final class Check {
        private final Viewer viewer;
        private final ImportFile file;
        private final List<ImportProblem> problems;
        private final Map<String, Integer> newOrganisations = new HashMap<>();
        private final Map<String, Optional<OrganisationId>> existing = new HashMap<>();
        private final Map<String, Integer> emails = new HashMap<>();
        private final List<NewOrganisation> toCreate = new ArrayList<>();
        private final List<NewSite> siteList = new ArrayList<>();
        private final List<NewPerson> peopleList = new ArrayList<>();

        Check(Viewer viewer, ImportFile file) {
            this.viewer = viewer;
            this.file = file;
            this.problems = new ArrayList<>(file.problems());
        }

        ImportPlan run() {
            for (ImportRow row : file.rows()) {
                if (Kind.parse(row.text(RECORD)).orElse(null) == Kind.ORGANISATION && row.has(ORGANISATION)) {
                    newOrganisations.putIfAbsent(ImportPlan.key(row.text(ORGANISATION)), row.line());
                }
            }
            for (ImportRow row : file.rows()) {
                ImportRowProblems found = new ImportRowProblems(row);
                Optional<Kind> kind = Kind.parse(row.text(RECORD));
                if (kind.isEmpty()) {
                    found.add(
                            RECORD.header(),
                            row.has(RECORD)
                                    ? "'" + row.text(RECORD)
                                            + "' is not a kind of row. Use organisation, site or person"
                                    : "Enter organisation, site or person");
                } else {
                    found.unused(kind.get());
                    switch (kind.get()) {
                        case ORGANISATION -> organisation(row, found);
                        case SITE -> site(row, found);
                        case PERSON -> person(row, found);
                    }
                }
                problems.addAll(found.problems());
            }
            if (!problems.isEmpty()) {
                throw new ImportRejected(problems);
            }
            Map<String, OrganisationId> into = new HashMap<>();
            existing.forEach((key, id) -> id.ifPresent(value -> into.put(key, value)));
            return new ImportPlan(toCreate, siteList, peopleList, into);
        }

        private void organisation(ImportRow row, ImportRowProblems found) {
            String key = ImportPlan.key(row.text(ORGANISATION));
            OrganisationKind kind = found.attempt(() -> ImportValues.kind(KIND.header(), row.text(KIND)));
            List<String> sectorNames = ImportValues.list(row.text(SECTORS));
            OrganisationDetails details = new OrganisationDetails(
                    row.optional(ORGANISATION),
                    kind,
                    sectorNames,
                    row.optional(CONTACT_EMAIL),
                    row.optional(CONTACT_PHONE),
                    row.optional(WEBSITE),
                    row.optional(ADDRESS));
            found.service(ORGANISATION_FIELDS, () -> organisations.validate(details));
            Integer first = newOrganisations.get(key);
            if (first != null && first != row.line()) {
                found.add(
                        ORGANISATION.header(),
                        row.text(ORGANISATION) + " is also on line " + first + "; give each organisation one row");
            }
            Set<String> codes = found.quietly(() -> sectors.requireActive(SECTORS.header(), sectorNames));
            if (codes != null && !DirectoryPolicy.canImportOrganisation(viewer, codes)) {
                if (viewer.is(Role.SECTOR_LEAD)) {
                    found.add(
                            SECTORS.header(),
                            "Include at least one sector you lead (" + String.join(", ", leadSectorNames()) + ")");
                } else {
                    found.add(
                            RECORD.header(),
                            "Only hub administrators and sector leads can add organisations; "
                                    + "add sites and people to your own organisation instead");
                }
            }
            toCreate.add(new NewOrganisation(row.line(), key, details));
        }

        private void site(ImportRow row, ImportRowProblems found) {
            Optional<String> organisation = reference(row, found, "site");
            Double latitude =
                    found.attempt(() -> ImportValues.degrees(LATITUDE.header(), row.text(LATITUDE), "51.5101"));
            Double longitude =
                    found.attempt(() -> ImportValues.degrees(LONGITUDE.header(), row.text(LONGITUDE), "-0.1225"));
            SiteDetails details = new SiteDetails(row.optional(SITE_NAME), row.optional(ADDRESS), latitude, longitude);
            found.service(SITE_FIELDS, () -> sites.validate(details));
            organisation.ifPresent(key -> siteList.add(new NewSite(row.line(), key, details)));
        }

        private void person(ImportRow row, ImportRowProblems found) {
            Optional<String> organisation = reference(row, found, "person");
            Set<Role> roles = found.attempt(() -> ImportValues.roles(ROLES.header(), row.text(ROLES)));
            Boolean byEmail =
                    found.attempt(() -> ImportValues.yesNo(NOTIFY_EMAIL.header(), row.text(NOTIFY_EMAIL), true));
            Boolean bySms = found.attempt(() -> ImportValues.yesNo(NOTIFY_SMS.header(), row.text(NOTIFY_SMS), false));
            PersonDetails details = new PersonDetails(
                    row.optional(PERSON_NAME),
                    row.optional(EMAIL),
                    row.optional(PHONE),
                    row.optional(SIA_LICENCE),
                    roles == null ? Set.of(Role.MEMBER) : roles,
                    List.of(),
                    byEmail == null || byEmail,
                    bySms != null && bySms);
            found.service(PERSON_FIELDS, () -> people.validate(details));
            if (row.has(EMAIL)) {
                Integer first = emails.putIfAbsent(ImportPlan.key(row.text(EMAIL)), row.line());
                if (first != null) {
                    found.add(EMAIL.header(), row.text(EMAIL) + " is also on line " + first);
                }
            }
            if (roles != null && organisation.isPresent() && !mayGrant(organisation.get(), roles)) {
                found.add(ROLES.header(), "You can give only the Member and Security manager roles");
            }
            organisation.ifPresent(key -> peopleList.add(new NewPerson(row.line(), key, details)));
        }

        private boolean mayGrant(String organisation, Set<Role> roles) {
            Optional<OrganisationId> into = existing.getOrDefault(organisation, Optional.empty());
            if (into.isPresent()) {
                return DirectoryPolicy.canGrant(viewer, into.get(), roles);
            }
            // A new organisation the viewer may not add is refused on its own row; one refusal is enough.
            return (!viewer.administrator() && !viewer.is(Role.SECTOR_LEAD))
                    || DirectoryPolicy.canGrantInNewOrganisation(viewer, roles);
        }

        /** The key of the organisation a site or person row names, if it is in the file or theirs to add to. */
        private Optional<String> reference(ImportRow row, ImportRowProblems found, String what) {
            if (!row.has(ORGANISATION)) {
                found.add(ORGANISATION.header(), "Enter the name of the organisation this " + what + " belongs to");
                return Optional.empty();
            }
            String key = ImportPlan.key(row.text(ORGANISATION));
            if (newOrganisations.containsKey(key)) {
                return Optional.of(key);
            }
            Optional<OrganisationId> into = existing.computeIfAbsent(
                    key,
                    name -> organisations.findByName(name).filter(id -> DirectoryPolicy.canImportInto(viewer, id)));
            if (into.isEmpty()) {
                found.add(
                        ORGANISATION.header(),
                        row.text(ORGANISATION) + " is not an organisation row in this file, nor an organisation "
                                + "in the directory that you can add sites and people to");
            }
            return into.map(present -> key);
        }

        private List<String> leadSectorNames() {
            return sectors.all().stream()
                    .filter(s -> viewer.leadSectors().contains(s.code()))
                    .map(Sector::name)
                    .toList();
        }
    }
}
