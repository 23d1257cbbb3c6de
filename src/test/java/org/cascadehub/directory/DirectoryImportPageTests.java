package org.cascadehub.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cascadehub.directory.ImportRows.bytes;
import static org.cascadehub.directory.ImportRows.person;
import static org.cascadehub.directory.ImportRows.site;
import static org.cascadehub.directory.ImportRows.unique;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cascadehub.CascadeTest;
import org.cascadehub.support.TestHttp;
import org.cascadehub.support.TestHttp.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The import page as a browser without JavaScript uses it: a multipart form post. */
@CascadeTest
class DirectoryImportPageTests {

    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    static final String STRAND_ARCADE = "Strand Arcade Retail Ltd";

    @LocalServerPort
    int port;

    @Autowired
    People people;

    TestHttp http;

    @BeforeEach
    void client() {
        http = new TestHttp(port);
    }

    Response form(String email) {
        assertThat(http.signIn(email, "demo-password").status()).isEqualTo(302);
        return http.get("/directory/import", "Accept", "text/html");
    }

    Response submit(Response page, String action, byte[] csv) {
        Matcher csrf = CSRF.matcher(page.body());
        assertThat(csrf.find()).as("the form carries a CSRF token").isTrue();
        Multipart form = new Multipart()
                .field("_csrf", csrf.group(1))
                .field("action", action)
                .file("file", "people.csv", csv);
        return http.post("/directory/import", form.contentType(), form.bytes(), "Accept", "text/html");
    }

    @Test
    void theFormLinksTheTemplateAndDescribesTheColumns() {
        Response page = form("security@demo.test");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("enctype=\"multipart/form-data\"")
                .contains("/directory/import/template.csv")
                .contains("<code>sia_licence</code>")
                .contains("Night-time economy")
                .contains("Security supplier")
                .contains("5,000 rows");
    }

    @Test
    void everyProblemIsShownInAnErrorSummaryWithItsLineAndNothingIsImported() {
        Response page = form("security@demo.test");
        String good = "page-good-" + unique() + "@example.test";

        Response result = submit(
                page,
                "import",
                bytes(
                        person(STRAND_ARCADE, "Good Person", good),
                        person(STRAND_ARCADE, "No Email", ""),
                        site("Cascade Hub", "Not mine")));

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.body())
                .contains("govuk-error-summary")
                .contains("<title>Error: Import organisations, sites and people")
                .contains("The file has 2 problems, so nothing was imported")
                .contains("Line 3, email: Enter an email address")
                .contains("Line 4, organisation: Cascade Hub is not an organisation row in this file")
                .contains("govuk-file-upload--error");
        assertThat(people.findByEmail(good)).isEmpty();
    }

    @Test
    void aGoodFileIsImportedAndSaysWhatItAdded() {
        Response page = form("security@demo.test");
        String email = "page-import-" + unique() + "@example.test";

        Response result = submit(
                page, "import", bytes(site(STRAND_ARCADE, "Loading bay"), person(STRAND_ARCADE, "Pat Page", email)));

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.body())
                .contains("Imported 1 site and 1 person from people.csv.")
                .contains("emailed a link to set their password")
                .doesNotContain("govuk-error-summary");
        assertThat(people.findByEmail(email)).isPresent();
    }

    @Test
    void checkingOnlySaysWhatWouldBeAddedAndWritesNothing() {
        Response page = form("security@demo.test");
        String email = "page-check-" + unique() + "@example.test";

        Response result = submit(page, "check", bytes(person(STRAND_ARCADE, "Chris Check", email)));

        assertThat(result.body()).contains("people.csv has no problems. Importing it would add 1 person.");
        assertThat(people.findByEmail(email)).isEmpty();
    }

    @Test
    void submittingWithoutAFileAsksForOne() {
        Response page = form("security@demo.test");
        Matcher csrf = CSRF.matcher(page.body());
        assertThat(csrf.find()).isTrue();
        Multipart empty = new Multipart()
                .field("_csrf", csrf.group(1))
                .field("action", "import")
                .file("file", "", new byte[0]);

        Response result = http.post("/directory/import", empty.contentType(), empty.bytes(), "Accept", "text/html");

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.body()).contains("Choose the CSV file to import");
    }

    @Test
    void membersAndPoliceCannotOpenThePage() {
        assertThat(form("guard@demo.test").status()).isEqualTo(403);
        http = new TestHttp(port);
        assertThat(form("police@demo.test").status()).isEqualTo(403);
    }

    @Test
    void sectorLeadsAndAdministratorsCanOpenThePage() {
        assertThat(form("retail-lead@demo.test").status()).isEqualTo(200);
        http = new TestHttp(port);
        assertThat(form("admin@demo.test").status()).isEqualTo(200);
    }

    @Test
    void theTemplateDownloadsFromThePage() {
        form("retail-lead@demo.test");

        Response template = http.get("/directory/import/template.csv");

        assertThat(template.status()).isEqualTo(200);
        assertThat(template.body()).contains(ImportColumn.expectedHeader()).contains("Example Retail Ltd");
    }
}
