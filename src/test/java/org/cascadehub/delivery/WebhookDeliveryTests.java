package org.cascadehub.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cascadehub.support.TestHttp.bearer;
import static org.cascadehub.support.TestHttp.json;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cascadehub.CascadeTest;
import org.cascadehub.delivery.Partners.Partner;
import org.cascadehub.directory.OrganisationId;
import org.cascadehub.platform.RunMode;
import org.cascadehub.platform.SecretSealing;
import org.cascadehub.support.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Webhooks reach partner systems over real HTTP, signed; failures are retried with backoff and
 * dead-lettered after the last attempt; a hanging endpoint holds up nobody else. The receivers are
 * real HTTP servers that check signatures with their own code ({@link WebhookReceiver}). Where a
 * test needs the next retry now rather than after its backoff, it moves the row's due time.
 */
@CascadeTest
class WebhookDeliveryTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    WebhookOutbox outbox;

    @Autowired
    WebhookSettings settings;

    @Autowired
    WebhookDispatcher dispatcher;

    @Autowired
    OutboxWakeups wakeups;

    @Autowired
    SecretSealing sealing;

    @Autowired
    WebhookSecretSealing secretSealing;

    private TestHttp http;
    private Partners partners;

    @BeforeEach
    void setUp() {
        http = new TestHttp(port);
        partners = new Partners(context, http);
    }

    @Test
    void aDeliveryArrivesSignedWithTheSubscriptionsSecret() {
        try (WebhookReceiver receiver = new WebhookReceiver();
                WebhookReceiver otherTypes = new WebhookReceiver()) {
            Partner partner = partners.create();
            subscribe(partner, receiver, "alert.published");
            subscribe(partner, otherTypes, "report.created");
            String body = "{\"alert\":\"" + UUID.randomUUID() + "\",\"headline\":\"Road closed — Strand\"}";

            int queued = enqueue(partner.organisation(), "alert.published", body, "alert:1");

            assertThat(queued).isEqualTo(1);
            await().atMost(WAIT).until(() -> receiver.deliveries().size() == 1);
            WebhookReceiver.Delivery delivery = receiver.deliveries().getFirst();
            assertThat(delivery.signatureValid()).isTrue();
            assertThat(delivery.event()).isEqualTo("alert.published");
            assertThat(delivery.body()).isEqualTo(body);
            assertThat(delivery.signature()).matches("t=\\d+,v1=[0-9a-f]{64}");
            assertThat(row(Long.parseLong(delivery.deliveryId())).status()).isEqualTo("SENT");
            assertThat(jdbc.sql("""
                            SELECT count(*) FROM outbound_webhook w JOIN webhook_subscription s ON s.id = w.subscription_id
                            WHERE s.url = ?
                            """).param(otherTypes.url()).query(Long.class).single())
                    .isZero();
        }
    }

    @Test
    void aRowQueuedWithoutThisNodesNudgeWakesTheDispatcherThroughTheDatabase() {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Partner partner = partners.create();
            subscribe(partner, receiver, "alert.published");
            assertThat(wakeups.listening()).isTrue();
            long heard = wakeups.heard("outbound_webhook");

            // As another node queues: straight into the table, no nudge in this process.
            jdbc.sql("""
                            INSERT INTO outbound_webhook (subscription_id, event_type, body, dedupe_key, created_at, next_attempt_at)
                            SELECT id, 'alert.published', '{"n":2}', 'elsewhere:1', now(), now()
                            FROM webhook_subscription WHERE url = ?
                            """).param(receiver.url()).update();

            await().atMost(Duration.ofSeconds(10)).until(() -> wakeups.heard("outbound_webhook") > heard);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> receiver.deliveries().size() == 1);
            assertThat(receiver.deliveries().getFirst().body()).isEqualTo("{\"n\":2}");
        }
    }

    @Test
    void theSecretIsStoredSealedNotAsShown() {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Partner partner = partners.create();
            subscribe(partner, receiver, "alert.published");

            String stored = storedSecret(receiver);

            assertThat(stored).startsWith("v1:").doesNotContain(receiver.secret());
            assertThat(sealing.sealer(WebhookSubscriptions.SECRETS).open(stored))
                    .isEqualTo(receiver.secret());
        }
    }

    @Test
    void aSecretStoredReadableByAnEarlierVersionStillSignsAndIsSealedAtStart() {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Partner partner = partners.create();
            subscribe(partner, receiver, "alert.published");
            storeSecret(receiver, receiver.secret()); // as versions before sealing did

            enqueue(partner.organisation(), "alert.published", "{\"n\":1}", "alert:1");
            await().atMost(WAIT).until(() -> receiver.deliveries().size() == 1);
            assertThat(receiver.deliveries().getFirst().signatureValid()).isTrue();

            assertThat(secretSealing.sealStored()).isPositive();
            assertThat(storedSecret(receiver)).startsWith("v1:").doesNotContain(receiver.secret());
            assertThat(secretSealing.sealStored()).as("nothing left to seal").isZero();

            enqueue(partner.organisation(), "alert.published", "{\"n\":2}", "alert:2");
            await().atMost(WAIT).until(() -> receiver.deliveries().size() == 2);
            assertThat(receiver.deliveries().get(1).signatureValid()).isTrue();
        }
    }

    @Test
    void aSecretThatWillNotOpenFailsTheDeliveryRatherThanSendingItUnsigned() {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Partner partner = partners.create();
            subscribe(partner, receiver, "alert.published");
            SecretSealing otherKey = new SecretSealing(
                    new MockEnvironment().withProperty(SecretSealing.KEY_VARIABLE, "another key entirely 0123456789"),
                    RunMode.PRODUCTION);
            storeSecret(receiver, otherKey.sealer(WebhookSubscriptions.SECRETS).seal(receiver.secret()));

            enqueue(partner.organisation(), "alert.published", "{\"n\":1}", "alert:1");

            await().atMost(WAIT).until(() -> rowsFor(receiver).getFirst().attempts() == 1);
            Row failed = rowsFor(receiver).getFirst();
            assertThat(failed.status()).isEqualTo("PENDING");
            assertThat(failed.lastError())
                    .isEqualTo("the webhook's signing secret does not open with this CASCADE_SECRET_KEY"
                            + " (was the key changed?)");
            assertThat(receiver.deliveries()).isEmpty();
        }
    }

    @Test
    void aSignatureMadeWithAnotherSecretDoesNotVerify() {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Partner partner = partners.create();
            subscribe(partner, receiver, "alert.published");
            receiver.secret("whsec_not-the-one-cascade-made");

            enqueue(partner.organisation(), "alert.published", "{\"n\":1}", "alert:1");

            await().atMost(WAIT).until(() -> receiver.deliveries().size() == 1);
            assertThat(receiver.deliveries().getFirst().signatureValid()).isFalse();
        }
    }

    @Test
    void aFailedDeliveryIsRetriedAfterABackoff() {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Partner partner = partners.create();
            subscribe(partner, receiver, "alert.published");
            receiver.answer(503);

            enqueue(partner.organisation(), "alert.published", "{\"n\":1}", "alert:1");

            await().atMost(WAIT).until(() -> receiver.deliveries().size() == 1);
            long id = Long.parseLong(receiver.deliveries().getFirst().deliveryId());
            await().atMost(WAIT).until(() -> row(id).attempts() == 1);
            Row failed = row(id);
            assertThat(failed.status()).isEqualTo("PENDING");
            assertThat(failed.lastError()).contains("HTTP 503");
            assertThat(Duration.between(failed.lastAttemptAt(), failed.nextAttemptAt()))
                    .isBetween(settings.firstRetry(), settings.firstRetry().plusMinutes(1));

            dueNow(id);

            await().atMost(WAIT).until(() -> row(id).status().equals("SENT"));
            assertThat(row(id).attempts()).isEqualTo(2);
            assertThat(receiver.deliveries()).hasSize(2).allSatisfy(delivery -> {
                assertThat(delivery.deliveryId()).isEqualTo(Long.toString(id));
                assertThat(delivery.signatureValid()).isTrue();
            });
        }
    }

    @Test
    void aDeliveryIsDeadLetteredAfterItsLastAttemptAndAnAdministratorCanSendItAgain() {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Partner partner = partners.create();
            subscribe(partner, receiver, "alert.published");
            receiver.answer(500, 500);
            enqueue(partner.organisation(), "alert.published", "{\"n\":1}", "alert:1");
            await().atMost(WAIT).until(() -> receiver.deliveries().size() == 1);
            long id = Long.parseLong(receiver.deliveries().getFirst().deliveryId());
            await().atMost(WAIT).until(() -> row(id).attempts() == 1);

            // Skip to the last attempt rather than wait through every backoff.
            jdbc.sql("UPDATE outbound_webhook SET attempts = ?, next_attempt_at = now() WHERE id = ?")
                    .params(settings.maxAttempts() - 1, id)
                    .update();
            dispatcher.nudge(); // it would otherwise sleep until the retry it knew of

            await().atMost(WAIT).until(() -> row(id).status().equals("DEAD"));
            assertThat(row(id).lastError()).contains("HTTP 500");
            String admin = http.token("admin@demo.test", "demo-password");
            var deadLetters = http.get("/api/v1/webhooks/dead-letters?size=200", "Authorization", bearer(admin));
            assertThat(deadLetters.status()).isEqualTo(200);
            assertThat(deadLetters.json().get("items").valueStream())
                    .filteredOn(item -> item.get("id").asLong() == id)
                    .singleElement()
                    .satisfies(item -> {
                        assertThat(item.get("url").asString()).isEqualTo(receiver.url());
                        assertThat(item.get("organisationId").asString())
                                .isEqualTo(partner.organisation().toString());
                        assertThat(item.get("attempts").asInt()).isEqualTo(settings.maxAttempts());
                        assertThat(item.get("lastError").asString()).contains("HTTP 500");
                        assertThat(item.has("body")).isFalse();
                    });
            assertThat(http.get("/api/v1/webhooks/dead-letters", "Authorization", bearer(partner.manager()))
                            .status())
                    .isEqualTo(403);
            assertThat(retry(id, partner.manager())).isEqualTo(403);
            assertThat(row(id).status()).isEqualTo("DEAD");

            assertThat(retry(id, admin)).isEqualTo(202);

            await().atMost(WAIT).until(() -> row(id).status().equals("SENT"));
            assertThat(receiver.deliveries()).hasSize(3);
            assertThat(retry(id, admin)).isEqualTo(404);
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(jdbc.sql(
                                            "SELECT count(*) FROM audit_entry WHERE action = 'WebhookDeliveryRetried' AND detail LIKE ?")
                                    .param("%\"deliveryId\":" + id + ",%")
                                    .query(Long.class)
                                    .single())
                            .isEqualTo(1));
        }
    }

    @Test
    void aHangingEndpointDelaysNobodyElse() {
        try (WebhookReceiver hanging = new WebhookReceiver();
                WebhookReceiver healthy = new WebhookReceiver()) {
            Partner slow = partners.create();
            Partner quick = partners.create();
            subscribe(slow, hanging, "alert.published");
            subscribe(quick, healthy, "alert.published");
            hanging.hang();
            int waiting = settings.perEndpoint() + 1;
            for (int i = 0; i < waiting; i++) {
                enqueue(slow.organisation(), "alert.published", "{\"n\":" + i + "}", "alert:" + i);
            }
            await().atMost(WAIT).until(() -> hanging.held() == settings.perEndpoint());

            enqueue(quick.organisation(), "alert.published", "{\"n\":1}", "alert:1");

            await().atMost(WAIT).until(() -> healthy.deliveries().size() == 1);
            // The healthy endpoint was served while the hanging one still held its requests, none of
            // which had yet failed; and the hanging one holds no more places than its share.
            assertThat(hanging.held()).isEqualTo(settings.perEndpoint());
            List<Row> held = rowsFor(hanging);
            assertThat(held).hasSize(waiting).allSatisfy(row -> {
                assertThat(row.status()).isEqualTo("PENDING");
                assertThat(row.attempts()).isZero();
            });
            assertThat(hanging.deliveries()).hasSize(settings.perEndpoint());
            jdbc.sql("DELETE FROM webhook_subscription WHERE url = ?")
                    .param(hanging.url())
                    .update();
        }
    }

    @Test
    void theSameDedupeKeyQueuesOneDelivery() {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Partner partner = partners.create();
            subscribe(partner, receiver, "*");

            assertThat(enqueue(partner.organisation(), "alert.published", "{\"n\":1}", "alert:7"))
                    .isEqualTo(1);
            assertThat(enqueue(partner.organisation(), "alert.published", "{\"n\":1}", "alert:7"))
                    .isZero();

            await().atMost(WAIT).until(() -> receiver.deliveries().size() == 1);
            assertThat(rowsFor(receiver)).hasSize(1);
        }
    }

    @Test
    void enqueueingNeedsATransaction() {
        Partner partner = partners.create();

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> outbox.enqueue(partner.organisation(), "alert.published", "{}", "alert:1"))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    private void subscribe(Partner partner, WebhookReceiver receiver, String eventType) {
        var created = http.postJson(
                "/api/v1/organisations/" + partner.organisation() + "/webhooks",
                json(Map.of("url", receiver.url(), "eventTypes", List.of(eventType))),
                "Authorization",
                bearer(partner.manager()));
        assertThat(created.status()).isEqualTo(201);
        receiver.secret(created.json().get("secret").asString());
    }

    private String storedSecret(WebhookReceiver receiver) {
        return jdbc.sql("SELECT secret FROM webhook_subscription WHERE url = ?")
                .param(receiver.url())
                .query(String.class)
                .single();
    }

    private void storeSecret(WebhookReceiver receiver, String stored) {
        jdbc.sql("UPDATE webhook_subscription SET secret = ? WHERE url = ?")
                .params(stored, receiver.url())
                .update();
    }

    private int enqueue(OrganisationId organisation, String type, String body, String key) {
        return transactions.execute(status -> outbox.enqueue(organisation, type, body, key));
    }

    private int retry(long id, String token) {
        return http.post(
                        "/api/v1/webhooks/dead-letters/" + id + "/retry",
                        "application/json",
                        "",
                        "Authorization",
                        bearer(token))
                .status();
    }

    private void dueNow(long id) {
        jdbc.sql("UPDATE outbound_webhook SET next_attempt_at = now() WHERE id = ?")
                .param(id)
                .update();
        dispatcher.nudge(); // it would otherwise sleep until the retry it knew of
    }

    record Row(String status, int attempts, String lastError, Instant lastAttemptAt, Instant nextAttemptAt) {}

    private static final String ROW = "SELECT w.status, w.attempts, coalesce(w.last_error, '') AS last_error,"
            + " w.last_attempt_at, w.next_attempt_at FROM outbound_webhook w";

    private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Row(
                rs.getString("status"),
                rs.getInt("attempts"),
                rs.getString("last_error"),
                instant(rs.getTimestamp("last_attempt_at")),
                instant(rs.getTimestamp("next_attempt_at")));
    }

    private Row row(long id) {
        return jdbc.sql(ROW + " WHERE w.id = ?")
                .param(id)
                .query((rs, n) -> row(rs))
                .single();
    }

    private List<Row> rowsFor(WebhookReceiver receiver) {
        return jdbc.sql(ROW + " JOIN webhook_subscription s ON s.id = w.subscription_id WHERE s.url = ?")
                .param(receiver.url())
                .query((rs, n) -> row(rs))
                .list();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? Instant.EPOCH : timestamp.toInstant();
    }
}
