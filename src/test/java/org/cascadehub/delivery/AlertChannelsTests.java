package org.cascadehub.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cascadehub.support.TestHttp.bearer;
import static org.cascadehub.support.TestHttp.json;

import com.icegreen.greenmail.util.GreenMail;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cascadehub.CascadeTest;
import org.cascadehub.alerts.Escalations;
import org.cascadehub.directory.Organisations;
import org.cascadehub.support.TestHttp;
import org.cascadehub.support.TestHttp.Response;
import org.cascadehub.support.TestMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A published alert leaves by email (real SMTP), SMS (the stand-in gateway over HTTP) and webhook
 * (a real receiver checking the signature), TLP deciding what each says; a text reply acknowledges;
 * escalation reminds, then tells the security manager.
 */
@CascadeTest
class AlertChannelsTests {

    static final String HEADLINE = "Channel test: van parked on the kerb";

    @LocalServerPort
    int port;

    @Autowired
    GreenMail mail;

    @Autowired
    SmsStandIn sms;

    @Autowired
    Organisations organisations;

    @Autowired
    Escalations escalations;

    @Autowired
    JdbcClient jdbc;

    TestHttp http;
    String police;
    String approver;
    String security;
    String strandArcade;
    String phone;
    String email;
    UUID personId;
    WebhookReceiver receiver;

    @BeforeEach
    void aStrandArcadeMemberWhoWantsTextsAndAPartnerSystem() {
        http = new TestHttp(port);
        police = bearer(http.token("police@demo.test", "demo-password"));
        approver = bearer(http.token("approver@demo.test", "demo-password"));
        security = bearer(http.token("security@demo.test", "demo-password"));
        strandArcade = organisations
                .findByName("Strand Arcade Retail Ltd")
                .orElseThrow()
                .toString();
        String unique = UUID.randomUUID().toString().substring(0, 6);
        phone = "+447700" + (900000 + Math.abs(unique.hashCode() % 99999));
        email = "texter-" + unique + "@example.test";
        Response added = http.postJson(
                "/api/v1/organisations/" + strandArcade + "/people",
                json(Map.of(
                        "name",
                        "Sam Texter " + unique,
                        "email",
                        email,
                        "phone",
                        phone,
                        "roles",
                        List.of("MEMBER"),
                        "notifyEmail",
                        true,
                        "notifySms",
                        true)),
                "Authorization",
                security);
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        personId = UUID.fromString(added.json().get("id").asString());
        receiver = new WebhookReceiver();
        Response hook = http.postJson(
                "/api/v1/organisations/" + strandArcade + "/webhooks",
                json(Map.of("url", receiver.url(), "eventTypes", List.of("alert.published"))),
                "Authorization",
                security);
        assertThat(hook.status()).as(hook.body()).isEqualTo(201);
        receiver.secret(hook.json().get("secret").asString());
    }

    @AfterEach
    void closeReceiver() {
        receiver.close();
    }

    @Test
    void anAmberAlertSendsLinksNotContentOnEveryChannelAndATextReplyAcknowledges() {
        long id = publish("AMBER", "Minor");

        String message = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> TestMail.messagesTo(mail, email).stream()
                                .filter(m -> m.contains("/alerts/" + id))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
        assertThat(message)
                .contains("TLP:AMBER")
                .contains("/alerts/" + id + "/ack?person=" + personId)
                .doesNotContain(HEADLINE);
        var text = await().atMost(Duration.ofSeconds(30))
                .until(() -> sms.messagesTo(phone), m -> !m.isEmpty())
                .getFirst();
        assertThat(text.text()).contains("TLP:AMBER").contains("ACK " + id).doesNotContain(HEADLINE);
        var hook = await().atMost(Duration.ofSeconds(30))
                .until(receiver::deliveries, d -> !d.isEmpty())
                .getFirst();
        assertThat(hook.signatureValid()).isTrue();
        assertThat(hook.event()).isEqualTo("alert.published");
        assertThat(hook.body()).contains("\"tlp\":\"AMBER\"").doesNotContain(HEADLINE);

        sms.replyTo(java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/sms/inbound"));
        assertThat(sms.reply(phone, "ack " + id)).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> "sms".equals(ackChannel(id)));
    }

    @Test
    void aGreenAlertCarriesItsContent() {
        long id = publish("GREEN", "Minor");

        String message = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> TestMail.messagesTo(mail, email).stream()
                                .filter(m -> m.contains("/alerts/" + id))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
        assertThat(message).contains(HEADLINE).contains("TLP:GREEN");
        assertThat(await().atMost(Duration.ofSeconds(30))
                        .until(receiver::deliveries, d -> !d.isEmpty())
                        .getFirst()
                        .body())
                .contains(HEADLINE);
    }

    @Test
    void anUnacknowledgedSevereAlertRemindsThenTellsTheSecurityManager() {
        long id = publish("GREEN", "Severe");
        Instant published = jdbc.sql("SELECT published_at FROM alert WHERE id = ?")
                .param(id)
                .query(java.sql.Timestamp.class)
                .single()
                .toInstant();

        escalations.escalateDue(published.plus(Duration.ofMinutes(10)));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> TestMail.messagesTo(mail, email).stream()
                        .anyMatch(m -> m.contains("Not yet acknowledged") && m.contains("/alerts/" + id)));

        escalations.escalateDue(published.plus(Duration.ofMinutes(20)));
        await().atMost(Duration.ofSeconds(30)).until(() -> sms.messagesTo(phone).size() >= 2);

        escalations.escalateDue(published.plus(Duration.ofMinutes(30)));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> TestMail.messagesTo(mail, "security@demo.test").stream()
                        .anyMatch(m -> m.contains("Not acknowledged in your organisation")
                                && m.contains("Sam Texter")
                                && m.contains("/alerts/" + id)));
    }

    private long publish(String tlp, String severity) {
        String draft = """
                {"headline": "%s", "description": "Parked since dawn.", "category": "Security",
                 "urgency": "Immediate", "severity": "%s", "certainty": "Observed", "tlp": "%s",
                 "area": {"boroughs": ["westminster"]}, "expiresInMinutes": 120}
                """.formatted(HEADLINE, severity, tlp);
        JsonNode created =
                http.postJson("/api/v1/alerts", draft, "Authorization", police).json();
        long id = created.get("id").asLong();
        if (severity.equals("Severe")) {
            http.postJson("/api/v1/alerts/" + id + "/submit", "", "Authorization", police);
            assertThat(http.postJson("/api/v1/alerts/" + id + "/approve", "", "Authorization", approver)
                            .status())
                    .isEqualTo(200);
        } else {
            assertThat(http.postJson("/api/v1/alerts/" + id + "/publish", "", "Authorization", police)
                            .status())
                    .isEqualTo(200);
        }
        return id;
    }

    private String ackChannel(long id) {
        return jdbc.sql("SELECT ack_channel FROM alert_recipient WHERE alert_id = ? AND person_id = ?")
                .params(id, personId)
                .query(String.class)
                .optional()
                .orElse(null);
    }
}
