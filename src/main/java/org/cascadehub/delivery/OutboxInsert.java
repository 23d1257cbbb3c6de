package org.cascadehub.delivery;

import java.sql.Types;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Queues many outbox rows with few statements, {@code INSERT ... VALUES (...), (...) ON CONFLICT
 * (dedupe_key) DO NOTHING}, in chunks well under PostgreSQL's limit of 65,535 parameters. A row
 * whose dedupe key is already there (from an earlier run, or earlier in the same list) is skipped.
 */
final class OutboxInsert {

    private static final int MAX_PARAMETERS = 32_000;
    private static final int MAX_ROWS = 1_000;

    private final JdbcTemplate jdbc;
    private final String table;
    private final List<String> columns;

    /** {@code table} and {@code columns} are the caller's constants, never input. */
    OutboxInsert(JdbcTemplate jdbc, String table, List<String> columns) {
        this.jdbc = jdbc;
        this.table = table;
        this.columns = List.copyOf(columns);
    }

    /** Inserts the rows, each an array of values in the columns' order; answers how many were new. */
    int rows(List<@Nullable Object[]> rows) {
        int perStatement = Math.clamp(MAX_PARAMETERS / columns.size(), 1, MAX_ROWS);
        String head = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ";
        String row = "(" + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
        int inserted = 0;
        for (int from = 0; from < rows.size(); from += perStatement) {
            List<@Nullable Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + perStatement));
            String sql = head + String.join(", ", Collections.nCopies(chunk.size(), row))
                    + " ON CONFLICT (dedupe_key) DO NOTHING";
            inserted += jdbc.update(sql, statement -> {
                int index = 1;
                for (@Nullable Object[] values : chunk) {
                    if (values.length != columns.size()) {
                        throw new IllegalArgumentException(
                                table + ": a row has " + values.length + " values for " + columns.size() + " columns");
                    }
                    for (@Nullable Object value : values) {
                        if (value == null) {
                            statement.setNull(index++, Types.NULL);
                        } else {
                            statement.setObject(index++, value);
                        }
                    }
                }
            });
        }
        return inserted;
    }

    /** A dedupe key is a caller's own identifier for a message, such as {@code alert:42:person:7}. */
    static @Nullable String checkedKey(@Nullable String dedupeKey) {
        if (dedupeKey != null && (dedupeKey.isBlank() || dedupeKey.length() > 200)) {
            throw new IllegalArgumentException("a dedupe key has 1 to 200 characters");
        }
        return dedupeKey;
    }
}
