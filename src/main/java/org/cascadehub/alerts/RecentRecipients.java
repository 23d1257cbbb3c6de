package org.cascadehub.alerts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The recipients of the last few published alerts, kept from publication so that the listeners
 * sending them (live stream, email, SMS, webhooks) do not each read the same thousands of rows back.
 * Recipients never change once published; an entry is kept only after its transaction commits.
 */
@Component
class RecentRecipients {

    static final int KEPT = 32;

    private final Map<AlertId, List<Recipient>> recent = new LinkedHashMap<>(KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<AlertId, List<Recipient>> eldest) {
            return size() > KEPT;
        }
    };

    /** Keeps the list once the current transaction has committed. */
    void rememberAfterCommit(AlertId alert, List<Recipient> recipients) {
        List<Recipient> kept = List.copyOf(recipients);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                synchronized (recent) {
                    recent.put(alert, kept);
                }
            }
        });
    }

    Optional<List<Recipient>> of(AlertId alert) {
        synchronized (recent) {
            return Optional.ofNullable(recent.get(alert));
        }
    }
}
