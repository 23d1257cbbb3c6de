package org.cascadehub.alerts;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts a published alert's recipients back into one pending row ({@link RecipientRows}), as a crash
 * right after the publishing commit leaves them, and counts pending rows: for tests of everything
 * that must see or write out pending recipients.
 */
final class PendingRecipients {

    private final JdbcClient jdbc;
    private final RecipientRows rows;
    private final Alerts alerts;
    private final TransactionTemplate transactions;

    PendingRecipients(JdbcClient jdbc, RecipientRows rows, Alerts alerts, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.alerts = alerts;
        this.transactions = transactions;
    }

    /** The alert's written-out recipients, as one pending row again. */
    void putBack(long alert) {
        List<Recipient> recipients = alerts.recipientsFromDatabase(new AlertId(alert));
        transactions.executeWithoutResult(status -> {
            rows.store(new AlertId(alert), recipients);
            jdbc.sql("DELETE FROM alert_recipient WHERE alert_id = ?")
                    .param(alert)
                    .update();
        });
    }

    /** 1 while the alert's recipients are pending, 0 once written out. */
    int rows(long alert) {
        return jdbc.sql("SELECT count(*) FROM alert_recipient_pending WHERE alert_id = ?")
                .param(alert)
                .query(Integer.class)
                .single();
    }
}
