package org.cascadehub.reports;

import java.sql.Timestamp;
import java.time.Instant;
import org.cascadehub.platform.SqlFilter;
import org.jspecify.annotations.Nullable;

/**
 * A search over reports: {@code q} is full text over the description and type, the others narrow
 * it; {@code from} and {@code to} bound when the incidents occurred ({@code to} excluded). Every
 * field may be null.
 */
public record ReportQuery(
        @Nullable String q,
        @Nullable ReportType type,
        @Nullable String borough,
        @Nullable ReportStatus status,
        @Nullable Instant from,
        @Nullable Instant to) {

    public static final ReportQuery ALL = new ReportQuery(null, null, null, null, null, null);

    /** The filters as SQL over {@code report r}, before the policy is added. */
    SqlFilter filter() {
        return new SqlFilter()
                .andIf(SqlFilter.given(q), "r.search @@ websearch_to_tsquery('english', ?)", String.valueOf(q))
                .andIf(type != null, "r.type = ?", type == null ? "" : type.name())
                .andIf(SqlFilter.given(borough), "r.borough_code = ?", String.valueOf(borough))
                .andIf(status != null, "r.status = ?", status == null ? "" : status.name())
                .andIf(from != null, "r.occurred_at >= ?", from == null ? "" : Timestamp.from(from))
                .andIf(to != null, "r.occurred_at < ?", to == null ? "" : Timestamp.from(to));
    }
}
