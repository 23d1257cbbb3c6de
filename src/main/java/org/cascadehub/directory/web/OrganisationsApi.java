package org.cascadehub.directory.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.cascadehub.directory.DirectoryPolicy;
import org.cascadehub.directory.Organisation;
import org.cascadehub.directory.OrganisationDetails;
import org.cascadehub.directory.OrganisationId;
import org.cascadehub.directory.OrganisationKind;
import org.cascadehub.directory.OrganisationStatus;
import org.cascadehub.directory.Organisations;
import org.cascadehub.directory.People;
import org.cascadehub.directory.Person;
import org.cascadehub.directory.PersonDetails;
import org.cascadehub.directory.PersonId;
import org.cascadehub.directory.SharingGroup;
import org.cascadehub.directory.SharingGroups;
import org.cascadehub.directory.Site;
import org.cascadehub.directory.SiteDetails;
import org.cascadehub.directory.Sites;
import org.cascadehub.directory.Viewer;
import org.cascadehub.platform.NotAllowed;
import org.cascadehub.platform.Page;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Organisations, with their people and sites. Every call asks the directory policy. */
@RestController
@RequestMapping("/api/v1/organisations")
@Tag(name = "Directory: organisations")
class OrganisationsApi {

    private final Organisations organisations;
    private final People people;
    private final Sites sites;
    private final SharingGroups sharingGroups;

    OrganisationsApi(Organisations organisations, People people, Sites sites, SharingGroups sharingGroups) {
        this.organisations = organisations;
        this.people = people;
        this.sites = sites;
        this.sharingGroups = sharingGroups;
    }

    /** An organisation with what a member may see of it. */
    record OrganisationView(Organisation organisation, List<Site> sites, List<String> sharingGroups) {}

    @GetMapping
    @Operation(summary = "Search the directory", description = "Filters combine; pages are 1-based.")
    Page<Organisation> search(
            Viewer viewer,
            @RequestParam(required = false) @Nullable String name,
            @RequestParam(required = false) @Nullable OrganisationKind kind,
            @RequestParam(required = false) @Nullable String sector,
            @RequestParam(required = false) @Nullable String borough,
            @RequestParam(required = false) @Nullable OrganisationStatus status,
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "25") int size) {
        return organisations.search(
                viewer,
                new Organisations.Filter(name, kind, sector, borough, status),
                Page.number(page),
                Math.clamp(size, 1, 200));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One organisation, its sites and sharing groups")
    OrganisationView get(Viewer viewer, @PathVariable UUID id) {
        Organisation organisation = organisations.require(viewer, new OrganisationId(id));
        return new OrganisationView(
                organisation,
                sites.ofOrganisation(organisation.id()),
                sharingGroups.of(organisation.id()).stream()
                        .map(SharingGroup::name)
                        .toList());
    }

    @PostMapping
    @Operation(summary = "Add a vetted organisation (administrators)")
    ResponseEntity<Organisation> create(Viewer viewer, @RequestBody OrganisationDetails details) {
        if (!DirectoryPolicy.canAdminister(viewer)) {
            throw new NotAllowed("Only a hub administrator adds organisations directly; others apply at /apply.");
        }
        OrganisationId id = organisations.register(details, OrganisationStatus.VETTED);
        return ResponseEntity.created(URI.create("/api/v1/organisations/" + id))
                .body(organisations.find(id).orElseThrow());
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change an organisation's details (its security manager, administrators)")
    Organisation update(Viewer viewer, @PathVariable UUID id, @RequestBody OrganisationDetails details) {
        return organisations.update(viewer, new OrganisationId(id), details);
    }

    record Reason(@Nullable String reason) {}

    @PostMapping("/{id}/suspend")
    @Operation(summary = "Suspend a vetted organisation: its people lose access (administrators)")
    ResponseEntity<Void> suspend(Viewer viewer, @PathVariable UUID id, @RequestBody Reason reason) {
        organisations.setSuspended(viewer, new OrganisationId(id), true, reason.reason());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/reinstate")
    @Operation(summary = "Reinstate a suspended organisation (administrators)")
    ResponseEntity<Void> reinstate(Viewer viewer, @PathVariable UUID id) {
        organisations.setSuspended(viewer, new OrganisationId(id), false, null);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/people")
    @Operation(summary = "The organisation's people")
    List<Person> people(Viewer viewer, @PathVariable UUID id) {
        return people.inOrganisation(viewer, organisations.require(viewer, new OrganisationId(id)));
    }

    @PostMapping("/{id}/people")
    @Operation(
            summary = "Add a person (its security manager, administrators)",
            description = "They are emailed a link to set their password.")
    ResponseEntity<Person> addPerson(Viewer viewer, @PathVariable UUID id, @RequestBody PersonDetails details) {
        OrganisationId organisation =
                organisations.require(viewer, new OrganisationId(id)).id();
        PersonId person = people.add(viewer, organisation, details);
        return ResponseEntity.created(URI.create("/api/v1/people/" + person))
                .body(people.find(person).orElseThrow());
    }

    @GetMapping("/{id}/sites")
    @Operation(summary = "The organisation's sites")
    List<Site> sites(Viewer viewer, @PathVariable UUID id) {
        return sites.ofOrganisation(
                organisations.require(viewer, new OrganisationId(id)).id());
    }

    @PostMapping("/{id}/sites")
    @Operation(
            summary = "Add a site (its security manager, administrators)",
            description = "The borough is worked out from the point; a point outside the city is refused.")
    ResponseEntity<Site> addSite(Viewer viewer, @PathVariable UUID id, @RequestBody SiteDetails details) {
        Site site = sites.add(viewer, new OrganisationId(id), details);
        return ResponseEntity.created(URI.create("/api/v1/sites/" + site.id())).body(site);
    }
}
