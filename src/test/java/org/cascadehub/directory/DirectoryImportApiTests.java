package org.cascadehub.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cascadehub.directory.ImportRows.bytes;
import static org.cascadehub.directory.ImportRows.csv;
import static org.cascadehub.directory.ImportRows.organisation;
import static org.cascadehub.directory.ImportRows.person;
import static org.cascadehub.directory.ImportRows.site;
import static org.cascadehub.directory.ImportRows.unique;
import static org.cascadehub.support.TestHttp.bearer;

import com.icegreen.greenmail.util.GreenMail;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cascadehub.CascadeTest;
import org.cascadehub.support.TestHttp;
import org.cascadehub.support.TestHttp.Response;
import org.cascadehub.support.TestMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The import API end to end: all or nothing, invitations, and who may import what. */
@CascadeTest
class DirectoryImportApiTests {

    static final String IMPORT = "/api/v1/imports/directory";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    GreenMail greenMail;

    @Autowired
    Organisations organisations;

    @Autowired
    People people;

    TestHttp http;

    @BeforeEach
    void client() {
        http = new TestHttp(port);
    }

    Response upload(String token, byte[] csv, String query) {
        Multipart form = new Multipart().file("file", "directory.csv", csv);
        return http.post(IMPORT + query, form.contentType(), form.bytes(), "Authorization", bearer(token));
    }

    Response upload(String email, ImportRows... rows) {
        return upload(http.token(email, "demo-password"), bytes(rows), "");
    }

    record Counts(long organisations, long sites, long people, long roles) {}

    Counts counts() {
        return new Counts(count("organisation"), count("site"), count("person"), count("person_role"));
    }

    long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    @Test
    void oneBadRowAmongManyWritesNothing() {
        String suffix = unique();
        List<ImportRows> rows = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String name = "All Or Nothing " + i + " " + suffix;
            rows.add(organisation(name));
            rows.add(site(name, "Shop " + i));
            rows.add(person(name, "Person " + i, "aon-" + i + "-" + suffix + "@example.test"));
        }
        // Line 30: the tenth person (header line 1, three rows per organisation) has a bad phone.
        rows.set(29, rows.get(29).with(ImportColumn.PHONE, "not a phone"));
        String token = http.token("admin@demo.test", "demo-password");
        Counts before = counts();

        Response response = upload(token, bytes(rows.toArray(ImportRows[]::new)), "");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("content-type"))
                .hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        JsonNode error = response.json().get("errors").get(0);
        assertThat(response.json().get("errors").size()).isEqualTo(1);
        assertThat(error.get("line").asInt()).isEqualTo(31);
        assertThat(error.get("field").asString()).isEqualTo("phone");
        assertThat(error.get("message").asString()).contains("international format");
        assertThat(response.json().get("detail").asString()).contains("Nothing was imported");
        assertThat(counts()).isEqualTo(before);
        assertThat(organisations.findByName("All Or Nothing 0 " + suffix)).isEmpty();
    }

    @Test
    void aGoodImportCreatesEverythingVetsItAndInvitesEveryone() {
        String suffix = unique();
        String bakery = "Bakery " + suffix;
        String books = "Bookshop " + suffix;
        String baker = "baker-" + suffix + "@example.test";
        String manager = "books-manager-" + suffix + "@example.test";
        String seller = "books-seller-" + suffix + "@example.test";
        Counts before = counts();

        Response response = upload(
                "retail-lead@demo.test",
                organisation(bakery).with(ImportColumn.SECTORS, "retail; Hospitality"),
                site(bakery, "Bakery shop"),
                person(bakery, "Bea Baker", baker).with(ImportColumn.ROLES, "Security manager"),
                organisation(books).with(ImportColumn.WEBSITE, "https://books.example.test"),
                site(books, "Bookshop on the Strand"),
                person(books, "Mo Manager", manager)
                        .with(ImportColumn.ROLES, "SECURITY_MANAGER;member")
                        .with(ImportColumn.PHONE, "07700 900456")
                        .with(ImportColumn.NOTIFY_SMS, "yes"),
                person(books, "Sal Seller", seller));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("organisations").asInt()).isEqualTo(2);
        assertThat(response.json().get("sites").asInt()).isEqualTo(2);
        assertThat(response.json().get("people").asInt()).isEqualTo(3);
        assertThat(response.json().get("imported").asBoolean()).isTrue();
        assertThat(counts())
                .isEqualTo(new Counts(
                        before.organisations() + 2, before.sites() + 2, before.people() + 3, before.roles() + 4));

        Organisation imported = organisations
                .find(organisations.findByName(bakery).orElseThrow())
                .orElseThrow();
        assertThat(imported.status()).isEqualTo(OrganisationStatus.VETTED);
        assertThat(imported.sectors()).containsExactlyInAnyOrder("retail", "hospitality");
        assertThat(jdbc.sql("SELECT borough_code FROM site WHERE organisation_id = ?")
                        .param(imported.id().value())
                        .query(String.class)
                        .single())
                .isEqualTo("westminster");
        PersonSummary mo = people.findByEmail(manager).orElseThrow();
        assertThat(mo.roles()).containsExactlyInAnyOrder(Role.SECURITY_MANAGER, Role.MEMBER);
        assertThat(mo.active()).isTrue();
        assertThat(people.find(mo.id()).orElseThrow().phone()).isEqualTo("+447700900456");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (String email : Set.of(baker, manager, seller)) {
                assertThat(TestMail.messagesTo(greenMail, email))
                        .singleElement()
                        .satisfies(mail -> assertThat(mail)
                                .contains("Set your Cascade password")
                                .contains("/account/set-password?token="));
            }
        });
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(jdbc.sql(
                                        "SELECT count(*) FROM audit_entry WHERE action = 'DirectoryImported' AND actor = ?")
                                .param("retail-lead@demo.test")
                                .query(Long.class)
                                .single())
                        .isPositive());
    }

    @Test
    void aDryRunChecksAndWritesNothing() {
        String name = "Dry Run " + unique();
        Counts before = counts();

        Response response = upload(
                http.token("admin@demo.test", "demo-password"),
                bytes(organisation(name), person(name, "Dee Dry", "dry-" + unique() + "@example.test")),
                "?dryRun=true");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("people").asInt()).isEqualTo(1);
        assertThat(response.json().get("imported").asBoolean()).isFalse();
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aTextCsvBodyIsImportedToo() {
        String email = "body-" + unique() + "@example.test";

        Response response = http.post(
                IMPORT,
                "text/csv",
                csv(person("Strand Arcade Retail Ltd", "Body Person", email)),
                "Authorization",
                bearer(http.token("security@demo.test", "demo-password")));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(people.findByEmail(email).orElseThrow().organisationName()).isEqualTo("Strand Arcade Retail Ltd");
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedWithTheLineAndNoGarbledNamesAreStored() {
        String suffix = unique();
        byte[] latin1 = csv(
                        organisation("Café Zoë " + suffix),
                        person("Café Zoë " + suffix, "Zoë", "zoe-" + suffix + "@example.test"))
                .getBytes(StandardCharsets.ISO_8859_1);

        Response response = upload(http.token("admin@demo.test", "demo-password"), latin1, "");

        assertThat(response.status()).isEqualTo(400);
        JsonNode error = response.json().get("errors").get(0);
        assertThat(error.get("line").asInt()).isEqualTo(2);
        assertThat(error.get("field").asString()).isEqualTo("file");
        assertThat(error.get("message").asString()).contains("not UTF-8").contains("CSV UTF-8");
        assertThat(jdbc.sql("SELECT count(*) FROM organisation WHERE name LIKE ?")
                        .param("%" + suffix)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aWrongHeaderIsOneProblemListingWhatIsMissingAndUnknown() {
        Response response = http.post(
                IMPORT,
                "text/csv",
                "record,organisation,name,email\nperson,Strand Arcade Retail Ltd,Ann,ann@example.test\n",
                "Authorization",
                bearer(http.token("security@demo.test", "demo-password")));

        assertThat(response.status()).isEqualTo(400);
        JsonNode error = response.json().get("errors").get(0);
        assertThat(error.get("line").asInt()).isEqualTo(1);
        assertThat(error.get("field").asString()).isEqualTo("header");
        assertThat(error.get("message").asString())
                .contains("Missing: person_name.")
                .contains("Not recognised: name.")
                .contains(ImportColumn.expectedHeader());
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedWith413() {
        byte[] big = new byte[5 * 1024 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) ',');

        Response response = upload(http.token("admin@demo.test", "demo-password"), big, "");

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().get("errors").get(0).get("message").asString())
                .contains("an import takes at most 5 MB");
    }

    @Test
    void anUploadPastTheServersMultipartLimitIsAProblemNotAnEmptyAnswer() {
        byte[] huge = new byte[13 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) ',');

        Response response = upload(http.token("admin@demo.test", "demo-password"), huge, "");

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().get("detail").asString()).contains("larger than the server accepts");
    }

    @Test
    void peopleWhoMayNotImportAreRefused() {
        String email = "nobody-" + unique() + "@example.test";
        byte[] file = bytes(person("Strand Arcade Retail Ltd", "Nobody", email));

        assertThat(upload(http.token("guard@demo.test", "demo-password"), file, "")
                        .status())
                .isEqualTo(403);
        assertThat(upload(http.token("police@demo.test", "demo-password"), file, "")
                        .status())
                .isEqualTo(403);
        assertThat(upload(http.token("approver@demo.test", "demo-password"), file, "?dryRun=true")
                        .status())
                .isEqualTo(403);
        // Without a session or token: the CSRF check refuses a POST before sign-in is asked for.
        assertThat(http.post(IMPORT, "text/csv", file).status()).isIn(401, 403);
        assertThat(http.get(IMPORT + "/template.csv").status()).isEqualTo(401);
        assertThat(people.findByEmail(email)).isEmpty();
    }

    @Test
    void aRetriedImportWithTheSameIdempotencyKeyImportsOnce() {
        String email = "retry-" + unique() + "@example.test";
        Multipart form =
                new Multipart().file("file", "people.csv", bytes(person("Strand Arcade Retail Ltd", "Retry", email)));
        String token = http.token("security@demo.test", "demo-password");
        String key = java.util.UUID.randomUUID().toString();
        long before = count("person");

        Response first = http.post(
                IMPORT, form.contentType(), form.bytes(), "Authorization", bearer(token), "Idempotency-Key", key);
        Response again = http.post(
                IMPORT, form.contentType(), form.bytes(), "Authorization", bearer(token), "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header("idempotent-replayed")).contains("true");
        assertThat(count("person")).isEqualTo(before + 1);
    }

    @Test
    void aSecurityManagerImportsIntoTheirOwnOrganisationOnly() {
        String own = "own-" + unique() + "@example.test";
        assertThat(upload("security@demo.test", person("Strand Arcade Retail Ltd", "Own Person", own))
                        .status())
                .isEqualTo(200);
        assertThat(people.findByEmail(own)).isPresent();

        String other = "other-" + unique() + "@example.test";
        Response refused = upload("security@demo.test", person("Cascade Hub", "Other Person", other));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("organisation");
        assertThat(people.findByEmail(other)).isEmpty();
    }

    @Test
    void aSectorLeadImportsOnlyOrganisationsInTheirSectors() {
        String hotel = "Hotel " + unique();

        Response refused =
                upload("retail-lead@demo.test", organisation(hotel).with(ImportColumn.SECTORS, "Hospitality"));

        assertThat(refused.status()).isEqualTo(400);
        JsonNode error = refused.json().get("errors").get(0);
        assertThat(error.get("line").asInt()).isEqualTo(2);
        assertThat(error.get("field").asString()).isEqualTo("sectors");
        assertThat(organisations.findByName(hotel)).isEmpty();
    }

    @Test
    void theTemplateIsServedAsUtf8CsvWithAByteOrderMark() {
        Response template = http.get(
                IMPORT + "/template.csv", "Authorization", bearer(http.token("guard@demo.test", "demo-password")));

        assertThat(template.status()).isEqualTo(200);
        assertThat(template.header("content-type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv").containsIgnoringCase("utf-8"));
        assertThat(template.header("content-disposition"))
                .hasValueSatisfying(d -> assertThat(d).contains("attachment").contains(".csv"));
        assertThat(template.body()).startsWith("\uFEFF" + ImportColumn.expectedHeader() + "\r\n");
        assertThat(template.body().lines()).hasSize(4);
    }
}
