package org.cascadehub.delivery;

import java.util.UUID;
import org.cascadehub.platform.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The emails sent (or waiting) to a person's address. */
@Component
class DeliveryPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    DeliveryPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "emails";
    }

    @Override
    public Object about(UUID personId, String email) {
        return jdbc.sql("""
                SELECT created_at, subject, body, status, sent_at FROM outbound_email_composed
                WHERE lower(recipient) = lower(?) ORDER BY id
                """).param(email).query().listOfRows();
    }
}
