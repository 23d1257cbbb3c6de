package org.cascadehub.access;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.cascadehub.delivery.Email;
import org.cascadehub.delivery.EmailOutbox;
import org.cascadehub.directory.DirectoryEvents.OrganisationVetted;
import org.cascadehub.directory.DirectoryEvents.PersonErased;
import org.cascadehub.directory.DirectoryEvents.PersonJoined;
import org.cascadehub.directory.People;
import org.cascadehub.directory.PersonId;
import org.cascadehub.directory.PersonSummary;
import org.cascadehub.platform.PublicAddress;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time links to set a password, emailed to people who join without one: those added by a
 * security manager, an administrator or an import, and applicants once their organisation is
 * vetted. An erased person's credentials and tokens go with them.
 */
@Service
class PasswordSetups {

    static final Duration LIFETIME = Duration.ofDays(7);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final People people;
    private final Credentials credentials;
    private final EmailOutbox outbox;
    private final PublicAddress address;
    private final Clock clock;

    PasswordSetups(
            JdbcClient jdbc,
            People people,
            Credentials credentials,
            EmailOutbox outbox,
            PublicAddress address,
            Clock clock) {
        this.jdbc = jdbc;
        this.people = people;
        this.credentials = credentials;
        this.outbox = outbox;
        this.address = address;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(PersonJoined joined) {
        if (joined.invite()) {
            people.findById(joined.personId()).filter(PersonSummary::active).ifPresent(this::invite);
        }
    }

    @ApplicationModuleListener
    void on(OrganisationVetted vetted) {
        people.activeIn(vetted.organisationId()).stream()
                .filter(person -> credentials.passwordHash(person.id()).isEmpty())
                .forEach(this::invite);
    }

    @ApplicationModuleListener
    void on(PersonErased erased) {
        UUID person = erased.personId().value();
        jdbc.sql("DELETE FROM credential WHERE person_id = ?").param(person).update();
        jdbc.sql("DELETE FROM password_setup WHERE person_id = ?").param(person).update();
        jdbc.sql("UPDATE api_token SET revoked_at = ? WHERE person_id = ? AND revoked_at IS NULL")
                .params(Timestamp.from(clock.instant()), person)
                .update();
    }

    /** Emails the person a new link; earlier unused links stay valid until they expire. */
    @Transactional
    void invite(PersonSummary person) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO password_setup (token_hash, person_id, created_at, expires_at) VALUES (?, ?, ?, ?)")
                .params(
                        ApiTokens.sha256(token),
                        person.id().value(),
                        Timestamp.from(now),
                        Timestamp.from(now.plus(LIFETIME)))
                .update();
        outbox.enqueue(new Email(
                person.email(),
                "Set your Cascade password",
                "Hello " + person.name() + ",\n\nYou have been added to Cascade as a member of "
                        + person.organisationName() + ".\n\nSet your password here (the link works once, for 7 days):\n"
                        + address.link("/account/set-password?token=" + token) + "\n\n"
                        + "If you did not expect this, you can ignore this email."));
    }

    /** The person a live, unused link belongs to. */
    @Transactional(readOnly = true)
    Optional<PersonId> personFor(String token) {
        return jdbc.sql(
                        "SELECT person_id FROM password_setup WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?")
                .params(ApiTokens.sha256(token), Timestamp.from(clock.instant()))
                .query(UUID.class)
                .optional()
                .map(PersonId::new);
    }

    /** Sets the password and uses up the link; false if the link is no longer good. */
    @Transactional
    boolean complete(String token, String password) {
        Optional<PersonId> person = personFor(token);
        if (person.isEmpty()) {
            return false;
        }
        int used = jdbc.sql("UPDATE password_setup SET used_at = ? WHERE token_hash = ? AND used_at IS NULL")
                .params(Timestamp.from(clock.instant()), ApiTokens.sha256(token))
                .update();
        if (used == 0) {
            return false;
        }
        credentials.setPassword(person.get(), password);
        return true;
    }
}
