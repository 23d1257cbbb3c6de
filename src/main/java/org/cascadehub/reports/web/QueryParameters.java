package org.cascadehub.reports.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cascadehub.platform.InvalidInput;
import org.cascadehub.platform.NotFound;
import org.cascadehub.platform.SqlFilter;
import org.cascadehub.reports.ReportId;
import org.cascadehub.reports.ReportQuery;
import org.cascadehub.reports.ReportStatus;
import org.cascadehub.reports.ReportType;
import org.jspecify.annotations.Nullable;

/** Reads the API's query parameters, naming each one it refuses. */
final class QueryParameters {

    private QueryParameters() {}

    /** A report id from a path; anything else is a report that does not exist. */
    static ReportId reportId(String text) {
        return ReportId.parse(text).orElseThrow(() -> new NotFound("There is no report " + text + "."));
    }

    static ReportQuery query(
            @Nullable String q,
            @Nullable String type,
            @Nullable String borough,
            @Nullable String status,
            @Nullable String from,
            @Nullable String to) {
        InvalidInput.Collector problems = new InvalidInput.Collector();
        ReportType parsedType = !SqlFilter.given(type)
                ? null
                : problems.attempt(() -> ReportType.parse(type)
                        .orElseThrow(
                                () -> InvalidInput.of("type", "Use one of " + Arrays.toString(ReportType.values()))));
        ReportStatus parsedStatus = !SqlFilter.given(status) ? null : problems.attempt(() -> status("status", status));
        Instant fromInstant = problems.attempt(() -> instant("from", from));
        Instant toInstant = problems.attempt(() -> instant("to", to));
        if (q != null && q.length() > 200) {
            problems.add("q", "Search for at most 200 characters");
        }
        problems.throwIfAny();
        return new ReportQuery(
                SqlFilter.given(q) ? q.strip() : null,
                parsedType,
                SqlFilter.given(borough) ? borough.strip().toLowerCase(java.util.Locale.ROOT) : null,
                parsedStatus,
                fromInstant,
                toInstant);
    }

    static List<ReportStatus> statuses(@Nullable List<String> texts) {
        List<ReportStatus> statuses = new ArrayList<>();
        if (texts != null) {
            InvalidInput.Collector problems = new InvalidInput.Collector();
            for (String text : texts) {
                ReportStatus parsed = problems.attempt(() -> status("status", text));
                if (parsed != null) {
                    statuses.add(parsed);
                }
            }
            problems.throwIfAny();
        }
        return statuses;
    }

    private static ReportStatus status(String field, String text) {
        return ReportStatus.parse(text)
                .orElseThrow(() -> InvalidInput.of(field, "Use one of " + Arrays.toString(ReportStatus.values())));
    }

    static @Nullable Instant instant(String field, @Nullable String text) {
        if (!SqlFilter.given(text)) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException notAnInstant) {
            throw InvalidInput.of(field, "Give an ISO-8601 instant such as 2026-03-01T00:00:00Z");
        }
    }
}
