package org.cascadehub.reports;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cascadehub.alerts.Tlp;
import org.cascadehub.directory.OrganisationId;
import org.cascadehub.directory.PersonId;
import org.cascadehub.directory.SharingGroupId;
import org.cascadehub.directory.SiteId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads {@link Report}s from rows selected with {@link #SELECT} (the report and its sharing in one row). */
@Component
class ReportRows implements RowMapper<Report> {

    /** The report columns and its sharing as arrays; add a WHERE clause over {@code report r}. */
    static final String SELECT = """
            SELECT r.*,
              ARRAY(SELECT organisation_id FROM report_share_organisation WHERE report_id = r.id) AS share_organisations,
              ARRAY(SELECT sharing_group_id FROM report_share_group WHERE report_id = r.id) AS share_groups,
              ARRAY(SELECT person_id FROM report_share_person WHERE report_id = r.id) AS share_people
            FROM report r""";

    static final String COUNT = "SELECT count(*) FROM report r";

    private final JsonMapper json;

    ReportRows(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Report mapRow(ResultSet rs, int rowNum) throws SQLException {
        UUID site = rs.getObject("site_id", UUID.class);
        return new Report(
                new ReportId(rs.getObject("id", UUID.class)),
                ReportType.valueOf(rs.getString("type")),
                instant(rs, "occurred_at"),
                new Report.Point(rs.getDouble("latitude"), rs.getDouble("longitude")),
                site == null ? null : new SiteId(site),
                rs.getString("borough_code"),
                rs.getString("description"),
                json.readValue(rs.getString("people"), new TypeReference<List<InvolvedPerson>>() {}),
                json.readValue(rs.getString("vehicles"), new TypeReference<List<InvolvedVehicle>>() {}),
                rs.getBoolean("immediate_danger"),
                Tlp.valueOf(rs.getString("tlp")),
                new Report.Sharing(
                        ids(rs.getArray("share_organisations"), OrganisationId::new),
                        ids(rs.getArray("share_groups"), SharingGroupId::new),
                        ids(rs.getArray("share_people"), PersonId::new)),
                ReportStatus.valueOf(rs.getString("status")),
                rs.getString("crime_reference"),
                rs.getString("outcome"),
                new PersonId(rs.getObject("reporter_id", UUID.class)),
                rs.getString("reporter_name"),
                new OrganisationId(rs.getObject("organisation_id", UUID.class)),
                rs.getString("organisation_name"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                nullableInstant(rs, "first_response_at"),
                nullableInstant(rs, "closed_at"));
    }

    String write(Object value) {
        return json.writeValueAsString(value);
    }

    private static <T> Set<T> ids(Array array, Function<UUID, T> id) throws SQLException {
        return Arrays.stream((Object[]) array.getArray())
                .map(o -> id.apply((UUID) o))
                .collect(Collectors.toSet());
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }

    static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
