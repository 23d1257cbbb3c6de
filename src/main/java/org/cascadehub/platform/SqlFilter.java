package org.cascadehub.platform;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The WHERE clause of a search, built from optional filters with bound parameters (never string
 * concatenation of values), and the count-then-page query every paginated search runs.
 */
public final class SqlFilter {

    private final List<String> conditions = new ArrayList<>();
    private final List<Object> params = new ArrayList<>();

    /** Adds a condition with its parameter values. */
    public SqlFilter and(String condition, Object... values) {
        conditions.add(condition);
        Collections.addAll(params, values);
        return this;
    }

    /** Adds the condition only when the filter was given. */
    public SqlFilter andIf(boolean given, String condition, Object... values) {
        return given ? and(condition, values) : this;
    }

    /** The bound values, in the order of the clause's placeholders. */
    public List<Object> params() {
        return Collections.unmodifiableList(params);
    }

    public String clause() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    /**
     * One page of {@code select + clause + orderBy}, with the total from {@code countFrom + clause}.
     *
     * @param countFrom e.g. {@code "SELECT count(*) FROM organisation o"}
     * @param select the row query without WHERE, ORDER BY or LIMIT
     * @param orderBy e.g. {@code " ORDER BY lower(o.name), o.id"}: end with a unique key so pages are stable
     */
    public <T> Page<T> page(
            JdbcClient jdbc, String countFrom, String select, String orderBy, int page, int size, RowMapper<T> mapper) {
        long total =
                jdbc.sql(countFrom + clause()).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) (page - 1) * size);
        List<T> items = jdbc.sql(select + clause() + orderBy + " LIMIT ? OFFSET ?")
                .params(pageParams)
                .query(mapper)
                .list();
        return new Page<>(items, page, size, total);
    }

    /** A case-insensitive "contains" pattern for ILIKE, with the pattern's own characters escaped. */
    public static String contains(String text) {
        return "%" + text.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    public static boolean given(@Nullable String text) {
        return text != null && !text.isBlank();
    }
}
