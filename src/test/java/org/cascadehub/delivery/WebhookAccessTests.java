package org.cascadehub.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cascadehub.support.TestHttp.bearer;
import static org.cascadehub.support.TestHttp.json;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cascadehub.CascadeTest;
import org.cascadehub.delivery.Partners.Partner;
import org.cascadehub.support.TestHttp;
import org.cascadehub.support.TestHttp.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Who may manage an organisation's webhooks, over real HTTP: its security manager and hub
 * administrators. A member of it or another organisation's manager may see the organisation but not
 * this (403), an organisation nobody may see is not found (404), and nobody signed in is asked to
 * sign in (401).
 */
@CascadeTest
class WebhookAccessTests {

    private static final String HOOK = "https://partner.example/cascade";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    private TestHttp http;
    private Partners partners;

    @BeforeEach
    void setUp() {
        http = new TestHttp(port);
        partners = new Partners(context, http);
    }

    @Test
    void aManagerAddsAWebhookAndSeesItsSecretOnce() {
        Partner partner = partners.create();

        Response created = create(partner, partner.manager(), HOOK, List.of("alert.published"));

        assertThat(created.status()).isEqualTo(201);
        JsonNode webhook = created.json();
        assertThat(webhook.get("secret").asString()).startsWith("whsec_").hasSizeGreaterThan(40);
        assertThat(webhook.get("url").asString()).isEqualTo(HOOK);
        assertThat(webhook.get("organisationId").asString())
                .isEqualTo(partner.organisation().toString());
        assertThat(created.location()).endsWith("/webhooks/" + webhook.get("id").asString());
        Response listed = http.get(webhooks(partner), "Authorization", bearer(partner.manager()));
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().valueStream()).singleElement().satisfies(item -> {
            assertThat(item.get("id").asString()).isEqualTo(webhook.get("id").asString());
            assertThat(item.get("eventTypes").valueStream().map(JsonNode::asString))
                    .containsExactly("alert.published");
            assertThat(item.has("secret")).isFalse();
        });
        assertThat(listed.body()).doesNotContain(webhook.get("secret").asString());
    }

    @Test
    void aManagerDeletesAWebhookAndBothAreAudited() {
        Partner partner = partners.create();
        String id = create(partner, partner.manager(), HOOK, List.of("*"))
                .json()
                .get("id")
                .asString();

        Response deleted = http.delete(webhooks(partner) + "/" + id, "Authorization", bearer(partner.manager()));

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(http.get(webhooks(partner), "Authorization", bearer(partner.manager()))
                        .json()
                        .size())
                .isZero();
        assertThat(http.delete(webhooks(partner) + "/" + id, "Authorization", bearer(partner.manager()))
                        .status())
                .isEqualTo(404);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(jdbc.sql("""
                        SELECT action FROM audit_entry WHERE detail LIKE ? ORDER BY seq
                        """)
                                .param("%" + id + "%")
                                .query(String.class)
                                .list())
                        .containsExactly("WebhookSubscribed", "WebhookUnsubscribed"));
    }

    @Test
    void anAdministratorManagesAnyOrganisationsWebhooks() {
        Partner partner = partners.create();
        String admin = http.token("admin@demo.test", "demo-password");

        assertThat(create(partner, admin, HOOK, List.of("alert.published")).status())
                .isEqualTo(201);
        assertThat(http.get(webhooks(partner), "Authorization", bearer(admin))
                        .json()
                        .size())
                .isEqualTo(1);
    }

    @Test
    void aMemberMayNotSeeOrChangeTheWebhooks() {
        Partner partner = partners.create();
        String id = create(partner, partner.manager(), HOOK, List.of("*"))
                .json()
                .get("id")
                .asString();

        assertThat(http.get(webhooks(partner), "Authorization", bearer(partner.member()))
                        .status())
                .isEqualTo(403);
        assertThat(create(partner, partner.member(), HOOK, List.of("*")).status())
                .isEqualTo(403);
        assertThat(http.delete(webhooks(partner) + "/" + id, "Authorization", bearer(partner.member()))
                        .status())
                .isEqualTo(403);
        assertThat(http.get(webhooks(partner), "Authorization", bearer(partner.manager()))
                        .json()
                        .size())
                .isEqualTo(1);
    }

    @Test
    void anotherOrganisationsManagerMayNotSeeOrChangeTheWebhooks() {
        Partner partner = partners.create();
        Partner other = partners.create();
        String id = create(partner, partner.manager(), HOOK, List.of("*"))
                .json()
                .get("id")
                .asString();

        assertThat(http.get(webhooks(partner), "Authorization", bearer(other.manager()))
                        .status())
                .isEqualTo(403);
        Response refused = create(partner, other.manager(), HOOK, List.of("*"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("content-type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(http.delete(webhooks(partner) + "/" + id, "Authorization", bearer(other.manager()))
                        .status())
                .isEqualTo(403);
        // Through their own organisation's path, someone else's webhook is simply not there.
        assertThat(http.delete(webhooks(other) + "/" + id, "Authorization", bearer(other.manager()))
                        .status())
                .isEqualTo(404);
        assertThat(http.get(webhooks(partner), "Authorization", bearer(partner.manager()))
                        .json()
                        .size())
                .isEqualTo(1);
    }

    @Test
    void anOrganisationThatDoesNotExistIsNotFound() {
        Partner partner = partners.create();
        String path = "/api/v1/organisations/" + UUID.randomUUID() + "/webhooks";

        assertThat(http.get(path, "Authorization", bearer(partner.manager())).status())
                .isEqualTo(404);
    }

    @Test
    void nobodySignedInIsAskedToSignIn() {
        Partner partner = partners.create();

        assertThat(http.get(webhooks(partner)).status()).isEqualTo(401);
        assertThat(http.postJson(webhooks(partner), json(Map.of("url", HOOK, "eventTypes", List.of("*"))))
                        .status())
                .isEqualTo(401);
        assertThat(http.delete(webhooks(partner) + "/" + UUID.randomUUID()).status())
                .isEqualTo(401);
        assertThat(http.get("/api/v1/webhooks/dead-letters").status()).isEqualTo(401);
    }

    @Test
    void everyProblemWithANewWebhookIsNamedByItsField() {
        Partner partner = partners.create();

        Response refused = create(partner, partner.manager(), "ftp://partner.example/", List.of());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json()
                        .get("errors")
                        .valueStream()
                        .map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("url", "eventTypes");
        Response badType = create(partner, partner.manager(), HOOK, List.of("Alert Published"));
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.json().get("errors").get(0).get("field").asString()).isEqualTo("eventTypes");
        assertThat(badType.json().get("errors").get(0).get("message").asString())
                .contains("Alert Published");
        Response withPassword = create(partner, partner.manager(), "https://me:secret@partner.example/", List.of("*"));
        assertThat(withPassword.json().get("errors").get(0).get("field").asString())
                .isEqualTo("url");
        assertThat(http.get(webhooks(partner), "Authorization", bearer(partner.manager()))
                        .json()
                        .size())
                .isZero();
    }

    private Response create(Partner partner, String token, String url, List<String> eventTypes) {
        return http.postJson(
                webhooks(partner), json(Map.of("url", url, "eventTypes", eventTypes)), "Authorization", bearer(token));
    }

    private static String webhooks(Partner partner) {
        return "/api/v1/organisations/" + partner.organisation() + "/webhooks";
    }
}
