package org.cascadehub.alerts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.cascadehub.alerts.cap.CapCategory;
import org.cascadehub.alerts.cap.CapCertainty;
import org.cascadehub.alerts.cap.CapMsgType;
import org.cascadehub.alerts.cap.CapResponseType;
import org.cascadehub.alerts.cap.CapSeverity;
import org.cascadehub.alerts.cap.CapUrgency;
import org.cascadehub.directory.OrganisationId;
import org.cascadehub.directory.PersonId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes the {@code alert} table's JSON columns and maps its rows. */
@Component
class AlertRows implements RowMapper<Alert> {

    private final JsonMapper json;

    AlertRows(JsonMapper json) {
        this.json = json;
    }

    String areaJson(Area area) {
        return json.writeValueAsString(area);
    }

    String audienceJson(Audience audience) {
        return json.writeValueAsString(audience);
    }

    @Override
    public Alert mapRow(ResultSet rs, int rowNum) throws SQLException {
        String responseType = rs.getString("response_type");
        AlertContent content = new AlertContent(
                rs.getString("headline"),
                rs.getString("event"),
                rs.getString("description"),
                rs.getString("instruction"),
                CapCategory.valueOf(rs.getString("category")),
                CapUrgency.valueOf(rs.getString("urgency")),
                CapSeverity.valueOf(rs.getString("severity")),
                CapCertainty.valueOf(rs.getString("certainty")),
                responseType == null ? null : CapResponseType.valueOf(responseType),
                Tlp.valueOf(rs.getString("tlp")),
                json.readValue(rs.getString("area"), Area.class),
                rs.getString("area_description"),
                json.readValue(rs.getString("audience"), Audience.class),
                instant(rs, "expires_at"));
        long seq = rs.getLong("seq");
        Long seqOrNull = rs.wasNull() ? null : seq;
        int count = rs.getInt("recipient_count");
        Integer countOrNull = rs.wasNull() ? null : count;
        return new Alert(
                new AlertId(rs.getLong("id")),
                new AlertId(rs.getLong("thread_id")),
                alertId(rs, "references_id"),
                alertId(rs, "forwarded_from"),
                CapMsgType.valueOf(rs.getString("msg_type")),
                AlertStatus.valueOf(rs.getString("status")),
                content,
                rs.getString("note"),
                new PersonId(rs.getObject("author_id", UUID.class)),
                rs.getString("author_name"),
                new OrganisationId(rs.getObject("organisation_id", UUID.class)),
                rs.getString("sender_name"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                nullableInstant(rs, "submitted_at"),
                rs.getObject("decided_by") == null ? null : new PersonId(rs.getObject("decided_by", UUID.class)),
                rs.getString("decided_by_name"),
                nullableInstant(rs, "decided_at"),
                rs.getString("rejection_reason"),
                seqOrNull,
                rs.getString("identifier"),
                nullableInstant(rs, "published_at"),
                countOrNull);
    }

    private static @Nullable AlertId alertId(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : new AlertId(value);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }

    static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
