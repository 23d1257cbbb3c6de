package org.cascadehub.delivery;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.cascadehub.delivery.DeliveryEvents.WebhookSubscribed;
import org.cascadehub.delivery.DeliveryEvents.WebhookUnsubscribed;
import org.cascadehub.directory.DirectoryPolicy;
import org.cascadehub.directory.OrganisationId;
import org.cascadehub.directory.Organisations;
import org.cascadehub.directory.Viewer;
import org.cascadehub.platform.Actors;
import org.cascadehub.platform.InvalidInput;
import org.cascadehub.platform.NotAllowed;
import org.cascadehub.platform.NotFound;
import org.cascadehub.platform.RunMode;
import org.cascadehub.platform.SecretSealing;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organisation's webhooks: the partner systems its events are sent to, managed by those who may
 * manage the organisation. The signing secret is made here and shown once, when the webhook is
 * created; it is stored sealed ({@link SecretSealing}, as {@code "webhook"}), so a copy of the
 * database alone cannot sign as Cascade.
 */
@Service
class WebhookSubscriptions {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Organisations organisations;
    private final ApplicationEventPublisher events;
    private final RunMode mode;
    private final Clock clock;
    private final SecretSealing.Sealer secrets;

    WebhookSubscriptions(
            JdbcClient jdbc,
            Organisations organisations,
            ApplicationEventPublisher events,
            RunMode mode,
            Clock clock,
            SecretSealing sealing) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.events = events;
        this.mode = mode;
        this.clock = clock;
        this.secrets = sealing.sealer(SECRETS);
    }

    /** The purpose webhook secrets are sealed for. */
    static final String SECRETS = "webhook";

    /** A webhook as its managers see it: never the secret. */
    record Webhook(
            WebhookId id,
            OrganisationId organisationId,
            String url,
            List<String> eventTypes,
            boolean active,
            Instant createdAt,
            UUID createdBy) {}

    /** What a manager asks for. */
    record Request(@Nullable String url, @Nullable List<@Nullable String> eventTypes) {}

    /** A new webhook and its secret, shown this once. */
    record Created(Webhook webhook, String secret) {}

    @Transactional(readOnly = true)
    List<Webhook> of(Viewer viewer, OrganisationId organisation) {
        requireManager(viewer, organisation);
        return jdbc.sql("SELECT * FROM webhook_subscription WHERE organisation_id = ? ORDER BY created_at, id")
                .param(organisation.value())
                .query(WebhookSubscriptions::webhook)
                .list();
    }

    @Transactional
    Created subscribe(Viewer viewer, OrganisationId organisation, Request request) {
        requireManager(viewer, organisation);
        InvalidInput.Collector problems = new InvalidInput.Collector();
        var url = problems.attempt(() -> WebhookRules.url(request.url(), mode));
        List<String> types = problems.attempt(() -> WebhookRules.eventTypes(request.eventTypes()));
        problems.throwIfAny();
        WebhookId id = WebhookId.random();
        String secret = newSecret();
        jdbc.sql("""
                INSERT INTO webhook_subscription (id, organisation_id, url, secret, event_types, created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
                .params(
                        id.value(),
                        organisation.value(),
                        String.valueOf(url),
                        secrets.seal(secret),
                        types.toArray(String[]::new),
                        Timestamp.from(clock.instant()),
                        viewer.personId().value())
                .update();
        events.publishEvent(new WebhookSubscribed(id, organisation, Actors.current()));
        return new Created(find(organisation, id), secret);
    }

    @Transactional
    void unsubscribe(Viewer viewer, OrganisationId organisation, WebhookId id) {
        requireManager(viewer, organisation);
        int deleted = jdbc.sql("DELETE FROM webhook_subscription WHERE id = ? AND organisation_id = ?")
                .params(id.value(), organisation.value())
                .update();
        if (deleted == 0) {
            throw new NotFound("This organisation has no webhook " + id + ".");
        }
        events.publishEvent(new WebhookUnsubscribed(id, organisation, Actors.current()));
    }

    /** Those who may see the organisation but not manage it are refused (403); others are told it is not there. */
    private void requireManager(Viewer viewer, OrganisationId organisation) {
        organisations.require(viewer, organisation);
        if (!DirectoryPolicy.canManage(viewer, organisation)) {
            throw new NotAllowed(
                    "Only the organisation's security manager or a hub administrator manages its webhooks.");
        }
    }

    private Webhook find(OrganisationId organisation, WebhookId id) {
        return jdbc.sql("SELECT * FROM webhook_subscription WHERE id = ? AND organisation_id = ?")
                .params(id.value(), organisation.value())
                .query(WebhookSubscriptions::webhook)
                .single();
    }

    /** 256 random bits, marked so that one found lying around is recognised for what it is. */
    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Webhook webhook(ResultSet rs, int row) throws SQLException {
        return new Webhook(
                new WebhookId(rs.getObject("id", UUID.class)),
                new OrganisationId(rs.getObject("organisation_id", UUID.class)),
                rs.getString("url"),
                List.of((String[]) rs.getArray("event_types").getArray()),
                rs.getBoolean("active"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getObject("created_by", UUID.class));
    }
}
