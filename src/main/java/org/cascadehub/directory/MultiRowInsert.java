package org.cascadehub.directory;

import java.sql.Types;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Inserts many rows with few statements: {@code INSERT ... VALUES (...), (...), ...}, up to a
 * thousand rows each and well under PostgreSQL's limit of 65,535 parameters.
 */
final class MultiRowInsert {

    private static final int MAX_PARAMETERS = 32_000;

    /** Larger statements were no faster here: the time goes on index and foreign-key upkeep. */
    private static final int MAX_ROWS = 1_000;

    private final JdbcTemplate jdbc;

    MultiRowInsert(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the rows, each an array of values in the columns' order; answers how many. */
    int into(String table, List<String> columns, List<@Nullable Object[]> rows) {
        int perStatement = Math.clamp(MAX_PARAMETERS / columns.size(), 1, MAX_ROWS);
        String head = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ";
        String row = "(" + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
        for (int from = 0; from < rows.size(); from += perStatement) {
            List<@Nullable Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + perStatement));
            String sql = head + String.join(", ", Collections.nCopies(chunk.size(), row));
            jdbc.update(sql, statement -> {
                int index = 1;
                for (@Nullable Object[] values : chunk) {
                    if (values.length != columns.size()) {
                        throw new IllegalArgumentException(
                                table + ": a row has " + values.length + " values for " + columns.size() + " columns");
                    }
                    for (@Nullable Object value : values) {
                        if (value == null) {
                            // Unspecified type: PostgreSQL takes the column's.
                            statement.setNull(index++, Types.NULL);
                        } else {
                            statement.setObject(index++, value);
                        }
                    }
                }
            });
        }
        return rows.size();
    }
}
