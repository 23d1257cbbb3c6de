package org.cascadehub.directory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.cascadehub.directory.MembershipApplications.Application;
import org.cascadehub.support.TestHttp;
import org.cascadehub.support.TestHttp.Response;
import org.jspecify.annotations.Nullable;

/**
 * Fresh directory data for {@link DirectoryAccessMatrixTests}, made through the services as an
 * administrator, and the requests to send. Every organisation, person, site, sector, group and
 * application it makes is new, so no row depends on another and the demo accounts stay untouched.
 */
record DirectoryAccessFixtures(
        Organisations organisations,
        People people,
        Sites sites,
        Sectors sectors,
        SharingGroups sharingGroups,
        MembershipApplications applications) {

    /** A request to send: method, path and JSON body (if any). */
    record Call(String method, String path, @Nullable String body) {

        Response send(TestHttp http, String authorization) {
            String[] headers = authorization.isEmpty() ? new String[0] : new String[] {"Authorization", authorization};
            return switch (method) {
                case "GET" -> http.get(path, headers);
                case "DELETE" -> http.delete(path, headers);
                case "POST" -> http.postJson(path, body == null ? "{}" : body, headers);
                case "PUT" -> http.putJson(path, body == null ? "{}" : body, headers);
                default -> throw new IllegalArgumentException(method);
            };
        }
    }

    /** An open application, its organisation and its applicant. */
    record Applied(UUID id, OrganisationId organisation, PersonId applicant) {}

    Call get(String path) {
        return new Call("GET", path, null);
    }

    Call post(String path, String body) {
        return new Call("POST", path, body);
    }

    Call put(String path, String body) {
        return new Call("PUT", path, body);
    }

    Call delete(String path) {
        return new Call("DELETE", path, null);
    }

    String organisationPath(OrganisationId id) {
        return "/api/v1/organisations/" + id;
    }

    String personPath(PersonId id) {
        return "/api/v1/people/" + id;
    }

    String sitePath(SiteId id) {
        return "/api/v1/sites/" + id;
    }

    String applicationPath(Applied applied) {
        return "/api/v1/applications/" + applied.id();
    }

    // The demo accounts' own things, never changed here.

    OrganisationId strand() {
        return organisations.findByName("Strand Arcade Retail Ltd").orElseThrow();
    }

    PersonId guard() {
        return people.findByEmail("guard@demo.test").orElseThrow().id();
    }

    String nameOf(OrganisationId id) {
        return organisations.find(id).orElseThrow().name();
    }

    // Fresh things.

    OrganisationId vetted() {
        return organisations.register(
                new OrganisationDetails(
                        "Matrix Vetted " + unique(), OrganisationKind.BUSINESS, List.of(), null, null, null, null),
                OrganisationStatus.VETTED);
    }

    OrganisationId suspended() {
        OrganisationId id = vetted();
        organisations.setSuspended(administrator(), id, true, "Lapsed membership");
        return id;
    }

    Applied applied(String sector) {
        String unique = unique();
        UUID id = applications.apply(new Application(
                new OrganisationDetails(
                        "Matrix Applicant " + unique,
                        OrganisationKind.BUSINESS,
                        List.of(sector),
                        null,
                        null,
                        null,
                        "1 Example Street, London"),
                "Pat Applicant",
                "applicant-" + unique + "@example.test",
                null,
                "Please let us join"));
        MembershipApplication application = applications.require(administrator(), id);
        return new Applied(id, application.organisationId(), application.applicantId());
    }

    OrganisationId rejected(String sector) {
        Applied applied = applied(sector);
        applications.reject(administrator(), applied.id(), "We could not confirm the address");
        return applied.organisation();
    }

    PersonId person(OrganisationId organisation, Role role) {
        return people.enrol(organisation, personDetails(role));
    }

    PersonId suspendedPerson(OrganisationId organisation) {
        PersonId id = person(organisation, Role.MEMBER);
        people.setSuspended(administrator(), id, true);
        return id;
    }

    PersonId erased() {
        PersonId id = person(vetted(), Role.MEMBER);
        people.erase(administrator(), id);
        return id;
    }

    SiteId site(OrganisationId organisation) {
        return sites.register(
                organisation, new SiteDetails("Matrix kiosk", "1 Strand, London WC2R 0AA", 51.5111, -0.12));
    }

    String sector() {
        return sectors.add("Matrix sector " + unique()).code();
    }

    SharingGroupId sharingGroup() {
        return sharingGroups.create(administrator(), "Matrix group " + unique(), "", List.of(strand()));
    }

    // Request bodies.

    String newOrganisation() {
        return TestHttp.json(
                Map.of("name", "Matrix New " + unique(), "kind", "BUSINESS", "sectors", List.of("retail")));
    }

    String newPerson(Role role) {
        return json(personDetails(role));
    }

    String newSite() {
        return TestHttp.json(Map.of(
                "name",
                "Matrix stall",
                "address",
                "2 Strand, London WC2R 0AA",
                "latitude",
                51.5112,
                "longitude",
                -0.1201));
    }

    String newSector() {
        return TestHttp.json(Map.of("name", "Matrix sector " + unique(), "active", true));
    }

    String newSharingGroup() {
        return TestHttp.json(Map.of(
                "name",
                "Matrix group " + unique(),
                "description",
                "For the matrix",
                "members",
                List.of(strand().value())));
    }

    String newApplication(String sector) {
        String unique = unique();
        return TestHttp.json(Map.of(
                "organisation",
                Map.of("name", "Matrix Applicant " + unique, "kind", "BUSINESS", "sectors", List.of(sector)),
                "applicantName",
                "Pat Applicant",
                "applicantEmail",
                "applicant-" + unique + "@example.test"));
    }

    /** The organisation's details as they are, so a PUT changes nothing. */
    String detailsOf(OrganisationId id) {
        Organisation organisation = organisations.find(id).orElseThrow();
        Map<String, @Nullable Object> details = new LinkedHashMap<>();
        details.put("name", organisation.name());
        details.put("kind", organisation.kind());
        details.put("sectors", organisation.sectors());
        details.put("contactEmail", organisation.contactEmail());
        details.put("contactPhone", organisation.contactPhone());
        details.put("website", organisation.website());
        details.put("address", organisation.address());
        return TestHttp.json(details);
    }

    /** The person's details as they are, so a PUT changes nothing. */
    String detailsOf(PersonId id) {
        Person person = people.find(id).orElseThrow();
        return json(new PersonDetails(
                person.name(),
                person.email(),
                person.phone(),
                person.siaLicence(),
                person.roles(),
                List.copyOf(person.leadSectors()),
                person.notifyEmail(),
                person.notifySms()));
    }

    private static PersonDetails personDetails(Role role) {
        return new PersonDetails(
                "Matrix Person",
                "matrix-" + unique() + "@example.test",
                null,
                null,
                Set.of(role),
                role == Role.SECTOR_LEAD ? List.of("retail") : List.of(),
                true,
                false);
    }

    private static String json(PersonDetails details) {
        Map<String, @Nullable Object> json = new LinkedHashMap<>();
        json.put("name", details.name());
        json.put("email", details.email());
        json.put("phone", details.phone());
        json.put("siaLicence", details.siaLicence());
        json.put("roles", details.roles());
        json.put("leadSectors", details.leadSectors());
        json.put("notifyEmail", details.notifyEmail());
        json.put("notifySms", details.notifySms());
        return TestHttp.json(json);
    }

    private Viewer administrator() {
        return people.viewer(people.findByEmail("admin@demo.test").orElseThrow().id())
                .orElseThrow();
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
