package org.cascadehub.reports.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.cascadehub.directory.Viewer;
import org.cascadehub.platform.NotFound;
import org.cascadehub.reports.ReportDrafts;
import org.cascadehub.reports.SavedDraft;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The caller's autosaved report form: kept as they type, gone when they submit or discard it. */
@RestController
@Tag(name = "Reports")
class ReportDraftApi {

    private final ReportDrafts drafts;

    ReportDraftApi(ReportDrafts drafts) {
        this.drafts = drafts;
    }

    @GetMapping("/api/v1/reports/draft")
    @Operation(summary = "Your saved report form (404 when there is none)")
    SavedDraft load(Viewer viewer) {
        return drafts.load(viewer).orElseThrow(() -> new NotFound("You have no report draft."));
    }

    @PutMapping("/api/v1/reports/draft")
    @Operation(summary = "Save your report form as it is now (any JSON object; not checked until you submit)")
    SavedDraft save(Viewer viewer, @RequestBody JsonNode content) {
        return drafts.save(viewer, content);
    }

    @DeleteMapping("/api/v1/reports/draft")
    @Operation(summary = "Discard your report form")
    ResponseEntity<Void> discard(Viewer viewer) {
        drafts.discard(viewer);
        return ResponseEntity.noContent().build();
    }
}
