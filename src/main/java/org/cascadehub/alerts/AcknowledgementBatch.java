package org.cascadehub.alerts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
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
 * Writes many acknowledgements in one transaction: one {@code UPDATE ... FROM unnest(...)} sets
 * those not yet given (the first acknowledgement wins), one {@code AcknowledgementsRecorded} per
 * alert names the new ones, and one {@code SELECT} reads back what is stored for every request,
 * new or repeated.
 */
@Component
class AcknowledgementBatch {

    /** An (alert, person) pair. */
    record Key(long alert, UUID person) {}

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

    /** What is stored for each pair after the batch; pairs that are not a recipient are absent. */
    @Transactional
    Map<Key, Acknowledgement> write(List<Request> batch) {
        // Within a batch too the first acknowledgement of a pair wins.
        Map<Key, Request> first = new LinkedHashMap<>();
        for (Request request : batch) {
            first.putIfAbsent(key(request), request);
        }
        int n = first.size();
        Long[] alerts = new Long[n];
        String[] people = new String[n];
        String[] times = new String[n];
        String[] channels = new String[n];
        int i = 0;
        for (Request request : first.values()) {
            alerts[i] = request.alert().value();
            people[i] = request.person().value().toString();
            times[i] = request.at().toString();
            channels[i] = request.channel();
            i++;
        }
        // an acknowledgement can arrive before the alert's recipients are written out
        rows.expand(Arrays.asList(alerts));
        Set<Key> written = Set.copyOf(jdbc.sql("""
                UPDATE alert_recipient r SET acknowledged_at = v.at, ack_channel = v.channel
                FROM unnest(?::bigint[], ?::uuid[], ?::timestamptz[], ?::text[]) AS v(alert_id, person_id, at, channel)
                WHERE r.alert_id = v.alert_id AND r.person_id = v.person_id AND r.acknowledged_at IS NULL
                RETURNING r.alert_id, r.person_id
                """)
                .params(alerts, people, times, channels)
                .query((rs, row) -> new Key(rs.getLong(1), rs.getObject(2, UUID.class)))
                .list());
        announce(first, written);
        // A separate statement sees what this transaction wrote and what others committed meanwhile.
        Map<Key, Acknowledgement> stored = new HashMap<>();
        jdbc.sql("""
                SELECT r.alert_id, r.person_id, r.acknowledged_at, r.ack_channel
                FROM alert_recipient r JOIN unnest(?::bigint[], ?::uuid[]) AS v(alert_id, person_id)
                  ON r.alert_id = v.alert_id AND r.person_id = v.person_id
                WHERE r.acknowledged_at IS NOT NULL
                """).params(alerts, people).query(rs -> {
            Key key = new Key(rs.getLong(1), rs.getObject(2, UUID.class));
            stored.put(
                    key,
                    new Acknowledgement(
                            new AlertId(key.alert()),
                            new PersonId(key.person()),
                            rs.getTimestamp(3).toInstant(),
                            rs.getString(4)));
        });
        return stored;
    }

    /** One event per alert for the acknowledgements this batch gave first. */
    private void announce(Map<Key, Request> requests, Set<Key> written) {
        Map<Long, List<Acknowledged>> byAlert = new LinkedHashMap<>();
        requests.forEach((key, request) -> {
            if (written.contains(key)) {
                byAlert.computeIfAbsent(key.alert(), a -> new ArrayList<>())
                        .add(new Acknowledged(
                                request.person(),
                                request.at(),
                                request.channel(),
                                request.actor().principal(),
                                request.actor().address()));
            }
        });
        byAlert.forEach((alert, acknowledged) ->
                events.publishEvent(new AcknowledgementsRecorded(new AlertId(alert), acknowledged, Actor.SYSTEM)));
    }
}
