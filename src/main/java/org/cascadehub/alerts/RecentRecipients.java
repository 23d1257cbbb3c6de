package org.cascadehub.alerts;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cascadehub.directory.OrganisationId;
import org.cascadehub.directory.PersonId;
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
    record Reached(Set<PersonId> people, Set<OrganisationId> organisations) {

        /** {@code people} are the recipients' ids, kept as given (an unmodifiable set). */
        static Reached of(Set<PersonId> people, List<Recipient> recipients) {
            Set<OrganisationId> organisations = new HashSet<>();
            recipients.forEach(recipient -> organisations.add(recipient.organisationId()));
            return new Reached(people, Set.copyOf(organisations));
        }
    }

    private final Map<AlertId, List<Recipient>> recent = new LinkedHashMap<>(KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<AlertId, List<Recipient>> eldest) {
            return size() > KEPT;
        }
    };

    /** Given by the publisher, or built from {@link #recent} when first asked; fewer kept. */
    private final Map<AlertId, Reached> reached = new LinkedHashMap<>(REACHED_KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<AlertId, Reached> eldest) {
            return size() > REACHED_KEPT;
        }
    };

    /**
     * Keeps the list, and whom it reached (the publisher's set of their ids, an unmodifiable view it
     * has at hand, so the broadcast right after does not build another), once the current
     * transaction has committed.
     */
    void rememberAfterCommit(AlertId alert, List<Recipient> recipients, Set<PersonId> people) {
        List<Recipient> kept = List.copyOf(recipients);
        Reached reachedNow = Reached.of(people, kept);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                synchronized (recent) {
                    recent.put(alert, kept);
                    reached.put(alert, reachedNow);
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
            recipients.forEach(recipient -> people.add(recipient.personId()));
            Reached built = Reached.of(Collections.unmodifiableSet(people), recipients);
            reached.put(alert, built);
            return Optional.of(built);
        }
    }
}
