package org.cascadehub.directory.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import java.util.UUID;
import org.cascadehub.directory.People;
import org.cascadehub.directory.Person;
import org.cascadehub.directory.PersonDetails;
import org.cascadehub.directory.PersonId;
import org.cascadehub.directory.Site;
import org.cascadehub.directory.SiteDetails;
import org.cascadehub.directory.SiteId;
import org.cascadehub.directory.Sites;
import org.cascadehub.directory.SubjectAccess;
import org.cascadehub.directory.Viewer;
import org.cascadehub.platform.Page;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** People and sites by their own ids. */
@RestController
@Tag(name = "Directory: people and sites")
class PeopleApi {

    private final People people;
    private final Sites sites;
    private final SubjectAccess subjectAccess;

    PeopleApi(People people, Sites sites, SubjectAccess subjectAccess) {
        this.people = people;
        this.sites = sites;
        this.subjectAccess = subjectAccess;
    }

    @GetMapping("/api/v1/people")
    @Operation(summary = "Find people by name or email", description = "Only people the caller may see.")
    Page<Person> search(
            Viewer viewer,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "25") int size) {
        return people.search(viewer, q, Page.number(page), Math.clamp(size, 1, 200));
    }

    @GetMapping("/api/v1/people/{id}")
    Person get(Viewer viewer, @PathVariable UUID id) {
        return people.require(viewer, new PersonId(id));
    }

    @PutMapping("/api/v1/people/{id}")
    @Operation(summary = "Change a person (their security manager, administrators)")
    Person update(Viewer viewer, @PathVariable UUID id, @RequestBody PersonDetails details) {
        return people.update(viewer, new PersonId(id), details);
    }

    @PostMapping("/api/v1/people/{id}/suspend")
    ResponseEntity<Void> suspend(Viewer viewer, @PathVariable UUID id) {
        people.setSuspended(viewer, new PersonId(id), true);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/people/{id}/reactivate")
    ResponseEntity<Void> reactivate(Viewer viewer, @PathVariable UUID id) {
        people.setSuspended(viewer, new PersonId(id), false);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/people/{id}/export")
    @Operation(
            summary = "Everything the hub holds about a person (subject access)",
            description = "The person themselves or an administrator. The export is audited.")
    ResponseEntity<Map<String, Object>> export(Viewer viewer, @PathVariable UUID id) {
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"cascade-personal-data-" + id + ".json\"")
                .body(subjectAccess.export(viewer, new PersonId(id)));
    }

    @PostMapping("/api/v1/people/{id}/erase")
    @Operation(
            summary = "Erase a person (administrators)",
            description = "Their details become a tombstone; sign-in, tokens and links end. Audit entries stay.")
    ResponseEntity<Void> erase(Viewer viewer, @PathVariable UUID id) {
        people.erase(viewer, new PersonId(id));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/sites/{id}")
    Site site(Viewer viewer, @PathVariable UUID id) {
        return sites.require(viewer, new SiteId(id));
    }

    @PutMapping("/api/v1/sites/{id}")
    @Operation(summary = "Change or move a site (its organisation's security manager, administrators)")
    Site updateSite(Viewer viewer, @PathVariable UUID id, @RequestBody SiteDetails details) {
        return sites.update(viewer, new SiteId(id), details);
    }

    @DeleteMapping("/api/v1/sites/{id}")
    ResponseEntity<Void> removeSite(Viewer viewer, @PathVariable UUID id) {
        sites.remove(viewer, new SiteId(id));
        return ResponseEntity.noContent().build();
    }
}
