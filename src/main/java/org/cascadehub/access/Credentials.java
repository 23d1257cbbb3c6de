package org.cascadehub.access;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.cascadehub.directory.PersonId;
import org.cascadehub.platform.SecretSealing;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Passwords and second-factor secrets, keyed by the directory's person id. */
@Service
public class Credentials {

    /** Long enough to resist guessing, short enough to remember as a passphrase. */
    public static final int MINIMUM_PASSWORD_LENGTH = 12;

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final SecretSealing.Sealer sealing;
    private final Clock clock;

    Credentials(JdbcClient jdbc, PasswordEncoder encoder, SecretSealing sealing, Clock clock) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.sealing = sealing.sealer("totp");
        this.clock = clock;
    }

    /** Sets (or replaces) a person's password, stored only as an adaptive hash. */
    @Transactional
    public void setPassword(PersonId person, String password) {
        if (password.length() < MINIMUM_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("password must be at least " + MINIMUM_PASSWORD_LENGTH + " characters");
        }
        jdbc.sql("""
                INSERT INTO credential (person_id, password_hash, password_changed_at) VALUES (?, ?, ?)
                ON CONFLICT (person_id) DO UPDATE SET password_hash = excluded.password_hash,
                    password_changed_at = excluded.password_changed_at
                """)
                .params(person.value(), encoder.encode(password), java.sql.Timestamp.from(clock.instant()))
                .update();
    }

    Optional<String> passwordHash(PersonId person) {
        return jdbc.sql("SELECT password_hash FROM credential WHERE person_id = ?")
                .param(person.value())
                .query(String.class)
                .optional();
    }

    Optional<String> totpSecret(PersonId person) {
        return jdbc.sql("SELECT totp_secret FROM credential WHERE person_id = ? AND totp_enrolled_at IS NOT NULL")
                .param(person.value())
                .query(String.class)
                .optional()
                .map(sealing::open);
    }

    boolean hasSecondFactor(PersonId person) {
        return totpSecret(person).isPresent();
    }

    void enrolSecondFactor(PersonId person, String secret, long acceptedStep) {
        jdbc.sql("UPDATE credential SET totp_secret = ?, totp_enrolled_at = ?, totp_last_step = ? WHERE person_id = ?")
                .params(sealing.seal(secret), java.sql.Timestamp.from(Instant.now(clock)), acceptedStep, person.value())
                .update();
    }

    /**
     * Records that a code's time step was used; false when that step (or a later one) was used
     * already, so a code seen over someone's shoulder cannot be replayed.
     */
    boolean consumeStep(PersonId person, long step) {
        return jdbc.sql("""
                UPDATE credential SET totp_last_step = ?
                WHERE person_id = ? AND (totp_last_step IS NULL OR totp_last_step < ?)
                """).params(step, person.value(), step).update() == 1;
    }
}
