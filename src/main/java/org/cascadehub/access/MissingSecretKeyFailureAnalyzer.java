package org.cascadehub.access;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** One line for a production start without {@code CASCADE_SECRET_KEY}. */
class MissingSecretKeyFailureAnalyzer extends AbstractFailureAnalyzer<SecretKeyCheck.MissingSecretKeyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SecretKeyCheck.MissingSecretKeyException cause) {
        return new FailureAnalysis(cause.getMessage(), "Set CASCADE_SECRET_KEY and start again.", cause);
    }
}
