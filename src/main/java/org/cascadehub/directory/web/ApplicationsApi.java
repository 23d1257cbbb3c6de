package org.cascadehub.directory.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cascadehub.directory.MembershipApplication;
import org.cascadehub.directory.MembershipApplications;
import org.cascadehub.directory.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Membership applications: anyone applies; administrators and sector leads vet. */
@RestController
@Tag(name = "Directory: membership applications")
class ApplicationsApi {

    private final MembershipApplications applications;

    ApplicationsApi(MembershipApplications applications) {
        this.applications = applications;
    }

    @PostMapping("/api/v1/applications")
    @Operation(summary = "Apply for an organisation to join (no sign-in needed)")
    ResponseEntity<Map<String, UUID>> apply(@RequestBody MembershipApplications.Application application) {
        UUID id = applications.apply(application);
        return ResponseEntity.created(URI.create("/api/v1/applications/" + id)).body(Map.of("id", id));
    }

    @GetMapping("/api/v1/applications")
    @Operation(summary = "Open applications the caller may vet")
    List<MembershipApplication> open(Viewer viewer) {
        return applications.openFor(viewer);
    }

    @GetMapping("/api/v1/applications/{id}")
    MembershipApplication get(Viewer viewer, @PathVariable UUID id) {
        return applications.require(viewer, id);
    }

    @PostMapping("/api/v1/applications/{id}/approve")
    ResponseEntity<Void> approve(Viewer viewer, @PathVariable UUID id) {
        applications.approve(viewer, id);
        return ResponseEntity.noContent().build();
    }

    record Rejection(@Nullable String reason) {}

    @PostMapping("/api/v1/applications/{id}/reject")
    ResponseEntity<Void> reject(Viewer viewer, @PathVariable UUID id, @RequestBody Rejection rejection) {
        applications.reject(viewer, id, rejection.reason());
        return ResponseEntity.noContent().build();
    }
}
