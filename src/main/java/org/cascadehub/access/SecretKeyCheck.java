package org.cascadehub.access;

import org.cascadehub.platform.RunMode;
import org.cascadehub.platform.SecretSealing;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Production refuses to run without {@code CASCADE_SECRET_KEY}. Checked once the database is known
 * to work, so a start-up with both problems reports the database first.
 */
@Component
@Order(-100)
class SecretKeyCheck implements ApplicationRunner {

    private final SecretSealing sealing;
    private final RunMode mode;

    SecretKeyCheck(SecretSealing sealing, RunMode mode) {
        this.sealing = sealing;
        this.mode = mode;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (mode == RunMode.PRODUCTION && !sealing.configured()) {
            throw new MissingSecretKeyException();
        }
    }

    /** Reported by {@code MissingSecretKeyFailureAnalyzer} as one line with what to do. */
    static final class MissingSecretKeyException extends IllegalStateException {
        MissingSecretKeyException() {
            super(
                    SecretSealing.KEY_VARIABLE + " is not set: production mode needs a secret key to protect "
                            + "two-factor keys and webhook signing secrets. Set it to a long random value (for example the output of "
                            + "'openssl rand -hex 32') and keep it safe: without it, two-factor sign-in cannot be checked and webhooks cannot be signed.");
        }
    }
}
