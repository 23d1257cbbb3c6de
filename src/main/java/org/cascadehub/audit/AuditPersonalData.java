package org.cascadehub.audit;

import java.util.UUID;
import org.cascadehub.platform.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The audit entries a person caused or that name them. */
@Component
class AuditPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    AuditPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "audit";
    }

    @Override
    public Object about(UUID personId, String email) {
        return jdbc.sql("""
                SELECT seq, at, actor, address, action, detail FROM audit_entry
                WHERE lower(actor) = lower(?) OR detail LIKE ? ORDER BY seq
                """).params(email, "%" + personId + "%").query().listOfRows();
    }
}
