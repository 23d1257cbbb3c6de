package org.cascadehub.delivery;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.cascadehub.alerts.Alert;
import org.cascadehub.alerts.AlertNotices;
import org.cascadehub.alerts.Alerts;
import org.cascadehub.delivery.live.LiveEvent;
import org.cascadehub.delivery.live.ReplaySource;
import org.cascadehub.directory.PersonId;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** What a reconnecting stream missed beyond the in-memory ring: the alerts sent to the person since. */
@Component
class AlertReplay implements ReplaySource {

    static final int REPLAY_LIMIT = 500;

    private final Alerts alerts;
    private final AlertNotices notices;
    private final JsonMapper json;

    AlertReplay(Alerts alerts, AlertNotices notices, JsonMapper json) {
        this.alerts = alerts;
        this.notices = notices;
        this.json = json;
    }

    @Override
    public List<LiveEvent> since(long afterSeq, PersonId person) {
        return alerts.sentSince(person, afterSeq, REPLAY_LIMIT).stream()
                .map(alert -> LiveEvent.replayable(
                        Objects.requireNonNull(alert.seq()), "alert", frame(json, notices, alert), Set.of(person)))
                .toList();
    }

    @Override
    public long highestSeq() {
        return alerts.highestSeq();
    }

    /** The stream's event for an alert: the same bytes live and on replay. */
    static byte[] frame(JsonMapper json, AlertNotices notices, Alert alert) {
        return json.writeValueAsBytes(notices.live(alert));
    }
}
