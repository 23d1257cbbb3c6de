package org.cascadehub.directory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.cascadehub.platform.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The directory's own part of a subject access export, beyond the person record itself. */
@Component
class DirectoryPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    DirectoryPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "directory";
    }

    @Override
    public Object about(UUID personId, String email) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put(
                "record",
                jdbc.sql("SELECT created_at, status, erased_at FROM person WHERE id = ?")
                        .param(personId)
                        .query()
                        .singleRow());
        data.put("membershipApplications", jdbc.sql("""
                SELECT a.submitted_at, o.name AS organisation, a.message, a.decision, a.reason, a.decided_at
                FROM membership_application a JOIN organisation o ON o.id = a.organisation_id
                WHERE a.applicant_person_id = ? ORDER BY a.submitted_at
                """).param(personId).query().listOfRows());
        return data;
    }
}
