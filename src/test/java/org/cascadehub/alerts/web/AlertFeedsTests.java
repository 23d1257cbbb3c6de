package org.cascadehub.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cascadehub.alerts.web.PublishedAlerts.boroughs;
import static org.cascadehub.alerts.web.PublishedAlerts.circle;
import static org.cascadehub.alerts.web.PublishedAlerts.draft;
import static org.cascadehub.alerts.web.PublishedAlerts.withAudience;
import static org.cascadehub.support.TestHttp.bearer;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.awaitility.Awaitility;
import org.cascadehub.CascadeTest;
import org.cascadehub.alerts.cap.CapValidator;
import org.cascadehub.directory.People;
import org.cascadehub.support.TestHttp;
import org.cascadehub.support.TestHttp.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The Atom feeds: TLP:CLEAR alone in public, and each person's own feed as the alert policy allows. */
@CascadeTest
class AlertFeedsTests {

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String PUBLIC = "/feeds/alerts.atom";
    private static final String MINE = "/feeds/my/alerts.atom";
    private static final CapValidator VALIDATOR = new CapValidator();

    @LocalServerPort
    int port;

    @Autowired
    People people;

    @Autowired
    JdbcClient jdbc;

    TestHttp http;
    PublishedAlerts alerts;

    @BeforeEach
    void setUp() {
        http = new TestHttp(port);
        alerts = new PublishedAlerts(http);
    }

    /** One entry as a reader sees it. */
    record Entry(String id, String title, String summary, List<String> categories, List<String> links) {}

    @Test
    void thePublicFeedShowsClearAlertsToAnyoneAndNeverAnyOther() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        UUID securityManager =
                people.findByEmail("security@demo.test").orElseThrow().id().value();
        String clearId = alerts.publish(draft("Clear " + unique, "CLEAR", boroughs("Westminster")))
                .get("id")
                .asString();
        alerts.publish(draft("Green " + unique, "GREEN", boroughs("Westminster")));
        alerts.publish(draft("Amber " + unique, "AMBER", boroughs("Westminster")));
        alerts.publish(draft("Strict " + unique, "AMBER+STRICT", boroughs("Westminster")));
        alerts.publish(withAudience(
                draft("Red " + unique, "RED", boroughs("Westminster")), List.of(), List.of(securityManager)));
        alerts.writeDraft(draft("Draft " + unique, "CLEAR", boroughs("Westminster")));

        Response response = http.get(PUBLIC);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("content-type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/atom+xml"));
        List<Entry> entries = entries(response);
        assertThat(entries).extracting(Entry::title).contains("Clear " + unique);
        assertThat(entries).extracting(Entry::title).noneMatch(t -> t.endsWith(unique) && !t.equals("Clear " + unique));
        assertThat(entries).allSatisfy(e -> assertThat(e.categories()).contains("TLP:CLEAR"));
        Entry clear = entries.stream()
                .filter(e -> e.title().equals("Clear " + unique))
                .findFirst()
                .orElseThrow();
        assertThat(clear.id()).isEqualTo("urn:cascade:alert:cascade-alert-" + clearId);
        assertThat(clear.summary()).isEqualTo("What happened: Clear " + unique);
        assertThat(clear.categories()).contains("Security", "Minor");
        assertThat(clear.links())
                .anyMatch(l -> l.startsWith("alternate text/html ") && l.endsWith("/alerts/" + clearId))
                .anyMatch(l -> l.startsWith("related application/cap+xml ")
                        && l.endsWith("/feeds/alerts/" + clearId + ".cap"));
        assertThat(http.get(PUBLIC, "Authorization", alerts.police).body())
                .as("signing in does not add restricted alerts to the public feed")
                .doesNotContain("Green " + unique, "Amber " + unique, "Red " + unique);
    }

    @Test
    void aCancelledClearAlertStaysInThePublicFeedMarkedCancelled() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String id = alerts.publish(draft("Closure " + unique, "CLEAR", boroughs("Camden")))
                .get("id")
                .asString();
        http.postJson("/api/v1/alerts/" + id + "/cancel", "{\"reason\": \"Reopened\"}", "Authorization", alerts.police);

        List<String> titles =
                entries(http.get(PUBLIC)).stream().map(Entry::title).toList();

        assertThat(titles).contains("Cancelled: Closure " + unique);
        assertThat(titles).filteredOn(t -> t.endsWith(unique)).hasSize(2);
    }

    @Test
    void aPersonalFeedShowsAmberOnlyToTheOrganisationsItReached() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        UUID strandArcade = people.findByEmail("security@demo.test")
                .orElseThrow()
                .organisationId()
                .value();
        alerts.publish(withAudience(
                draft("Amber Strand " + unique, "AMBER", boroughs("Westminster")), List.of(strandArcade), List.of()));
        alerts.publish(draft("Amber at sea " + unique, "AMBER", circle(54.0, 2.0, 1)));
        alerts.publish(draft("Green " + unique, "GREEN", boroughs("Westminster")));
        String security = bearer(http.token("security@demo.test", "demo-password"));
        String guard = bearer(http.token("guard@demo.test", "demo-password"));
        String lead = bearer(http.token("retail-lead@demo.test", "demo-password"));

        List<Entry> securityFeed = entries(http.get(MINE, "Authorization", security));
        assertThat(titles(securityFeed, unique)).containsExactlyInAnyOrder("Amber Strand " + unique, "Green " + unique);
        assertThat(securityFeed)
                .filteredOn(e -> e.title().equals("Amber Strand " + unique))
                .singleElement()
                .satisfies(e -> assertThat(e.summary()).startsWith("TLP:AMBER. What happened"))
                .satisfies(e -> assertThat(e.links()).anyMatch(l -> l.endsWith("/cap") && l.contains("/api/v1/")));
        assertThat(titles(entries(http.get(MINE, "Authorization", guard)), unique))
                .as("the same organisation")
                .containsExactlyInAnyOrder("Amber Strand " + unique, "Green " + unique);
        assertThat(titles(entries(http.get(MINE, "Authorization", lead)), unique))
                .as("a vetted member of an organisation the alerts did not reach")
                .containsExactly("Green " + unique);
        assertThat(titles(entries(http.get(MINE, "Authorization", alerts.police)), unique))
                .as("the author's organisation and the alert staff")
                .containsExactlyInAnyOrder("Amber Strand " + unique, "Amber at sea " + unique, "Green " + unique);
    }

    @Test
    void eachRestrictedEntryInAPersonalFeedIsAnAuditedRead() {
        UUID strandArcade = people.findByEmail("security@demo.test")
                .orElseThrow()
                .organisationId()
                .value();
        String id = alerts.publish(withAudience(
                        draft("Audited " + UUID.randomUUID(), "AMBER", boroughs("Westminster")),
                        List.of(strandArcade),
                        List.of()))
                .get("id")
                .asString();
        String security = bearer(http.token("security@demo.test", "demo-password"));

        assertThat(http.get(MINE, "Authorization", security).body()).contains("urn:cascade:alert:cascade-alert-" + id);

        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(
                                jdbc.sql("""
                                SELECT count(*) FROM audit_entry
                                WHERE action = 'RestrictedAlertRead' AND detail::jsonb ->> 'alertId' = ?
                                """).param(id).query(Long.class).single())
                        .isEqualTo(1));
    }

    @Test
    void aPersonalFeedNeedsCredentials() {
        Response anonymous = http.get(MINE);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("content-type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(http.get(MINE, "Authorization", "Bearer not-a-token").status())
                .isEqualTo(401);

        TestHttp browser = new TestHttp(port);
        browser.signIn("guard@demo.test", "demo-password");
        Response session = browser.get(MINE);
        assertThat(session.status()).as("a signed-in session works too").isEqualTo(200);
        assertThat(session.header("cache-control"))
                .hasValueSatisfying(c -> assertThat(c).contains("private"));
    }

    @Test
    void anUnchangedFeedIsAnsweredNotModified() {
        alerts.publish(draft("Etag " + UUID.randomUUID(), "CLEAR", boroughs("Camden")));
        Response first = http.get(PUBLIC);
        String etag = first.header("etag").orElseThrow();
        assertThat(first.header("last-modified")).isPresent();

        assertThat(http.get(PUBLIC, "If-None-Match", etag).status()).isEqualTo(304);
        alerts.publish(draft("Etag " + UUID.randomUUID(), "CLEAR", boroughs("Camden")));
        assertThat(http.get(PUBLIC, "If-None-Match", etag).status()).isEqualTo(200);
    }

    @Test
    void onlyTlpClearAlertsHaveAPublicCapAddress() {
        String clear = alerts.publish(draft("Clear: road closed", "CLEAR", boroughs("Camden")))
                .get("id")
                .asString();
        String green = alerts.publish(draft("Green: not public", "GREEN", boroughs("Camden")))
                .get("id")
                .asString();
        String draft = alerts.writeDraft(draft("Clear draft", "CLEAR", boroughs("Camden")))
                .get("id")
                .asString();

        Response open = http.get("/feeds/alerts/" + clear + ".cap");
        assertThat(open.status()).isEqualTo(200);
        assertThat(VALIDATOR
                        .validate(open.body().getBytes(StandardCharsets.UTF_8))
                        .errors())
                .isEmpty();
        assertThat(http.get("/feeds/alerts/" + green + ".cap").status()).isEqualTo(404);
        assertThat(http.get("/feeds/alerts/" + draft + ".cap").status()).isEqualTo(404);
        assertThat(http.get("/feeds/alerts/" + green + ".cap", "Authorization", alerts.police)
                        .status())
                .as("the public address is for TLP:CLEAR alone, whoever asks")
                .isEqualTo(404);
    }

    private static List<String> titles(List<Entry> entries, String unique) {
        return entries.stream()
                .map(Entry::title)
                .filter(t -> t.endsWith(unique))
                .toList();
    }

    /** Parses the feed as namespaced XML: the root must be Atom's {@code feed}, with its own id and title. */
    static List<Entry> entries(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultNSInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
            Element feed = document.getDocumentElement();
            assertThat(feed.getNamespaceURI()).isEqualTo(ATOM);
            assertThat(feed.getLocalName()).isEqualTo("feed");
            assertThat(text(feed, "id")).startsWith("urn:cascade:feed:alerts");
            assertThat(text(feed, "updated")).isNotBlank();
            List<Entry> entries = new ArrayList<>();
            NodeList nodes = feed.getElementsByTagNameNS(ATOM, "entry");
            for (int i = 0; i < nodes.getLength(); i++) {
                Element entry = (Element) nodes.item(i);
                assertThat(text(entry, "updated")).isNotBlank();
                assertThat(text(
                                (Element) entry.getElementsByTagNameNS(ATOM, "author")
                                        .item(0),
                                "name"))
                        .isNotBlank();
                entries.add(new Entry(
                        text(entry, "id"),
                        text(entry, "title"),
                        text(entry, "summary"),
                        attributes(entry, "category", "term"),
                        links(entry)));
            }
            return entries;
        } catch (Exception e) {
            throw new AssertionError("not an Atom feed: " + response.body(), e);
        }
    }

    private static String text(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagNameNS(ATOM, name);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent();
    }

    private static List<String> attributes(Element parent, String name, String attribute) {
        NodeList nodes = parent.getElementsByTagNameNS(ATOM, name);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            values.add(((Element) nodes.item(i)).getAttribute(attribute));
        }
        return values;
    }

    private static List<String> links(Element entry) {
        NodeList nodes = entry.getElementsByTagNameNS(ATOM, "link");
        List<String> links = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element link = (Element) nodes.item(i);
            links.add(String.join(" ", link.getAttribute("rel"), link.getAttribute("type"), link.getAttribute("href")));
        }
        return links;
    }
}
