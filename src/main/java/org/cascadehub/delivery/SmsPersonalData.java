package org.cascadehub.delivery;

import java.util.List;
import java.util.UUID;
import org.cascadehub.directory.People;
import org.cascadehub.directory.Person;
import org.cascadehub.directory.PersonId;
import org.cascadehub.platform.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The text messages sent (or waiting) to a person's phone number. */
@Component
class SmsPersonalData implements PersonalData {

    private final JdbcClient jdbc;
    private final People people;

    SmsPersonalData(JdbcClient jdbc, People people) {
        this.jdbc = jdbc;
        this.people = people;
    }

    @Override
    public String section() {
        return "sms";
    }

    @Override
    public Object about(UUID personId, String email) {
        String phone = people.find(new PersonId(personId)).map(Person::phone).orElse(null);
        if (phone == null) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT created_at, text, status, sent_at FROM outbound_sms WHERE recipient = ? ORDER BY id
                """).param(phone).query().listOfRows();
    }
}
