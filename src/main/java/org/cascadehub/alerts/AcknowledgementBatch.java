package org.cascadehub.alerts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.cascadehub.alerts.AcknowledgementWriter.Request;
import org.cascadehub.alerts.Acknowledgements.Acknowledgement;
import org.cascadehub.alerts.AlertEvents.Acknowledged;
import org.cascadehub.alerts.AlertEvents.AcknowledgementsRecorded;
import org.cascadehub.directory.PersonId;
import org.cascadehub.platform.Actor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes many acknowledgements in one transaction. Per alert in the batch: its status, read once
 * (a cancelled or expired alert takes no more acknowledgements); one call of {@code
 * alert_recipient_acknowledge}, which updates the recipients' rows not yet acknowledged (the first
 * acknowledgement wins), each found by its primary key; one {@code
 * AcknowledgementsRecorded} naming the new ones; and, only for requests that wrote nothing (a
 * repeat, or not a recipient), one {@code SELECT} of what is stored. What was written is answered
 * from the request itself, not read back.
 */
@Component
class AcknowledgementBatch {

    /** An (alert, person) pair. */
    record Key(long alert, UUID person) {}

    /**
     * What is stored for each pair after the batch (pairs that are not a recipient, or not
     * acknowledged, are absent) and the batch's alerts that take no more acknowledgements.
     */
    record Written(Map<Key, Acknowledgement> stored, Map<AlertId, AlertStatus> closed) {}

    /**
     * Sets the acknowledgements not yet given (alert, people, times, channels); answers whose it
     * set: a function ({@code V16}) updating each row by its primary key, so that the cost is linear
     * in the batch whatever the planner's estimates. A single {@code UPDATE ... FROM unnest(...)}
     * was planned, once prepared, as a nested loop comparing every row of the alert with every
     * person of the batch (docs/performance.md, "Session 5: acknowledgements").
     */
    static final String ACKNOWLEDGE =
            "SELECT * FROM alert_recipient_acknowledge(?, ?::uuid[], ?::timestamptz[], ?::text[])";

    private final JdbcClient jdbc;
    private final RecipientRows rows;
    private final ApplicationEventPublisher events;

    AcknowledgementBatch(JdbcClient jdbc, RecipientRows rows, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.events = events;
    }

    static Key key(Request request) {
        return new Key(request.alert().value(), request.person().value());
    }

    @Transactional
    Written write(List<Request> batch) {
        // Within a batch too the first acknowledgement of a pair wins.
        Map<AlertId, Map<PersonId, Request>> byAlert = new LinkedHashMap<>();
        for (Request request : batch) {
            byAlert.computeIfAbsent(request.alert(), a -> new LinkedHashMap<>()).putIfAbsent(request.person(), request);
        }
        // an acknowledgement can arrive before its alert's recipients are written out
        rows.expand(byAlert.keySet().stream().map(AlertId::value).toList());
        Map<AlertId, AlertStatus> statuses = statuses(byAlert.keySet());
        Map<Key, Acknowledgement> stored = new HashMap<>();
        Map<AlertId, AlertStatus> closed = new HashMap<>();
        byAlert.forEach((alert, requests) -> {
            AlertStatus status = statuses.get(alert);
            List<Request> unwritten = new ArrayList<>(requests.values());
            if (status != null && status.closed()) {
                closed.put(alert, status);
            } else if (status != null) {
                Set<PersonId> written = update(alert, requests.values());
                List<Acknowledged> given = new ArrayList<>(written.size());
                for (Request request : requests.values()) {
                    if (!written.contains(request.person())) {
                        continue;
                    }
                    stored.put(key(request), acknowledgement(request));
                    given.add(new Acknowledged(
                            request.person(),
                            request.at(),
                            request.channel(),
                            request.actor().principal(),
                            request.actor().address()));
                }
                if (!given.isEmpty()) {
                    events.publishEvent(new AcknowledgementsRecorded(alert, given, Actor.SYSTEM));
                }
                unwritten.removeIf(request -> written.contains(request.person()));
            }
            if (!unwritten.isEmpty()) {
                readStored(alert, unwritten, stored);
            }
        });
        return new Written(stored, closed);
    }

    private Map<AlertId, AlertStatus> statuses(Set<AlertId> alerts) {
        Map<AlertId, AlertStatus> statuses = new HashMap<>();
        jdbc.sql("SELECT id, status FROM alert WHERE id = ANY(?)")
                .param(alerts.stream().map(AlertId::value).toArray(Long[]::new))
                .query(rs -> {
                    statuses.put(new AlertId(rs.getLong(1)), AlertStatus.valueOf(rs.getString(2)));
                });
        return statuses;
    }

    /** Sets the acknowledgements not yet given; answers whose it set. */
    private Set<PersonId> update(AlertId alert, Collection<Request> requests) {
        int n = requests.size();
        String[] people = new String[n];
        String[] times = new String[n];
        String[] channels = new String[n];
        int i = 0;
        for (Request request : requests) {
            people[i] = request.person().value().toString();
            times[i] = request.at().toString();
            channels[i] = request.channel();
            i++;
        }
        return new HashSet<>(jdbc.sql(ACKNOWLEDGE)
                .params(alert.value(), people, times, channels)
                .query((rs, row) -> new PersonId(rs.getObject(1, UUID.class)))
                .list());
    }

    /** What is stored for requests that wrote nothing: an earlier acknowledgement, or nothing. */
    private void readStored(AlertId alert, List<Request> requests, Map<Key, Acknowledgement> stored) {
        String[] people =
                requests.stream().map(r -> r.person().value().toString()).toArray(String[]::new);
        jdbc.sql("""
                SELECT person_id, acknowledged_at, ack_channel FROM alert_recipient
                WHERE alert_id = ? AND person_id = ANY(?::uuid[]) AND acknowledged_at IS NOT NULL
                """).params(alert.value(), people).query(rs -> {
            PersonId person = new PersonId(rs.getObject(1, UUID.class));
            stored.put(
                    new Key(alert.value(), person.value()),
                    new Acknowledgement(alert, person, rs.getTimestamp(2).toInstant(), rs.getString(3)));
        });
    }

    private static Acknowledgement acknowledgement(Request request) {
        return new Acknowledgement(request.alert(), request.person(), request.at(), request.channel());
    }
}
