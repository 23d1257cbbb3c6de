package org.cascadehub.directory.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.cascadehub.directory.Borough;
import org.cascadehub.directory.Boroughs;
import org.cascadehub.directory.DirectoryPolicy;
import org.cascadehub.directory.OrganisationId;
import org.cascadehub.directory.Sector;
import org.cascadehub.directory.Sectors;
import org.cascadehub.directory.SharingGroup;
import org.cascadehub.directory.SharingGroupId;
import org.cascadehub.directory.SharingGroups;
import org.cascadehub.directory.Viewer;
import org.cascadehub.platform.NotAllowed;
import org.cascadehub.platform.NotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Boroughs, sectors and sharing groups. */
@RestController
@Tag(name = "Directory: boroughs, sectors, sharing groups")
class ReferenceApi {

    private final Boroughs boroughs;
    private final Sectors sectors;
    private final SharingGroups sharingGroups;

    ReferenceApi(Boroughs boroughs, Sectors sectors, SharingGroups sharingGroups) {
        this.boroughs = boroughs;
        this.sectors = sectors;
        this.sharingGroups = sharingGroups;
    }

    @GetMapping("/api/v1/boroughs")
    List<Borough> boroughs() {
        return boroughs.all();
    }

    @GetMapping(value = "/api/v1/boroughs/geojson", produces = "application/geo+json")
    @Operation(summary = "The boroughs' outlines as GeoJSON, for maps")
    String geoJson() {
        return boroughs.geoJson();
    }

    @GetMapping("/api/v1/boroughs/locate")
    @Operation(summary = "The borough a point lies in")
    Borough locate(@RequestParam double lat, @RequestParam double lon) {
        return boroughs.containing(lat, lon)
                .orElseThrow(() -> new NotFound("The point " + lat + ", " + lon + " is outside every borough."));
    }

    @GetMapping("/api/v1/sectors")
    List<Sector> sectors() {
        return sectors.all();
    }

    record SectorRequest(@Nullable String name, @Nullable Boolean active) {}

    @PostMapping("/api/v1/sectors")
    @Operation(summary = "Add a sector (administrators)")
    ResponseEntity<Sector> addSector(Viewer viewer, @RequestBody SectorRequest request) {
        requireAdministrator(viewer);
        Sector sector = sectors.add(request.name() == null ? "" : request.name());
        return ResponseEntity.created(URI.create("/api/v1/sectors/" + sector.code()))
                .body(sector);
    }

    @PutMapping("/api/v1/sectors/{code}")
    @Operation(summary = "Rename a sector or take it out of use (administrators)")
    Sector updateSector(Viewer viewer, @PathVariable String code, @RequestBody SectorRequest request) {
        requireAdministrator(viewer);
        return sectors.update(
                code, request.name() == null ? "" : request.name(), request.active() == null || request.active());
    }

    @GetMapping(value = "/api/v1/sharing-groups", produces = MediaType.APPLICATION_JSON_VALUE)
    List<SharingGroup> sharingGroups() {
        return sharingGroups.all();
    }

    record SharingGroupRequest(
            @Nullable String name,
            @Nullable String description,
            @Nullable List<UUID> members) {
        List<OrganisationId> organisations() {
            return members == null
                    ? List.of()
                    : members.stream().map(OrganisationId::new).toList();
        }
    }

    @PostMapping("/api/v1/sharing-groups")
    @Operation(summary = "Create a sharing group (administrators)")
    ResponseEntity<SharingGroup> createGroup(Viewer viewer, @RequestBody SharingGroupRequest request) {
        SharingGroupId id = sharingGroups.create(
                viewer, request.name() == null ? "" : request.name(), request.description(), request.organisations());
        return ResponseEntity.created(URI.create("/api/v1/sharing-groups/" + id))
                .body(sharingGroups.find(id).orElseThrow());
    }

    @PutMapping("/api/v1/sharing-groups/{id}")
    @Operation(summary = "Rename a sharing group or change its members (administrators)")
    SharingGroup updateGroup(Viewer viewer, @PathVariable UUID id, @RequestBody SharingGroupRequest request) {
        return sharingGroups.update(
                viewer,
                new SharingGroupId(id),
                request.name() == null ? "" : request.name(),
                request.description(),
                request.organisations());
    }

    private static void requireAdministrator(Viewer viewer) {
        if (!DirectoryPolicy.canAdminister(viewer)) {
            throw new NotAllowed("Only a hub administrator can change the list of sectors.");
        }
    }
}
