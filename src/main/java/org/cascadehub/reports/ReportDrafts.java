package org.cascadehub.reports;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.cascadehub.directory.Viewer;
import org.cascadehub.platform.InvalidInput;
import org.cascadehub.platform.NotAllowed;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each person's autosaved report form, kept as they type (any JSON the form sends, not checked: a
 * half-written report is allowed to be wrong). It goes only when they submit or discard it.
 */
@Service
public class ReportDrafts {

    /** Generous for a form of text fields; far below what would burden the database. */
    static final int MAX_CHARS = 200_000;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    ReportDrafts(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public SavedDraft save(Viewer viewer, JsonNode content) {
        requireMember(viewer);
        if (!content.isObject()) {
            throw InvalidInput.of("draft", "A draft is a JSON object of the form's fields");
        }
        String text = json.writeValueAsString(content);
        if (text.length() > MAX_CHARS) {
            throw InvalidInput.of("draft", "The draft is too long to keep (at most " + MAX_CHARS + " characters)");
        }
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO report_draft (person_id, content, updated_at) VALUES (?, ?::jsonb, ?)
                ON CONFLICT (person_id) DO UPDATE SET content = excluded.content, updated_at = excluded.updated_at
                """)
                .params(viewer.personId().value(), text, Timestamp.from(now))
                .update();
        return new SavedDraft(content, now);
    }

    @Transactional(readOnly = true)
    public Optional<SavedDraft> load(Viewer viewer) {
        requireMember(viewer);
        return jdbc.sql("SELECT content, updated_at FROM report_draft WHERE person_id = ?")
                .param(viewer.personId().value())
                .query((rs, n) ->
                        new SavedDraft(json.readTree(rs.getString("content")), ReportRows.instant(rs, "updated_at")))
                .optional();
    }

    @Transactional
    public void discard(Viewer viewer) {
        requireMember(viewer);
        jdbc.sql("DELETE FROM report_draft WHERE person_id = ?")
                .param(viewer.personId().value())
                .update();
    }

    private static void requireMember(Viewer viewer) {
        if (!viewer.vettedMember()) {
            throw new NotAllowed("Only members of vetted organisations can report.");
        }
    }
}
