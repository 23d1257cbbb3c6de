package org.cascadehub.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cascadehub.support.TestHttp.bearer;
import static org.cascadehub.support.TestHttp.json;

import com.icegreen.greenmail.util.GreenMail;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cascadehub.CascadeTest;
import org.cascadehub.alerts.Acknowledgements;
import org.cascadehub.alerts.Alert;
import org.cascadehub.alerts.AlertEvents.AcknowledgementsOverdue;
import org.cascadehub.alerts.AlertEvents.AlertPublished;
import org.cascadehub.alerts.AlertEvents.Overdue;
import org.cascadehub.alerts.AlertId;
import org.cascadehub.alerts.AlertNotices;
import org.cascadehub.alerts.Alerts;
import org.cascadehub.delivery.EmailOutbox.OutboundEmail;
import org.cascadehub.delivery.EmailOutbox.OwnPart;
import org.cascadehub.delivery.EmailOutbox.SharedContent;
import org.cascadehub.directory.OrganisationId;
import org.cascadehub.directory.Organisations;
import org.cascadehub.directory.PersonId;
import org.cascadehub.platform.Actor;
import org.cascadehub.support.TestHttp;
import org.cascadehub.support.TestHttp.Response;
import org.cascadehub.support.TestMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.AopTestUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An alert's email is stored once and each recipient's row holds only their acknowledgement link,
 * yet every recipient receives the same text as an email stored whole, with a link that works; a
 * re-run stores nothing twice, the outbox view and subject access export show whole bodies, and
 * no content is left that no email refers to.
 */
@CascadeTest
class AlertEmailStoredOnceTests {

    static final int PEOPLE = 12;
    static final Pattern ACK_LINK = Pattern.compile(
            "Acknowledge it: https?://[^/]+(/alerts/(\\d+)/ack\\?person=([0-9a-f-]+)&signature=(\\S+))");

    @LocalServerPort
    int port;

    @Autowired
    GreenMail mail;

    @Autowired
    Organisations organisations;

    @Autowired
    Alerts alerts;

    @Autowired
    AlertNotices notices;

    @Autowired
    Acknowledgements acknowledgements;

    @Autowired
    AlertChannels channels;

    @Autowired
    EmailOutbox outbox;

    @Autowired
    DeliveryPersonalData personalData;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    TestHttp http;
    String police;
    Map<PersonId, String> people = new LinkedHashMap<>();

    @BeforeEach
    void signIn() {
        http = new TestHttp(port);
        police = bearer(http.token("police@demo.test", "demo-password"));
    }

    /** Only where an alert is sent: each member receives every later Westminster alert of any test. */
    private void strandArcadeMembersWhoWantEmail() {
        String security = bearer(http.token("security@demo.test", "demo-password"));
        String strandArcade = organisations
                .findByName("Strand Arcade Retail Ltd")
                .orElseThrow()
                .toString();
        for (int i = 0; i < PEOPLE; i++) {
            String unique = UUID.randomUUID().toString().substring(0, 8);
            String email = "shared-" + unique + "@example.test";
            Response added = http.postJson(
                    "/api/v1/organisations/" + strandArcade + "/people",
                    json(Map.of(
                            "name",
                            "Pat Shared " + unique,
                            "email",
                            email,
                            "roles",
                            List.of("MEMBER"),
                            "notifyEmail",
                            true,
                            "notifySms",
                            false)),
                    "Authorization",
                    security);
            assertThat(added.status()).as(added.body()).isEqualTo(201);
            people.put(new PersonId(UUID.fromString(added.json().get("id").asString())), email);
        }
    }

    @Test
    void oneContentRowSmallRowsAndEveryoneReceivesTheWholeEmailWithTheirOwnWorkingLink() {
        strandArcadeMembersWhoWantEmail();
        Alert alert = publish();

        Map<PersonId, String> received = new LinkedHashMap<>();
        people.forEach((person, email) -> received.put(
                person,
                await().atMost(Duration.ofSeconds(60))
                        .until(
                                () -> TestMail.messagesTo(mail, email).stream()
                                        .filter(m -> m.contains("/alerts/" + alert.id() + "/ack"))
                                        .findFirst(),
                                Optional::isPresent)
                        .orElseThrow()));

        long contentId = jdbc.sql("SELECT id FROM outbound_email_content WHERE content_key = ?")
                .param("alert:" + alert.id() + ":email")
                .query(Long.class)
                .single();
        List<Map<String, Object>> rows =
                jdbc.sql("""
                SELECT content_id, subject, octet_length(body) AS bytes FROM outbound_email
                WHERE dedupe_key LIKE ?
                """).param("alert:" + alert.id() + ":email:%").query().listOfRows();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(PEOPLE).allSatisfy(row -> {
            assertThat(row.get("content_id")).isEqualTo(contentId);
            assertThat(row.get("subject")).isNull();
            assertThat((Integer) row.get("bytes")).isLessThan(300);
        });

        received.forEach((person, message) -> {
            var expected = notices.email(alert, person);
            assertThat(plain(message)).isEqualTo(plain(expected.subject() + "\n" + expected.body()));
            Matcher link = ACK_LINK.matcher(message);
            assertThat(link.find()).as(message).isTrue();
            assertThat(link.group(3)).isEqualTo(person.toString());
        });

        PersonId first = people.keySet().iterator().next();
        Matcher link = ACK_LINK.matcher(received.get(first));
        assertThat(link.find()).isTrue();
        TestHttp mailbox = new TestHttp(port);
        assertThat(mailbox.get(link.group(1), "Accept", "text/html").status()).isEqualTo(200);
        Response pressed = mailbox.postForm(
                "/alerts/" + alert.id() + "/ack", Map.of("person", first.toString(), "signature", link.group(4)));
        assertThat(pressed.status()).isEqualTo(302);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> acknowledgements.of(alert.id(), first).isPresent());
        assertThat(acknowledgements.of(alert.id(), first).orElseThrow().channel())
                .isEqualTo("email");
    }

    @Test
    void runningTheListenerAgainQueuesNothingTwiceAndStoresNoSecondContent() throws InterruptedException {
        strandArcadeMembersWhoWantEmail();
        Alert alert = publish();
        String key = "alert:" + alert.id() + ":email";
        await().atMost(Duration.ofSeconds(60)).until(() -> emailRows(alert.id()) >= PEOPLE);
        long before = emailRows(alert.id());

        AlertChannels target = AopTestUtils.getTargetObject(channels);
        target.on(new AlertPublished(alert.id(), alert.seq(), alert.msgType(), PEOPLE, Actor.SYSTEM));

        assertThat(emailRows(alert.id())).isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM outbound_email_content WHERE content_key = ?")
                        .param(key)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("""
                        SELECT count(DISTINCT content_id) FROM outbound_email WHERE dedupe_key LIKE ?
                        """).param(key + ":%").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aReminderIsStoredOnceTooAndReceivedWhole() {
        strandArcadeMembersWhoWantEmail();
        Alert alert = publish();
        OrganisationId strandArcade =
                organisations.findByName("Strand Arcade Retail Ltd").orElseThrow();
        List<Overdue> overdue = people.keySet().stream()
                .map(person -> new Overdue(person, strandArcade))
                .toList();

        AlertChannels target = AopTestUtils.getTargetObject(channels);
        transactions.executeWithoutResult(status -> target.on(new AcknowledgementsOverdue(alert.id(), 1, overdue)));

        assertThat(jdbc.sql("""
                        SELECT count(DISTINCT e.id) FROM outbound_email e
                        JOIN outbound_email_content c ON c.id = e.content_id AND c.content_key = ?
                        WHERE e.subject IS NULL
                        """)
                        .param("alert:" + alert.id() + ":reminder-email")
                        .query(Long.class)
                        .single())
                .isEqualTo(PEOPLE);
        people.forEach((person, email) -> {
            String message = await().atMost(Duration.ofSeconds(60))
                    .until(
                            () -> TestMail.messagesTo(mail, email).stream()
                                    .filter(m -> m.startsWith("Not yet acknowledged"))
                                    .findFirst(),
                            Optional::isPresent)
                    .orElseThrow();
            var expected = notices.reminder(alert, person);
            assertThat(plain(message)).isEqualTo(plain(expected.subject() + "\n" + expected.body()));
        });
    }

    @Test
    void theOutboxViewAndTheSubjectAccessExportShowWholeBodies() {
        strandArcadeMembersWhoWantEmail();
        Alert alert = publish();
        PersonId person = people.keySet().iterator().next();
        String email = people.get(person);
        await().atMost(Duration.ofSeconds(60)).until(() -> emailRows(alert.id()) >= PEOPLE);
        var expected = notices.email(alert, person);

        OutboundEmail shown = outbox.recent(500, true).stream()
                .filter(e -> e.to().equals(email))
                .findFirst()
                .orElseThrow();
        assertThat(shown.subject()).isEqualTo(expected.subject());
        assertThat(shown.body()).isEqualTo(expected.body());

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> exported = (List<Map<String, Object>>) personalData.about(person.value(), email);
        assertThat(exported)
                .filteredOn(row -> expected.subject().equals(row.get("subject")))
                .singleElement()
                .satisfies(row -> {
                    assertThat(row.get("subject")).isEqualTo(expected.subject());
                    assertThat(row.get("body")).isEqualTo(expected.body());
                });
    }

    @Test
    void aOneOffEmailIsStoredAndSentWhole() {
        String to = "one-off-" + UUID.randomUUID() + "@example.test";
        transactions.executeWithoutResult(
                status -> outbox.enqueue(new Email(to, "Your application", "Line one.\nLine two.\n"), "one-off:" + to));

        String message = await().atMost(Duration.ofSeconds(30))
                .until(() -> TestMail.messagesTo(mail, to), m -> !m.isEmpty())
                .getFirst();
        assertThat(plain(message)).isEqualTo(plain("Your application\nLine one.\nLine two.\n"));
        assertThat(jdbc.sql("SELECT content_id IS NULL AND subject IS NOT NULL FROM outbound_email WHERE recipient = ?")
                        .param(to)
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void aCallThatQueuesNothingLeavesNoContentBehindAndKeepsContentInUse() {
        String unique = UUID.randomUUID().toString();
        String to = "orphan-" + unique + "@example.test";
        SharedContent used = new SharedContent("used:" + unique, "Subject", "Head\n", "Tail\n");
        SharedContent unused = new SharedContent("unused:" + unique, "Subject", "Head\n", "Tail\n");
        List<OwnPart> parts = List.of(new OwnPart(to, "Own\n", "orphan:" + unique));
        // Rolled back once checked, so the shared mail server is not kept busy with it.
        List<Long> left = transactions.execute(status -> {
            assertThat(outbox.enqueueShared(used, parts)).isEqualTo(1);
            assertThat(outbox.enqueueShared(used, parts)).as("a re-run").isZero();
            assertThat(outbox.enqueueShared(unused, parts))
                    .as("a part queued before under other content, as after an upgrade")
                    .isZero();
            assertThat(outbox.enqueueShared(unused, List.of())).isZero();
            List<Long> counts = new ArrayList<>();
            for (SharedContent content : List.of(used, unused)) {
                counts.add(jdbc.sql("SELECT count(*) FROM outbound_email_content WHERE content_key = ?")
                        .param(content.key())
                        .query(Long.class)
                        .single());
            }
            status.setRollbackOnly();
            return counts;
        });
        assertThat(left).containsExactly(1L, 0L);
    }

    @Test
    void aRowWhoseContentIsGoneFailsLikeAnUndeliverableEmailAndIsRetried() {
        String to = "no-content-" + UUID.randomUUID() + "@example.test";
        jdbc.sql("""
                INSERT INTO outbound_email (recipient, content_id, body, created_at, next_attempt_at)
                VALUES (?, -1, 'Own part', now(), now())
                """).param(to).update();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("SELECT last_error FROM outbound_email WHERE recipient = ?")
                        .param(to)
                        .query(String.class)
                        .optional()
                        .filter(error -> error.contains("shared content -1 is gone"))
                        .isPresent());
        assertThat(jdbc.sql("SELECT status FROM outbound_email WHERE recipient = ?")
                        .param(to)
                        .query(String.class)
                        .single())
                .as("retried with backoff, like any failed email")
                .isIn("PENDING", "FAILED");
        assertThat(TestMail.messagesTo(mail, to)).isEmpty();
    }

    private Alert publish() {
        String draft = """
                {"headline": "Stored once %s", "description": "Two people trying car doors.",
                 "instruction": "Keep the gates shut.", "category": "Security", "urgency": "Immediate",
                 "severity": "Minor", "certainty": "Observed", "tlp": "GREEN",
                 "area": {"boroughs": ["westminster"]}, "expiresInMinutes": 120}
                """.formatted(UUID.randomUUID());
        return alerts.find(new AlertId(http.publishAlert(draft, police))).orElseThrow();
    }

    private long emailRows(AlertId alert) {
        return jdbc.sql("SELECT count(*) FROM outbound_email WHERE dedupe_key LIKE ?")
                .param("alert:" + alert + ":email:%")
                .query(Long.class)
                .single();
    }

    /** The text as a mail reader shows it: line ends as sent over SMTP, no trailing blank line. */
    private static String plain(String text) {
        return text.replace("\r\n", "\n").strip();
    }
}
