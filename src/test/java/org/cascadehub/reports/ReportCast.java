package org.cascadehub.reports;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.cascadehub.access.Credentials;
import org.cascadehub.directory.OrganisationDetails;
import org.cascadehub.directory.OrganisationId;
import org.cascadehub.directory.OrganisationKind;
import org.cascadehub.directory.OrganisationStatus;
import org.cascadehub.directory.Organisations;
import org.cascadehub.directory.People;
import org.cascadehub.directory.PersonId;
import org.cascadehub.directory.Role;
import org.cascadehub.directory.SharingGroupId;
import org.cascadehub.directory.SharingGroups;
import org.cascadehub.directory.Viewer;
import org.cascadehub.support.TestHttp;

/**
 * Fresh people around fresh reports, one of each part a person can play in TLP sharing: the
 * reporter, a colleague in their organisation, a police coordinator, a member of an organisation the
 * report is shared with, of an organisation in a sharing group it is shared with, a person it names,
 * an outsider, and a member of an organisation that is not vetted.
 */
final class ReportCast {

    enum Part {
        REPORTER,
        COLLEAGUE,
        POLICE,
        SHARED_ORGANISATION,
        SHARING_GROUP_MEMBER,
        NAMED_PERSON,
        OUTSIDER,
        UNVETTED
    }

    record Member(Part part, PersonId id, String email, String password) {}

    private final Organisations organisations;
    private final People people;
    private final Credentials credentials;
    private final ReportSubmission submission;
    private final String unique = UUID.randomUUID().toString().substring(0, 8);
    private final java.util.Map<Part, Member> members = new java.util.EnumMap<>(Part.class);
    private final OrganisationId sharedOrganisation;
    private final SharingGroupId sharingGroup;
    private final java.util.Map<Part, String> tokens = new java.util.EnumMap<>(Part.class);

    ReportCast(
            Organisations organisations,
            People people,
            Credentials credentials,
            SharingGroups groups,
            ReportSubmission submission) {
        this.organisations = organisations;
        this.people = people;
        this.credentials = credentials;
        this.submission = submission;
        OrganisationId reporters = organisation("Reporting shop");
        add(Part.REPORTER, reporters, Role.SECURITY_MANAGER);
        add(Part.COLLEAGUE, reporters, Role.MEMBER);
        add(
                Part.POLICE,
                organisations.register("Police unit " + unique, OrganisationKind.POLICE_UNIT),
                Role.POLICE_COORDINATOR);
        this.sharedOrganisation = organisation("Neighbouring shop");
        add(Part.SHARED_ORGANISATION, sharedOrganisation, Role.MEMBER);
        OrganisationId grouped = organisation("Grouped shop");
        add(Part.SHARING_GROUP_MEMBER, grouped, Role.MEMBER);
        add(Part.NAMED_PERSON, organisation("Named person's shop"), Role.MEMBER);
        add(Part.OUTSIDER, organisation("Outside shop"), Role.SECURITY_MANAGER);
        OrganisationId applied = organisations.register(
                new OrganisationDetails(
                        "Applying shop " + unique, OrganisationKind.BUSINESS, List.of(), null, null, null, null),
                OrganisationStatus.APPLIED);
        add(Part.UNVETTED, applied, Role.SECURITY_MANAGER);
        Viewer administrator = people.findByEmail("admin@demo.test")
                .flatMap(admin -> people.viewer(admin.id()))
                .orElseThrow();
        // A reporter shares only with their own organisation's sharing groups.
        this.sharingGroup = groups.create(administrator, "Test group " + unique, null, Set.of(reporters, grouped));
    }

    Member member(Part part) {
        return members.get(part);
    }

    Viewer viewer(Part part) {
        return people.viewer(member(part).id()).orElseThrow();
    }

    /** The part's API token, made once. */
    String token(Part part, TestHttp http) {
        return tokens.computeIfAbsent(
                part, p -> http.token(member(p).email(), member(p).password()));
    }

    /**
     * A report by the reporter: shared with nobody but the police, or with the neighbouring shop,
     * the sharing group and the named person (RED always names the person: it must name someone).
     */
    Report report(String tlp, boolean shared) {
        ReportDraft.Sharing sharing = shared || tlp.equals("RED")
                ? new ReportDraft.Sharing(
                        shared ? List.of(sharedOrganisation.value().toString()) : List.of(),
                        shared ? List.of(sharingGroup.value().toString()) : List.of(),
                        List.of(member(Part.NAMED_PERSON).id().value().toString()))
                : new ReportDraft.Sharing(List.of(), List.of(), List.of());
        ReportDraft draft = new ReportDraft(
                "HOSTILE_RECONNAISSANCE",
                Instant.now().minus(2, ChronoUnit.HOURS).toString(),
                new ReportDraft.Location(51.5101, -0.1233),
                null,
                "Two people photographing the staff entrance and timing the guards.",
                List.of(),
                List.of(),
                false,
                tlp,
                sharing);
        return submission.submit(viewer(Part.REPORTER), draft);
    }

    private OrganisationId organisation(String name) {
        return organisations.register(name + " " + unique, OrganisationKind.BUSINESS);
    }

    private void add(Part part, OrganisationId organisation, Role role) {
        String email =
                part.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "-" + unique + "@example.test";
        String password = "correct horse " + unique;
        PersonId id = people.enrol(organisation, part + " " + unique, email, Set.of(role));
        credentials.setPassword(id, password);
        members.put(part, new Member(part, id, email, password));
    }
}
