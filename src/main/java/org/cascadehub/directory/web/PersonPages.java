package org.cascadehub.directory.web;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.cascadehub.directory.DirectoryPolicy;
import org.cascadehub.directory.Organisation;
import org.cascadehub.directory.OrganisationId;
import org.cascadehub.directory.Organisations;
import org.cascadehub.directory.People;
import org.cascadehub.directory.Person;
import org.cascadehub.directory.PersonDetails;
import org.cascadehub.directory.PersonId;
import org.cascadehub.directory.Role;
import org.cascadehub.directory.Viewer;
import org.cascadehub.platform.FormProblems;
import org.cascadehub.platform.InvalidInput;
import org.cascadehub.platform.NotAllowed;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Adding and changing an organisation's people, for its security manager and administrators. The
 * form offers only the roles the viewer may give, and a security manager changes only people whose
 * roles they could have given.
 */
@Controller
class PersonPages implements DirectoryPage {

    private final Organisations organisations;
    private final People people;
    private final SectorNames sectorNames;

    PersonPages(Organisations organisations, People people, SectorNames sectorNames) {
        this.organisations = organisations;
        this.people = people;
        this.sectorNames = sectorNames;
    }

    @GetMapping("/directory/organisations/{id}/people/new")
    String add(Viewer viewer, @PathVariable UUID id, Model model) {
        Organisation organisation = manageable(viewer, new OrganisationId(id));
        return form(viewer, model, organisation, null, PersonForm.empty());
    }

    @PostMapping("/directory/organisations/{id}/people/new")
    String create(
            Viewer viewer,
            @PathVariable UUID id,
            @ModelAttribute("form") PersonForm form,
            Model model,
            RedirectAttributes redirect) {
        Organisation organisation = manageable(viewer, new OrganisationId(id));
        PersonId added;
        try {
            PersonDetails details = form.details(fixedLeadSectors(viewer, List.of()));
            added = people.add(viewer, organisation.id(), details);
        } catch (InvalidInput invalid) {
            model.addAttribute("problems", FormProblems.of(invalid, PersonForm.FIELDS));
            return form(viewer, model, organisation, null, form);
        }
        String name = people.find(added).map(Person::name).orElse("The person");
        redirect.addFlashAttribute("notice", name + " is added. We have emailed them a link to set their password.");
        return "redirect:/directory/organisations/" + id;
    }

    @GetMapping("/directory/people/{id}/edit")
    String edit(Viewer viewer, @PathVariable UUID id, Model model) {
        Person person = people.require(viewer, new PersonId(id));
        Organisation organisation = managing(viewer, person);
        return form(viewer, model, organisation, person, PersonForm.of(person));
    }

    @PostMapping("/directory/people/{id}/edit")
    String save(
            Viewer viewer,
            @PathVariable UUID id,
            @ModelAttribute("form") PersonForm form,
            Model model,
            RedirectAttributes redirect) {
        Person person = people.require(viewer, new PersonId(id));
        Organisation organisation = managing(viewer, person);
        try {
            PersonDetails details = form.details(fixedLeadSectors(viewer, List.copyOf(person.leadSectors())));
            people.update(viewer, person.id(), details);
        } catch (InvalidInput invalid) {
            model.addAttribute("problems", FormProblems.of(invalid, PersonForm.FIELDS));
            return form(viewer, model, organisation, person, form);
        }
        redirect.addFlashAttribute("notice", "The changes to " + person.name() + " are saved.");
        return "redirect:/directory/organisations/" + organisation.id();
    }

    @PostMapping("/directory/people/{id}/suspend")
    String suspend(Viewer viewer, @PathVariable UUID id, Model model, RedirectAttributes redirect) {
        return setSuspended(viewer, id, true, model, redirect);
    }

    @PostMapping("/directory/people/{id}/reactivate")
    String reactivate(Viewer viewer, @PathVariable UUID id, Model model, RedirectAttributes redirect) {
        return setSuspended(viewer, id, false, model, redirect);
    }

    /** Erasure: the person's details become a tombstone (administrators; see People.erase). */
    @PostMapping("/directory/people/{id}/erase")
    String erase(Viewer viewer, @PathVariable UUID id, RedirectAttributes redirect) {
        Person person = people.require(viewer, new PersonId(id));
        if (person.id().equals(viewer.personId())) {
            throw new NotAllowed("Nobody erases themselves here; ask another administrator.");
        }
        people.erase(viewer, person.id());
        redirect.addFlashAttribute("notice", person.name() + "'s details are erased and their access has ended.");
        return "redirect:/directory/organisations/" + person.organisationId();
    }

    private String setSuspended(Viewer viewer, UUID id, boolean suspended, Model model, RedirectAttributes redirect) {
        Person person = people.require(viewer, new PersonId(id));
        Organisation organisation = managing(viewer, person);
        try {
            people.setSuspended(viewer, person.id(), suspended);
        } catch (InvalidInput invalid) {
            model.addAttribute("problems", FormProblems.of(invalid, PersonForm.FIELDS));
            return form(viewer, model, organisation, person, PersonForm.of(person));
        }
        redirect.addFlashAttribute(
                "notice",
                person.name() + (suspended ? " is suspended and can no longer sign in." : " can sign in again."));
        return "redirect:/directory/organisations/" + organisation.id();
    }

    private String form(
            Viewer viewer, Model model, Organisation organisation, @Nullable Person person, PersonForm form) {
        List<Role> grantable = Arrays.stream(Role.values())
                .filter(r -> grantable(viewer, organisation, r))
                .toList();
        model.addAttribute("organisation", organisation);
        model.addAttribute("person", person);
        model.addAttribute("form", form);
        model.addAttribute("grantableRoles", grantable);
        model.addAttribute("leadSectorsEditable", DirectoryPolicy.canAdminister(viewer));
        model.addAttribute("sectors", sectorNames.active());
        model.addAttribute("canSuspend", person != null && !person.id().equals(viewer.personId()));
        model.addAttribute("canExport", person != null && DirectoryPolicy.canExport(viewer, person.id()));
        model.addAttribute(
                "canErase",
                person != null
                        && DirectoryPolicy.canErase(viewer)
                        && !person.id().equals(viewer.personId()));
        return "directory/person-form";
    }

    private static boolean grantable(Viewer viewer, Organisation organisation, Role role) {
        return DirectoryPolicy.canGrant(viewer, organisation.id(), Set.of(role));
    }

    /** Only administrators choose lead sectors; for anyone else they stay as they were. */
    private static @Nullable List<String> fixedLeadSectors(Viewer viewer, List<String> current) {
        return DirectoryPolicy.canAdminister(viewer) ? null : current;
    }

    /**
     * The person's organisation, if the viewer may change this person (else 403): a security manager
     * only people whose roles they could have given.
     */
    private Organisation managing(Viewer viewer, Person person) {
        Organisation organisation = manageable(viewer, person.organisationId());
        if (!DirectoryPolicy.canManagePerson(viewer, organisation.id(), person.roles())) {
            throw new NotAllowed("Only a hub administrator can change someone with these roles.");
        }
        return organisation;
    }

    /** The organisation, if the viewer may see it (else 404) and manage it (else 403). */
    private Organisation manageable(Viewer viewer, OrganisationId id) {
        Organisation organisation = organisations.require(viewer, id);
        if (!DirectoryPolicy.canManage(viewer, organisation.id())) {
            throw new NotAllowed(
                    "Only the organisation's security manager or a hub administrator can change its people.");
        }
        return organisation;
    }
}
