package org.cascadehub.directory.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.cascadehub.CascadeTest;
import org.cascadehub.directory.Role;
import org.cascadehub.support.TestHttp;
import org.cascadehub.support.TestHttp.Response;
import org.cascadehub.support.TestPeople;
import org.cascadehub.support.TestPeople.TestPerson;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Subject access and erasure from the pages: who sees the buttons, and who may press them. */
@CascadeTest
class PersonalDataPageTests {

    @LocalServerPort
    int port;

    @Autowired
    TestPeople testPeople;

    @Test
    void anAdministratorCanDownloadAndEraseAPersonsData() {
        TestPerson person = testPeople.create(Role.MEMBER);
        TestHttp admin = new TestHttp(port);
        admin.signIn("admin@demo.test", "demo-password");

        Response page = admin.get("/directory/people/" + person.id() + "/edit", "Accept", "text/html");
        assertThat(page.body()).contains("data-testid=\"export-person\"", "data-testid=\"erase-person\"");
        assertThat(admin.get("/api/v1/people/" + person.id() + "/export").status())
                .isEqualTo(200);

        Response erased = admin.postForm("/directory/people/" + person.id() + "/erase", Map.of());

        assertThat(erased.status()).isEqualTo(302);
        assertThat(admin.get("/directory/people/" + person.id() + "/edit", "Accept", "text/html")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aSecurityManagerSeesNeitherAndCannotErase() {
        TestHttp manager = new TestHttp(port);
        manager.signIn("security@demo.test", "demo-password");
        String guard = manager.get("/api/v1/people?q=guard@demo.test")
                .json()
                .get("items")
                .get(0)
                .get("id")
                .asString();

        Response page = manager.get("/directory/people/" + guard + "/edit", "Accept", "text/html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("export-person").doesNotContain("erase-person");

        Response attempt = manager.postForm("/directory/people/" + guard + "/erase", Map.of());
        assertThat(attempt.status()).isEqualTo(403);
    }

    @Test
    void everyoneCanDownloadTheirOwnData() {
        TestHttp browser = new TestHttp(port);
        browser.signIn("guard@demo.test", "demo-password");

        Response dashboard = browser.get("/", "Accept", "text/html");

        assertThat(dashboard.body()).contains("data-testid=\"export-my-data\"");
        String link = dashboard.body().replaceAll("(?s).*href=\"(/api/v1/people/[^\"]+/export)\".*", "$1");
        assertThat(browser.get(link).json().get("person").get("email").asString())
                .isEqualTo("guard@demo.test");
    }
}
