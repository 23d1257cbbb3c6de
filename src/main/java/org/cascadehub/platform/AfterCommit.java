package org.cascadehub.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs in-memory work once the current transaction has committed, or at once outside a transaction.
 * For listeners whose effect lives only in this process (a cache eviction, a live broadcast): Spring
 * Modulith writes an event publication row for every {@code @TransactionalEventListener}, which such
 * work does not need and which the publishing thread would pay for.
 */
public final class AfterCommit {

    private static final Logger log = LoggerFactory.getLogger(AfterCommit.class);

    private AfterCommit() {}

    public static void run(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    return;
                }
                try {
                    action.run();
                } catch (RuntimeException e) {
                    // The commit stands; only the in-memory follow-up failed, as a listener's would.
                    log.error("Work after a commit failed", e);
                }
            }
        });
    }
}
