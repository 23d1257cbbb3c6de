package org.cascadehub.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cascadehub.directory.DirectoryAccessMatrixTests.Caller.ADMIN;
import static org.cascadehub.directory.DirectoryAccessMatrixTests.Caller.GUARD;
import static org.cascadehub.directory.DirectoryAccessMatrixTests.Caller.POLICE;
import static org.cascadehub.directory.DirectoryAccessMatrixTests.Caller.RETAIL_LEAD;
import static org.cascadehub.directory.DirectoryAccessMatrixTests.Caller.SECURITY;
import static org.cascadehub.support.TestHttp.bearer;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.cascadehub.CascadeTest;
import org.cascadehub.directory.DirectoryAccessFixtures.Call;
import org.cascadehub.support.TestHttp;
import org.cascadehub.support.TestHttp.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who may do what through the directory API: every endpoint in {@code directory/web}, called over
 * real HTTP with an API token of each demo account (and with none), against the status the policy
 * says. Each row that changes something gets fresh data from {@link DirectoryAccessFixtures}, so
 * the demo accounts and their organisations stay as they are.
 *
 * <p>Reading the statuses: 404 is "you may not see it" (applied, rejected and suspended
 * organisations, applications you may not vet, erased people), answered exactly as for something
 * that does not exist; 403 is "you may see it but not do that"; 400 is a security manager choosing
 * a role they may not give (the {@code roles} field is named). Nobody signed in gets 401, except
 * applying to join, which is open to all.
 */
@CascadeTest
class DirectoryAccessMatrixTests {

    /** The columns: the six demo accounts, and nobody signed in. */
    enum Caller {
        ADMIN("admin@demo.test"),
        POLICE("police@demo.test"),
        APPROVER("approver@demo.test"),
        RETAIL_LEAD("retail-lead@demo.test"),
        SECURITY("security@demo.test"),
        GUARD("guard@demo.test"),
        ANONYMOUS(null);

        final String email;

        Caller(String email) {
            this.email = email;
        }
    }

    private static final int OK = 200;

    /** Tokens are made once (a password check each) and kept for the shared context's life. */
    private static final Map<Caller, String> TOKENS = new EnumMap<>(Caller.class);

    /** The rows: a request, the status each caller gets (in {@link Caller}'s order), and how to make it. */
    static Stream<Arguments> matrix() {
        List<Row> rows = new ArrayList<>(List.of(
                // Organisations. Statuses for: admin police approver retail-lead security guard anonymous
                row("GET /organisations", "200 200 200 200 200 200 401", f -> f.get("/api/v1/organisations?size=5")),
                row(
                        "GET /organisations/{Strand Arcade}",
                        "200 200 200 200 200 200 401",
                        f -> f.get(f.organisationPath(f.strand()))),
                row(
                        "GET /organisations/{applied, retail}",
                        "200 404 404 200 404 404 401",
                        f -> f.get(f.organisationPath(f.applied("retail").organisation()))),
                row(
                        "GET /organisations/{applied, finance}",
                        "200 404 404 404 404 404 401",
                        f -> f.get(f.organisationPath(f.applied("finance").organisation()))),
                row(
                        "GET /organisations/{rejected, retail}",
                        "200 404 404 200 404 404 401",
                        f -> f.get(f.organisationPath(f.rejected("retail")))),
                row(
                        "GET /organisations/{rejected, finance}",
                        "200 404 404 404 404 404 401",
                        f -> f.get(f.organisationPath(f.rejected("finance")))),
                row(
                        "GET /organisations/{suspended}",
                        "200 404 404 404 404 404 401",
                        f -> f.get(f.organisationPath(f.suspended()))),
                row(
                        "POST /organisations",
                        "201 403 403 403 403 403 401",
                        f -> f.post("/api/v1/organisations", f.newOrganisation())),
                row(
                        "PUT /organisations/{Strand Arcade}",
                        "200 403 403 403 200 403 401",
                        f -> f.put(f.organisationPath(f.strand()), f.detailsOf(f.strand()))),
                row("PUT /organisations/{another}", "200 403 403 403 403 403 401", f -> {
                    OrganisationId other = f.vetted();
                    return f.put(f.organisationPath(other), f.detailsOf(other));
                }),
                row(
                        "POST /organisations/{vetted}/suspend",
                        "204 403 403 403 403 403 401",
                        f -> f.post(f.organisationPath(f.vetted()) + "/suspend", "{\"reason\":\"Lapsed\"}")),
                row(
                        "POST /organisations/{suspended}/reinstate",
                        "204 404 404 404 404 404 401",
                        f -> f.post(f.organisationPath(f.suspended()) + "/reinstate", "{}")),
                row(
                        "GET /organisations/{Strand Arcade}/people",
                        "200 200 200 200 200 200 401",
                        f -> f.get(f.organisationPath(f.strand()) + "/people")),
                row(
                        "GET /organisations/{applied, retail}/people",
                        "200 404 404 200 404 404 401",
                        f -> f.get(f.organisationPath(f.applied("retail").organisation()) + "/people")),
                row(
                        "POST /organisations/{Strand Arcade}/people",
                        "201 403 403 403 201 403 401",
                        f -> f.post(f.organisationPath(f.strand()) + "/people", f.newPerson(Role.MEMBER))),
                row(
                        "POST /organisations/{another}/people",
                        "201 403 403 403 403 403 401",
                        f -> f.post(f.organisationPath(f.vetted()) + "/people", f.newPerson(Role.MEMBER))),
                row(
                        "POST /organisations/{applied, finance}/people",
                        "201 404 404 404 404 404 401",
                        f -> f.post(
                                f.organisationPath(f.applied("finance").organisation()) + "/people",
                                f.newPerson(Role.MEMBER))),
                row(
                        "GET /organisations/{Strand Arcade}/sites",
                        "200 200 200 200 200 200 401",
                        f -> f.get(f.organisationPath(f.strand()) + "/sites")),
                row(
                        "POST /organisations/{Strand Arcade}/sites",
                        "201 403 403 403 201 403 401",
                        f -> f.post(f.organisationPath(f.strand()) + "/sites", f.newSite())),
                row(
                        "POST /organisations/{another}/sites",
                        "201 403 403 403 403 403 401",
                        f -> f.post(f.organisationPath(f.vetted()) + "/sites", f.newSite())),
                row(
                        "POST /organisations/{applied, finance}/sites",
                        "201 404 404 404 404 404 401",
                        f -> f.post(f.organisationPath(f.applied("finance").organisation()) + "/sites", f.newSite())),

                // People. Statuses for: admin police approver retail-lead security guard anonymous
                row("GET /people?q=", "200 200 200 200 200 200 401", f -> f.get("/api/v1/people?q=walker")),
                row("GET /people/{guard}", "200 200 200 200 200 200 401", f -> f.get(f.personPath(f.guard()))),
                row(
                        "GET /people/{applicant, retail}",
                        "200 404 404 200 404 404 401",
                        f -> f.get(f.personPath(f.applied("retail").applicant()))),
                row("GET /people/{erased}", "404 404 404 404 404 404 401", f -> f.get(f.personPath(f.erased()))),
                row("PUT /people/{Strand Arcade member}", "200 403 403 403 200 403 401", f -> {
                    PersonId member = f.person(f.strand(), Role.MEMBER);
                    return f.put(f.personPath(member), f.detailsOf(member));
                }),
                row("PUT /people/{another organisation's member}", "200 403 403 403 403 403 401", f -> {
                    PersonId member = f.person(f.vetted(), Role.MEMBER);
                    return f.put(f.personPath(member), f.detailsOf(member));
                }),
                row("PUT /people/{Strand Arcade's sector lead}", "200 403 403 403 403 403 401", f -> {
                    PersonId lead = f.person(f.strand(), Role.SECTOR_LEAD);
                    return f.put(f.personPath(lead), f.detailsOf(lead));
                }),
                row(
                        "PUT /people/{erased}",
                        "404 404 404 404 404 404 401",
                        f -> f.put(f.personPath(f.erased()), f.newPerson(Role.MEMBER))),
                row(
                        "POST /people/{Strand Arcade member}/suspend",
                        "204 403 403 403 204 403 401",
                        f -> f.post(f.personPath(f.person(f.strand(), Role.MEMBER)) + "/suspend", "{}")),
                row(
                        "POST /people/{another organisation's member}/suspend",
                        "204 403 403 403 403 403 401",
                        f -> f.post(f.personPath(f.person(f.vetted(), Role.MEMBER)) + "/suspend", "{}")),
                row(
                        "POST /people/{Strand Arcade's sector lead}/suspend",
                        "204 403 403 403 403 403 401",
                        f -> f.post(f.personPath(f.person(f.strand(), Role.SECTOR_LEAD)) + "/suspend", "{}")),
                row(
                        "POST /people/{suspended Strand Arcade member}/reactivate",
                        "204 403 403 403 204 403 401",
                        f -> f.post(f.personPath(f.suspendedPerson(f.strand())) + "/reactivate", "{}")),
                row(
                        "POST /people/{Strand Arcade member}/erase",
                        "204 403 403 403 403 403 401",
                        f -> f.post(f.personPath(f.person(f.strand(), Role.MEMBER)) + "/erase", "{}")),
                row(
                        "GET /people/{guard}/export",
                        "200 403 403 403 403 200 401",
                        f -> f.get(f.personPath(f.guard()) + "/export")),

                // Sites. Statuses for: admin police approver retail-lead security guard anonymous
                row(
                        "GET /sites/{Strand Arcade's}",
                        "200 200 200 200 200 200 401",
                        f -> f.get(f.sitePath(f.site(f.strand())))),
                row(
                        "GET /sites/{applied, retail}",
                        "200 404 404 200 404 404 401",
                        f -> f.get(f.sitePath(f.site(f.applied("retail").organisation())))),
                row(
                        "PUT /sites/{Strand Arcade's}",
                        "200 403 403 403 200 403 401",
                        f -> f.put(f.sitePath(f.site(f.strand())), f.newSite())),
                row(
                        "PUT /sites/{another organisation's}",
                        "200 403 403 403 403 403 401",
                        f -> f.put(f.sitePath(f.site(f.vetted())), f.newSite())),
                row(
                        "DELETE /sites/{Strand Arcade's}",
                        "204 403 403 403 204 403 401",
                        f -> f.delete(f.sitePath(f.site(f.strand())))),
                row(
                        "DELETE /sites/{another organisation's}",
                        "204 403 403 403 403 403 401",
                        f -> f.delete(f.sitePath(f.site(f.vetted())))),

                // Boroughs, sectors, sharing groups. Statuses for: admin police approver retail-lead security guard
                // anonymous
                row("GET /boroughs", "200 200 200 200 200 200 401", f -> f.get("/api/v1/boroughs")),
                row("GET /boroughs/geojson", "200 200 200 200 200 200 401", f -> f.get("/api/v1/boroughs/geojson")),
                row(
                        "GET /boroughs/locate",
                        "200 200 200 200 200 200 401",
                        f -> f.get("/api/v1/boroughs/locate?lat=51.508&lon=-0.1281")),
                row("GET /sectors", "200 200 200 200 200 200 401", f -> f.get("/api/v1/sectors")),
                row("POST /sectors", "201 403 403 403 403 403 401", f -> f.post("/api/v1/sectors", f.newSector())),
                row(
                        "PUT /sectors/{code}",
                        "200 403 403 403 403 403 401",
                        f -> f.put("/api/v1/sectors/" + f.sector(), f.newSector())),
                row("GET /sharing-groups", "200 200 200 200 200 200 401", f -> f.get("/api/v1/sharing-groups")),
                row(
                        "POST /sharing-groups",
                        "201 403 403 403 403 403 401",
                        f -> f.post("/api/v1/sharing-groups", f.newSharingGroup())),
                row(
                        "PUT /sharing-groups/{id}",
                        "200 403 403 403 403 403 401",
                        f -> f.put("/api/v1/sharing-groups/" + f.sharingGroup(), f.newSharingGroup())),

                // Membership applications. Statuses for: admin police approver retail-lead security guard anonymous
                row(
                        "POST /applications",
                        "201 201 201 201 201 201 201",
                        f -> f.post("/api/v1/applications", f.newApplication("retail"))),
                row("GET /applications", "200 200 200 200 200 200 401", f -> f.get("/api/v1/applications")),
                row(
                        "GET /applications/{retail}",
                        "200 404 404 200 404 404 401",
                        f -> f.get(f.applicationPath(f.applied("retail")))),
                row(
                        "GET /applications/{finance}",
                        "200 404 404 404 404 404 401",
                        f -> f.get(f.applicationPath(f.applied("finance")))),
                row(
                        "POST /applications/{retail}/approve",
                        "204 404 404 204 404 404 401",
                        f -> f.post(f.applicationPath(f.applied("retail")) + "/approve", "{}")),
                row(
                        "POST /applications/{finance}/approve",
                        "204 404 404 404 404 404 401",
                        f -> f.post(f.applicationPath(f.applied("finance")) + "/approve", "{}")),
                row(
                        "POST /applications/{retail}/reject",
                        "204 404 404 204 404 404 401",
                        f -> f.post(
                                f.applicationPath(f.applied("retail")) + "/reject", "{\"reason\":\"Not in London\"}")),
                row(
                        "POST /applications/{finance}/reject",
                        "204 404 404 404 404 404 401",
                        f -> f.post(
                                f.applicationPath(f.applied("finance")) + "/reject",
                                "{\"reason\":\"Not in London\"}"))));

        // A security manager gives only the member and security manager roles: 400 names the roles field.
        for (Role role : List.of(Role.ADMINISTRATOR, Role.POLICE_COORDINATOR, Role.APPROVER, Role.SECTOR_LEAD)) {
            rows.add(row(
                    "POST /organisations/{Strand Arcade}/people as " + role,
                    "201 403 403 403 400 403 401",
                    f -> f.post(f.organisationPath(f.strand()) + "/people", f.newPerson(role))));
            rows.add(row("PUT /people/{Strand Arcade member} to " + role, "200 403 403 403 400 403 401", f -> {
                PersonId member = f.person(f.strand(), Role.MEMBER);
                return f.put(f.personPath(member), f.newPerson(role));
            }));
        }
        return rows.stream().flatMap(Row::cases);
    }

    @LocalServerPort
    int port;

    @Autowired
    Organisations organisations;

    @Autowired
    People people;

    @Autowired
    Sites sites;

    @Autowired
    Sectors sectors;

    @Autowired
    SharingGroups sharingGroups;

    @Autowired
    MembershipApplications applications;

    DirectoryAccessFixtures fixtures;
    TestHttp http;

    @BeforeEach
    void setUp() {
        fixtures = new DirectoryAccessFixtures(organisations, people, sites, sectors, sharingGroups, applications);
        http = new TestHttp(port);
    }

    @ParameterizedTest(name = "{0} as {1} → {2}")
    @MethodSource("matrix")
    void answers(String request, Caller caller, int expected, Function<DirectoryAccessFixtures, Call> call) {
        Call made = call.apply(fixtures);

        Response response = made.send(http, authorisation(caller));

        assertThat(response.status())
                .as("%s %s as %s: %s", made.method(), made.path(), caller, response.body())
                .isEqualTo(expected);
    }

    @Test
    void eachVetterListsOnlyTheApplicationsTheyMayVet() {
        String retail = fixtures.applied("retail").id().toString();
        String finance = fixtures.applied("finance").id().toString();

        assertThat(openApplications(ADMIN)).contains(retail, finance);
        assertThat(openApplications(RETAIL_LEAD)).contains(retail).doesNotContain(finance);
        for (Caller nobody : List.of(POLICE, Caller.APPROVER, SECURITY, GUARD)) {
            assertThat(openApplications(nobody)).as(nobody.name()).isEmpty();
        }
    }

    @Test
    void appliedAndRejectedOrganisationsAreLeftOutOfOrdinaryMembersSearches() {
        String applied = fixtures.nameOf(fixtures.applied("finance").organisation());
        String rejected = fixtures.nameOf(fixtures.rejected("retail"));

        for (String name : List.of(applied, rejected)) {
            assertThat(total(GUARD, name)).as(name).isZero();
            assertThat(total(SECURITY, name)).as(name).isZero();
            assertThat(total(POLICE, name)).as(name).isZero();
            assertThat(total(ADMIN, name)).as(name).isEqualTo(1);
        }
        assertThat(total(RETAIL_LEAD, rejected))
                .as("a retail lead may vet retail")
                .isEqualTo(1);
        assertThat(total(RETAIL_LEAD, applied)).isZero();
    }

    private List<String> openApplications(Caller caller) {
        Response response = http.get("/api/v1/applications", "Authorization", authorisation(caller));
        assertThat(response.status()).isEqualTo(OK);
        return response.json().valueStream().map(a -> a.get("id").asString()).toList();
    }

    private long total(Caller caller, String name) {
        Response response = http.get(
                "/api/v1/organisations?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8),
                "Authorization",
                authorisation(caller));
        assertThat(response.status()).isEqualTo(OK);
        return response.json().get("total").asLong();
    }

    private String authorisation(Caller caller) {
        if (caller.email == null) {
            return "";
        }
        return bearer(TOKENS.computeIfAbsent(caller, c -> http.token(c.email, "demo-password")));
    }

    record Row(String request, List<Integer> expected, Function<DirectoryAccessFixtures, Call> call) {
        Stream<Arguments> cases() {
            Caller[] callers = Caller.values();
            if (expected.size() != callers.length) {
                throw new IllegalStateException(
                        request + ": " + expected.size() + " statuses for " + callers.length + " callers");
            }
            return IntStream.range(0, callers.length)
                    .mapToObj(i -> Arguments.of(request, callers[i], expected.get(i), call));
        }
    }

    private static Row row(String request, String statuses, Function<DirectoryAccessFixtures, Call> call) {
        return new Row(
                request,
                Arrays.stream(statuses.split(" ")).map(Integer::valueOf).toList(),
                call);
    }
}
