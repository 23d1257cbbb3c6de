package org.cascadehub.alerts;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cascadehub.directory.OrganisationId;
import org.cascadehub.directory.PersonId;
import org.jspecify.annotations.Nullable;
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

    /** About 1 MB for an alert to 19,000 people. */
    static final int REACHED_KEPT = 8;

    /** The people and organisations an alert reached, for asking whether one of them was. */
    record Reached(Set<PersonId> people, Set<OrganisationId> organisations) {}

    private final Map<AlertId, List<Recipient>> recent = new LinkedHashMap<>(KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<AlertId, List<Recipient>> eldest) {
            return size() > KEPT;
        }
    };

    /** Built from {@link #recent} when first asked (not at publication, which is the hot path), fewer kept. */
    private final Map<AlertId, Reached> reached = new LinkedHashMap<>(REACHED_KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<AlertId, Reached> eldest) {
            return size() > REACHED_KEPT;
        }
    };

    /**
     * Keeps the list, and whom it reached when the publisher has that at hand (so the broadcast
     * right after does not build it again), once the current transaction has committed.
     */
    void rememberAfterCommit(AlertId alert, List<Recipient> recipients, @Nullable Reached people) {
        List<Recipient> kept = List.copyOf(recipients);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                synchronized (recent) {
                    recent.put(alert, kept);
                    if (people != null) {
                        reached.put(alert, people);
                    }
                }
            }
        });
    }

    Optional<List<Recipient>> of(AlertId alert) {
        synchronized (recent) {
            return Optional.ofNullable(recent.get(alert));
        }
    }

    /** Whom a recently published alert reached; empty if it is not kept here. */
    Optional<Reached> reached(AlertId alert) {
        synchronized (recent) {
            Reached known = reached.get(alert);
            if (known != null) {
                return Optional.of(known);
            }
            List<Recipient> recipients = recent.get(alert);
            if (recipients == null) {
                return Optional.empty();
            }
            Set<PersonId> people = HashSet.newHashSet(recipients.size());
            Set<OrganisationId> organisations = new HashSet<>();
            for (Recipient recipient : recipients) {
                people.add(recipient.personId());
                organisations.add(recipient.organisationId());
            }
            Reached built = new Reached(Set.copyOf(people), Set.copyOf(organisations));
            reached.put(alert, built);
            return Optional.of(built);
        }
    }
}
