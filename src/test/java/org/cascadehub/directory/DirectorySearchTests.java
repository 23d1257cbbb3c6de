package org.cascadehub.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cascadehub.support.TestHttp.bearer;
import static org.cascadehub.support.TestHttp.json;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cascadehub.CascadeTest;
import org.cascadehub.support.TestHttp;
import org.cascadehub.support.TestHttp.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Directory search: filters, pages, and never a sight of what the viewer may not see. */
@CascadeTest
class DirectorySearchTests {

    @LocalServerPort
    int port;

    TestHttp http;
    String admin;
    String unique;

    @BeforeEach
    void setUp() {
        http = new TestHttp(port);
        admin = http.token("admin@demo.test", "demo-password");
        unique = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void filtersCombineAndPagesCountOnlyMatches() {
        for (int i = 0; i < 3; i++) {
            create("Searchable " + unique + " Cafe " + i, "hospitality");
        }
        create("Searchable " + unique + " Bank", "finance");

        Response hospitality = http.get(
                "/api/v1/organisations?name=" + unique + "&sector=hospitality&size=2", "Authorization", bearer(admin));
        Response second = http.get(
                "/api/v1/organisations?name=" + unique + "&sector=hospitality&size=2&page=2",
                "Authorization",
                bearer(admin));

        assertThat(hospitality.json().get("total").asLong()).isEqualTo(3);
        assertThat(hospitality.json().get("items")).hasSize(2);
        assertThat(second.json().get("items")).hasSize(1);
        assertThat(names(hospitality)).allMatch(name -> name.contains("Cafe"));
    }

    @Test
    void theBoroughFilterFindsOrganisationsWithASiteThere() {
        String id = create("Sited " + unique, "retail");
        Response site = http.postJson(
                "/api/v1/organisations/" + id + "/sites",
                json(Map.of("name", "Shop", "address", "1 Strand, London", "latitude", 51.5085, "longitude", -0.1257)),
                "Authorization",
                bearer(admin));
        assertThat(site.json().get("boroughCode").asString()).isEqualTo("westminster");

        assertThat(names(http.get(
                        "/api/v1/organisations?name=" + unique + "&borough=westminster",
                        "Authorization",
                        bearer(admin))))
                .containsExactly("Sited " + unique);
        assertThat(names(http.get(
                        "/api/v1/organisations?name=" + unique + "&borough=camden", "Authorization", bearer(admin))))
                .isEmpty();
    }

    @Test
    void anAppliedOrganisationIsFoundOnlyByThoseWhoMayVetIt() {
        String name = "Applied " + unique;
        http.postJson(
                "/api/v1/applications",
                json(Map.of(
                        "organisation",
                        Map.of("name", name, "kind", "BUSINESS", "sectors", List.of("retail")),
                        "applicantName",
                        "Sam Applicant",
                        "applicantEmail",
                        "applied-" + unique + "@example.test")));

        String guard = http.token("guard@demo.test", "demo-password");
        String lead = http.token("retail-lead@demo.test", "demo-password");
        String police = http.token("police@demo.test", "demo-password");

        assertThat(names(http.get("/api/v1/organisations?name=" + unique, "Authorization", bearer(admin))))
                .containsExactly(name);
        assertThat(names(http.get("/api/v1/organisations?name=" + unique, "Authorization", bearer(lead))))
                .containsExactly(name);
        Response hidden = http.get("/api/v1/organisations?name=" + unique, "Authorization", bearer(guard));
        assertThat(names(hidden)).isEmpty();
        assertThat(hidden.json().get("total").asLong()).as("not even counted").isZero();
        assertThat(names(http.get("/api/v1/organisations?name=" + unique, "Authorization", bearer(police))))
                .isEmpty();
    }

    @Test
    void searchTextIsNotAPattern() {
        create("Percent " + unique + " 100% Secure", "retail");

        assertThat(names(http.get("/api/v1/organisations?name=" + unique + "%25", "Authorization", bearer(admin))))
                .isEmpty();
        assertThat(names(http.get("/api/v1/organisations?name=100%25%20Secure", "Authorization", bearer(admin))))
                .contains("Percent " + unique + " 100% Secure");
    }

    @Test
    void peopleSearchFindsByNameOrEmail() {
        Response people = http.get("/api/v1/people?q=Chris%20Walker", "Authorization", bearer(admin));

        assertThat(people.json()
                        .get("items")
                        .valueStream()
                        .map(p -> p.get("email").asString()))
                .contains("security@demo.test");
    }

    private String create(String name, String sector) {
        Response created = http.postJson(
                "/api/v1/organisations",
                json(Map.of("name", name, "kind", "BUSINESS", "sectors", List.of(sector))),
                "Authorization",
                bearer(admin));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private static List<String> names(Response page) {
        return page.json()
                .get("items")
                .valueStream()
                .map(o -> o.get("name").asString())
                .toList();
    }
}
