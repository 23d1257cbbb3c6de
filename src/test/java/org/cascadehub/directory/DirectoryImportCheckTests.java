package org.cascadehub.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.cascadehub.directory.ImportRows.bytes;
import static org.cascadehub.directory.ImportRows.organisation;
import static org.cascadehub.directory.ImportRows.person;
import static org.cascadehub.directory.ImportRows.site;
import static org.cascadehub.directory.ImportRows.unique;

import java.util.List;
import org.cascadehub.CascadeTest;
import org.cascadehub.platform.NotAllowed;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Checking an import file row by row, against the real directory: every problem is reported with
 * its line and column, and a check writes nothing.
 */
@CascadeTest
class DirectoryImportCheckTests {

    static final String STRAND_ARCADE = "Strand Arcade Retail Ltd";

    @Autowired
    DirectoryImport imports;

    @Autowired
    People people;

    @Autowired
    Organisations organisations;

    @Autowired
    Sites sites;

    Viewer viewer(String email) {
        return people.viewer(people.findByEmail(email).orElseThrow().id()).orElseThrow();
    }

    Viewer admin() {
        return viewer("admin@demo.test");
    }

    Viewer retailLead() {
        return viewer("retail-lead@demo.test");
    }

    Viewer securityManager() {
        return viewer("security@demo.test");
    }

    List<ImportProblem> problems(Viewer viewer, ImportRows... rows) {
        ImportRejected rejected = catchThrowableOfType(ImportRejected.class, () -> imports.check(viewer, bytes(rows)));
        assertThat(rejected).as("the file was accepted").isNotNull();
        return rejected.importProblems();
    }

    ImportProblem onlyProblem(Viewer viewer, ImportRows... rows) {
        List<ImportProblem> problems = problems(viewer, rows);
        assertThat(problems).hasSize(1);
        return problems.getFirst();
    }

    static void assertProblem(ImportProblem problem, int line, String column, String message) {
        assertThat(problem.line()).isEqualTo(line);
        assertThat(problem.column()).isEqualTo(column);
        assertThat(problem.message()).contains(message);
    }

    @Test
    void aGoodFileIsCountedAndNothingIsWritten() {
        String name = "Check Only Ltd " + unique();
        long organisationsBefore = organisations.count();
        long peopleBefore = people.count();
        long sitesBefore = sites.count();

        ImportReport report = imports.check(
                admin(),
                bytes(
                        organisation(name),
                        site(name, "Shop"),
                        site(name, "Depot"),
                        person(name, "Ann Lee", "ann-" + unique() + "@example.test")));

        assertThat(report).isEqualTo(new ImportReport(1, 2, 1, false));
        assertThat(organisations.findByName(name)).isEmpty();
        assertThat(organisations.count()).isEqualTo(organisationsBefore);
        assertThat(people.count()).isEqualTo(peopleBefore);
        assertThat(sites.count()).isEqualTo(sitesBefore);
    }

    @Test
    void theTemplateChecksCleanForASectorLead() {
        assertThat(imports.check(retailLead(), imports.template().getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isEqualTo(new ImportReport(1, 1, 1, false));
    }

    @Test
    void anUnknownSectorIsNamed() {
        String name = "Sector Test " + unique();

        assertProblem(
                onlyProblem(admin(), organisation(name).with(ImportColumn.SECTORS, "Retail; Aviation")),
                2,
                "sectors",
                "'Aviation' is not a sector");
    }

    @Test
    void anUnknownKindIsNamedWithTheKindsThereAre() {
        ImportProblem problem =
                onlyProblem(admin(), organisation("Kind Test " + unique()).with(ImportColumn.KIND, "Shop"));

        assertProblem(problem, 2, "kind", "'Shop' is not a kind of organisation");
        assertThat(problem.message()).contains("Security supplier");
    }

    @Test
    void aBadPhoneAndABadSiaLicenceAreEachNamed() {
        String name = "Phone Test " + unique();

        List<ImportProblem> problems = problems(
                admin(),
                organisation(name),
                person(name, "Ann Lee", "ann-" + unique() + "@example.test")
                        .with(ImportColumn.PHONE, "12345")
                        .with(ImportColumn.SIA_LICENCE, "1234"));

        assertThat(problems).hasSize(2);
        assertProblem(problems.get(0), 3, "phone", "international format");
        assertProblem(problems.get(1), 3, "sia_licence", "16 digits");
    }

    @Test
    void aPointOutsideEveryBoroughIsRefused() {
        String name = "Paris Test " + unique();

        assertProblem(
                onlyProblem(
                        admin(),
                        organisation(name),
                        site(name, "Paris office")
                                .with(ImportColumn.LATITUDE, "48.8566")
                                .with(ImportColumn.LONGITUDE, "2.3522")),
                3,
                "latitude",
                "outside every borough");
    }

    @Test
    void coordinatesMustBeDecimalNumbers() {
        String name = "Coordinates Test " + unique();

        List<ImportProblem> problems = problems(
                admin(),
                organisation(name),
                site(name, "Shop").with(ImportColumn.LATITUDE, "51,5081").with(ImportColumn.LONGITUDE, ""));

        assertThat(problems).hasSize(2);
        assertProblem(problems.get(0), 3, "latitude", "decimal degrees with a point, like 51.5101, not '51,5081'");
        assertProblem(problems.get(1), 3, "longitude", "Enter the longitude");
    }

    @Test
    void theSameEmailTwiceInTheFileIsReportedOnTheSecond() {
        String name = "Duplicate Email Test " + unique();
        String email = "twice-" + unique() + "@example.test";

        assertProblem(
                onlyProblem(
                        admin(),
                        organisation(name),
                        person(name, "Ann Lee", email),
                        person(name, "Ann Lee Again", email.toUpperCase())),
                4,
                "email",
                "is also on line 3");
    }

    @Test
    void anEmailAlreadyInTheDirectoryIsRefused() {
        assertProblem(
                onlyProblem(securityManager(), person(STRAND_ARCADE, "Guard Again", "guard@demo.test")),
                2,
                "email",
                "Someone in the directory already uses guard@demo.test");
    }

    @Test
    void theSameOrganisationTwiceInTheFileIsReportedOnTheSecond() {
        String name = "Twice Ltd " + unique();

        assertProblem(
                onlyProblem(admin(), organisation(name), organisation(name.toUpperCase())),
                3,
                "organisation",
                "is also on line 2");
    }

    @Test
    void anOrganisationRowForOneAlreadyInTheDirectoryIsRefused() {
        assertProblem(onlyProblem(admin(), organisation(STRAND_ARCADE)), 2, "organisation", "already in the directory");
    }

    @Test
    void aReferenceToAnOrganisationNeitherInTheFileNorInTheDirectoryIsRefused() {
        String missing = "Nowhere Ltd " + unique();

        assertProblem(
                onlyProblem(admin(), site(missing, "Shop")),
                2,
                "organisation",
                missing + " is not an organisation row in this file, nor an organisation in the directory");
    }

    @Test
    void aSecurityManagerAddsOnlyToTheirOwnOrganisation() {
        assertThat(imports.check(
                        securityManager(),
                        bytes(
                                site(STRAND_ARCADE, "Back door " + unique()),
                                person(STRAND_ARCADE, "New Guard", "guard-" + unique() + "@example.test"))))
                .isEqualTo(new ImportReport(0, 1, 1, false));

        assertProblem(
                onlyProblem(securityManager(), site("Cascade Hub", "Somewhere")),
                2,
                "organisation",
                "nor an organisation in the directory that you can add sites and people to");
    }

    @Test
    void aSecurityManagerAddsNoOrganisations() {
        String name = "Not Mine Ltd " + unique();

        List<ImportProblem> problems = problems(
                securityManager(),
                organisation(name),
                person(name, "Someone", "someone-" + unique() + "@example.test"));

        assertThat(problems).hasSize(1);
        assertProblem(
                problems.getFirst(), 2, "record", "Only hub administrators and sector leads can add organisations");
    }

    @Test
    void rolesASecurityManagerMayNotGrantAreRefused() {
        assertProblem(
                onlyProblem(
                        securityManager(),
                        person(STRAND_ARCADE, "Would Be Admin", "admin-" + unique() + "@example.test")
                                .with(ImportColumn.ROLES, "Member; Administrator")),
                2,
                "roles",
                "You can give only the Member and Security manager roles");
    }

    @Test
    void anUnknownRoleIsNamed() {
        assertProblem(
                onlyProblem(
                        securityManager(),
                        person(STRAND_ARCADE, "Boss", "boss-" + unique() + "@example.test")
                                .with(ImportColumn.ROLES, "Boss")),
                2,
                "roles",
                "'Boss' is not a role");
    }

    @Test
    void aSectorLeadsNewOrganisationMustBeInASectorTheyLead() {
        assertProblem(
                onlyProblem(retailLead(), organisation("Hotel " + unique()).with(ImportColumn.SECTORS, "Hospitality")),
                2,
                "sectors",
                "Include at least one sector you lead (Retail)");
    }

    @Test
    void aSectorLeadDoesNotAddToOrganisationsAlreadyInTheDirectory() {
        assertProblem(
                onlyProblem(retailLead(), person(STRAND_ARCADE, "Extra", "extra-" + unique() + "@example.test")),
                2,
                "organisation",
                "nor an organisation in the directory that you can add sites and people to");
    }

    @Test
    void aSectorLeadGivesOnlyMemberAndSecurityManager() {
        String name = "Lead Roles " + unique();

        assertProblem(
                onlyProblem(
                        retailLead(),
                        organisation(name),
                        person(name, "Police Person", "police-" + unique() + "@example.test")
                                .with(ImportColumn.ROLES, "Police coordinator")),
                3,
                "roles",
                "You can give only the Member and Security manager roles");
    }

    @Test
    void valuesInColumnsARowDoesNotUseAreRefused() {
        String name = "Unused Column " + unique();

        assertProblem(
                onlyProblem(admin(), organisation(name), site(name, "Shop").with(ImportColumn.EMAIL, "x@example.test")),
                3,
                "email",
                "Leave email empty on site rows; it is for person rows");
    }

    @Test
    void anUnknownRecordIsNamed() {
        ImportRows company = organisation("Company " + unique()).with(ImportColumn.RECORD, "company");

        assertProblem(onlyProblem(admin(), company), 2, "record", "'company' is not a kind of row");
    }

    @Test
    void smsNeedsAPhoneAndYesOrNoMeansYesOrNo() {
        String name = "Sms Test " + unique();

        List<ImportProblem> problems = problems(
                admin(),
                organisation(name),
                person(name, "Text Me", "text-" + unique() + "@example.test").with(ImportColumn.NOTIFY_SMS, "yes"),
                person(name, "Maybe", "maybe-" + unique() + "@example.test")
                        .with(ImportColumn.NOTIFY_EMAIL, "sometimes"));

        assertThat(problems).hasSize(2);
        assertProblem(problems.get(0), 3, "phone", "Enter a phone number to get messages by SMS");
        assertProblem(problems.get(1), 4, "notify_email", "Enter yes or no, not 'sometimes'");
    }

    @Test
    void everyProblemInTheFileIsReportedAtOnceInLineOrder() {
        String name = "Many Problems " + unique();

        List<ImportProblem> problems = problems(
                admin(),
                organisation(name).with(ImportColumn.KIND, ""),
                site(name, "Good shop"),
                person(name, "", "not-an-email"),
                site(name, "Good shop 2"),
                site("Elsewhere " + unique(), "Shop"));

        assertThat(problems)
                .extracting(ImportProblem::line, ImportProblem::column)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2, "kind"),
                        org.assertj.core.groups.Tuple.tuple(4, "person_name"),
                        org.assertj.core.groups.Tuple.tuple(4, "email"),
                        org.assertj.core.groups.Tuple.tuple(6, "organisation"));
    }

    @Test
    void peopleWithoutAnImportingRoleMayNotImport() {
        assertThatThrownBy(() -> imports.check(viewer("guard@demo.test"), bytes(site(STRAND_ARCADE, "Shop"))))
                .isInstanceOf(NotAllowed.class);
        assertThatThrownBy(() -> imports.run(viewer("police@demo.test"), bytes(site(STRAND_ARCADE, "Shop"))))
                .isInstanceOf(NotAllowed.class);
    }
}
