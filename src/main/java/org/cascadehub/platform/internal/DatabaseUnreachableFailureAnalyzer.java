package org.cascadehub.platform.internal;

import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * Turns "cannot reach or sign in to the database" at start-up into one line naming the database
 * URL and the cause, instead of a stack trace.
 */
class DatabaseUnreachableFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

    private final Environment environment;

    DatabaseUnreachableFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected @Nullable FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
        String state = cause.getSQLState() == null ? "" : cause.getSQLState();
        // 08: connection exception, 28: invalid authorisation, 3D: no such database.
        if (!(state.startsWith("08") || state.startsWith("28") || state.startsWith("3D"))) {
            return null;
        }
        String url = withoutSecrets(environment.getProperty("spring.datasource.url", "(embedded)"));
        return new FailureAnalysis(
                "Cannot connect to the database at " + url + ": " + firstLine(cause.getMessage()),
                "Check CASCADE_DB_URL, CASCADE_DB_USER and CASCADE_DB_PASSWORD, and that PostgreSQL is running"
                        + " and reachable from this host.",
                cause);
    }

    static String withoutSecrets(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown cause";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
