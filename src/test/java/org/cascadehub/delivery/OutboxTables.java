package org.cascadehub.delivery;

import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** For the outbox retention and erasure tests: which of some rows a table still holds. */
final class OutboxTables {

    private OutboxTables() {}

    /** Those of {@code ids} still in {@code table}, in id order. */
    static List<Long> remaining(JdbcClient jdbc, String table, long... ids) {
        return jdbc.sql("SELECT id FROM " + table + " WHERE id = ANY (?) ORDER BY id")
                .param(Arrays.stream(ids).boxed().toArray(Long[]::new))
                .query(Long.class)
                .list();
    }
}
