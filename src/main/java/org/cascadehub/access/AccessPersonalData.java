package org.cascadehub.access;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.cascadehub.platform.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What access holds about a person: dates and labels, never the password hash, key or tokens. */
@Component
class AccessPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    AccessPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "access";
    }

    @Override
    public Object about(UUID personId, String email) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put(
                "password",
                jdbc.sql("SELECT password_changed_at, totp_enrolled_at AS two_factor_enrolled_at "
                                + "FROM credential WHERE person_id = ?")
                        .param(personId)
                        .query()
                        .listOfRows());
        data.put(
                "apiTokens",
                jdbc.sql("SELECT id, label, created_at, expires_at, last_used_at, revoked_at "
                                + "FROM api_token WHERE person_id = ? ORDER BY created_at")
                        .param(personId)
                        .query()
                        .listOfRows());
        data.put(
                "passwordLinks",
                jdbc.sql("SELECT created_at, expires_at, used_at FROM password_setup "
                                + "WHERE person_id = ? ORDER BY created_at")
                        .param(personId)
                        .query()
                        .listOfRows());
        return data;
    }
}
