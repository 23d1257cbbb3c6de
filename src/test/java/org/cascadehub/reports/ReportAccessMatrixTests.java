package org.cascadehub.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cascadehub.support.TestHttp.bearer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.cascadehub.CascadeTest;
import org.cascadehub.access.Credentials;
import org.cascadehub.directory.OrganisationDetails;
import org.cascadehub.directory.OrganisationId;
import org.cascadehub.directory.OrganisationKind;
import org.cascadehub.directory.OrganisationStatus;
import org.cascadehub.directory.Organisations;
import org.cascadehub.directory.People;
import org.cascadehub.directory.PersonId;
import org.cascadehub.directory.Role;
import org.cascadehub.directory.SharingGroups;
import org.cascadehub.directory.Viewer;
import org.cascadehub.support.TestHttp;
import org.cascadehub.support.TestHttp.Response;
import org.cascadehub.support.TestPeople;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * TLP 2.0 on every surface of a report: for every label × sharing choice, every demo role, an
 * outsider (a vetted organisation nothing is shared with) and a member of an unvetted organisation,
 * each {@link Surface} is asked and its answer compared with one oracle, {@link #maySee}: the
 * permissions and the denials alike.
 *
 * <p>Every report is made by security@demo.test (Strand Arcade Retail Ltd); guard@demo.test is in the
 * same organisation; retail-lead@demo.test's organisation is the one sharing names. To add a surface
 * (a page, an attachment download), add a {@link Surface} to {@link #surfaces()}: a name, a probe
 * that answers {@link Answer#SHOWN}, {@link Answer#FORBIDDEN} or {@link Answer#HIDDEN}, and which
 * expectation it follows.
 */
@CascadeTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportAccessMatrixTests {

    /** Who asks. */
    enum Reader {
        ADMIN("admin@demo.test"),
        POLICE("police@demo.test"),
        APPROVER("approver@demo.test"),
        LEAD("retail-lead@demo.test"),
        SECURITY("security@demo.test"),
        GUARD("guard@demo.test"),
        OUTSIDER(null),
        UNVETTED(null);

        final @Nullable String email;

        Reader(@Nullable String email) {
            this.email = email;
        }
    }

    /** Who the report is shared with besides the police (a RED report also names a person, see {@link #sharingJson}). */
    enum Sharing {
        POLICE_ONLY,
        ORGANISATION,
        SHARING_GROUP,
        PERSON
    }

    /** What a surface gave away: the report (or the right to act on it), a refusal that admits it exists, or nothing. */
    enum Answer {
        SHOWN,
        FORBIDDEN,
        HIDDEN
    }

    /** One report of the matrix. */
    record Case(String tlp, Sharing sharing, ReportId id, Instant occurredAt) {
        @Override
        public String toString() {
            return "TLP:" + tlp + "/" + sharing;
        }
    }

    /** How one surface is asked, and what it should answer. */
    interface Probe {
        Answer ask(Case report, Reader reader);
    }

    /** What a surface should answer, from the oracle. */
    interface Expectation {
        Answer of(Case report, Reader reader);
    }

    /** One column of the matrix. */
    record Surface(String name, Probe probe, Expectation expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<String> LABELS = List.of("CLEAR", "GREEN", "AMBER", "AMBER+STRICT", "RED");

    @LocalServerPort
    int port;

    @Autowired
    TestPeople testPeople;

    @Autowired
    People people;

    @Autowired
    Organisations organisations;

    @Autowired
    Credentials credentials;

    @Autowired
    SharingGroups sharingGroups;

    @Autowired
    Reports reports;

    @Autowired
    ReportRecipients recipients;

    @Autowired
    ReportAttachments attachments;

    TestHttp http;
    final Map<Reader, @Nullable String> tokens = new EnumMap<>(Reader.class);
    /** Signed-in browser sessions for the page surfaces (none for the unvetted member, who cannot sign in). */
    final Map<Reader, TestHttp> sessions = new EnumMap<>(Reader.class);

    final Map<Reader, Viewer> viewers = new EnumMap<>(Reader.class);
    final Map<String, Case> cases = new LinkedHashMap<>();
    /** One file per report, attached by the reporter the first time a probe needs it. */
    final Map<ReportId, Attachment> files = new java.util.HashMap<>();
    /** A word only the matrix's reports contain, for the search surface. */
    final String word = "matrix" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");

    String leadOrganisation;
    String leadPerson;
    String guardPerson;
    String group;
    Case anchor;

    @BeforeAll
    void oneReportPerLabelAndSharing() {
        http = new TestHttp(port);
        for (Reader reader : Reader.values()) {
            if (reader.email != null) {
                tokens.put(reader, bearer(http.token(reader.email, "demo-password")));
                sessions.put(reader, session(reader.email, "demo-password"));
                viewers.put(
                        reader,
                        viewerOf(people.findByEmail(reader.email).orElseThrow().id()));
            }
        }
        TestPeople.TestPerson outsider = testPeople.create(Role.MEMBER);
        tokens.put(Reader.OUTSIDER, bearer(http.token(outsider.email(), outsider.password())));
        sessions.put(Reader.OUTSIDER, session(outsider.email(), outsider.password()));
        viewers.put(Reader.OUTSIDER, viewerOf(outsider.id()));
        PersonId unvetted = unvettedMember();
        tokens.put(Reader.UNVETTED, null); // an unvetted organisation's members cannot sign in
        viewers.put(Reader.UNVETTED, viewerOf(unvetted));
        assertThat(viewers.get(Reader.UNVETTED).vettedMember()).isFalse();

        var security = people.findByEmail("security@demo.test").orElseThrow();
        var lead = people.findByEmail("retail-lead@demo.test").orElseThrow();
        leadOrganisation = lead.organisationId().toString();
        leadPerson = lead.id().toString();
        guardPerson = people.findByEmail("guard@demo.test").orElseThrow().id().toString();
        group = sharingGroups
                .create(
                        viewers.get(Reader.ADMIN),
                        "Report matrix group " + word,
                        null,
                        List.of(security.organisationId(), lead.organisationId()))
                .toString();

        Instant base = Instant.parse("2023-06-01T09:00:00Z").plusSeconds(Math.floorMod(word.hashCode(), 86_400));
        int n = 0;
        for (String tlp : LABELS) {
            for (Sharing sharing : Sharing.values()) {
                Instant at = base.plusSeconds(++n);
                cases.put(tlp + "/" + sharing, new Case(tlp, sharing, submit(tlp, sharingJson(tlp, sharing), at), at));
            }
        }
        Instant anchorAt = base.plusSeconds(++n);
        anchor = new Case(
                "CLEAR",
                Sharing.POLICE_ONLY,
                submit("CLEAR", sharingJson("CLEAR", Sharing.POLICE_ONLY), anchorAt),
                anchorAt);
    }

    private ReportId submit(String tlp, String sharing, Instant at) {
        Response created = http.postJson(
                "/api/v1/reports",
                ReportJson.report("SUSPICIOUS_ACTIVITY", at, tlp, sharing, word),
                "Authorization",
                tokens.get(Reader.SECURITY));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return ReportId.parse(created.json().get("id").asString()).orElseThrow();
    }

    private String sharingJson(String tlp, Sharing sharing) {
        // RED must name people: the guard is named, unless the choice is to name the lead instead
        String named = sharing == Sharing.PERSON ? leadPerson : tlp.equals("RED") ? guardPerson : null;
        return "{\"organisations\": [" + (sharing == Sharing.ORGANISATION ? "\"" + leadOrganisation + "\"" : "")
                + "], \"sharingGroups\": [" + (sharing == Sharing.SHARING_GROUP ? "\"" + group + "\"" : "")
                + "], \"people\": [" + (named == null ? "" : "\"" + named + "\"") + "]}";
    }

    private Viewer viewerOf(PersonId id) {
        return people.viewer(id).orElseThrow();
    }

    private PersonId unvettedMember() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        OrganisationId organisation = organisations.register(
                new OrganisationDetails(
                        "Unvetted applicant " + unique, OrganisationKind.BUSINESS, List.of(), null, null, null, null),
                OrganisationStatus.APPLIED);
        PersonId person = people.enrol(
                organisation, "Unvetted Person " + unique, "unvetted-" + unique + "@example.test", Set.of(Role.MEMBER));
        credentials.setPassword(person, "correct horse " + unique);
        return person;
    }

    /** The oracle: the policy as the issue and ARCHITECTURE.md state it, written independently of ReportPolicy. */
    static boolean maySee(Case report, Reader reader) {
        if (reader == Reader.UNVETTED) {
            return false;
        }
        if (reader == Reader.POLICE || reader == Reader.SECURITY) {
            return true; // police are always included; security reported it
        }
        boolean ownOrganisation = reader == Reader.GUARD;
        boolean leadOrganisationNamed = reader == Reader.LEAD && report.sharing() == Sharing.ORGANISATION;
        return switch (report.tlp()) {
            case "CLEAR", "GREEN" -> true;
            case "AMBER" ->
                ownOrganisation
                        || leadOrganisationNamed
                        || (reader == Reader.LEAD && report.sharing() == Sharing.SHARING_GROUP);
            case "AMBER+STRICT" -> ownOrganisation || leadOrganisationNamed;
            case "RED" -> report.sharing() == Sharing.PERSON ? reader == Reader.LEAD : reader == Reader.GUARD;
            default -> throw new IllegalArgumentException(report.tlp());
        };
    }

    static Answer seen(Case report, Reader reader) {
        return maySee(report, reader) ? Answer.SHOWN : Answer.HIDDEN;
    }

    /** Messages, feedback: the police and the reporter's side take part; others who see it are refused. */
    static Answer participant(Case report, Reader reader) {
        if (!maySee(report, reader)) {
            return Answer.HIDDEN;
        }
        return reader == Reader.POLICE || reader == Reader.SECURITY || reader == Reader.GUARD
                ? Answer.SHOWN
                : Answer.FORBIDDEN;
    }

    /** Triage: the police act; others who see it are refused. */
    static Answer police(Case report, Reader reader) {
        if (!maySee(report, reader)) {
            return Answer.HIDDEN;
        }
        return reader == Reader.POLICE ? Answer.SHOWN : Answer.FORBIDDEN;
    }

    /** Notified of feedback or of the new report: the police, and the reporter's side who may see it. */
    static Answer notified(Case report, Reader reader) {
        return participant(report, reader) == Answer.SHOWN ? Answer.SHOWN : Answer.HIDDEN;
    }

    /** The matrix's columns. Other surfaces (pages, attachments) are added here. */
    List<Surface> surfaces() {
        return List.of(
                new Surface("policy in Java", this::javaPolicy, ReportAccessMatrixTests::seen),
                new Surface("policy in SQL", this::sqlPolicy, ReportAccessMatrixTests::seen),
                new Surface("API get", this::apiGet, ReportAccessMatrixTests::seen),
                new Surface("API search", this::apiSearch, ReportAccessMatrixTests::seen),
                new Surface("API statistics", this::apiStatistics, ReportAccessMatrixTests::seen),
                new Surface("CSV statistics", this::csvStatistics, ReportAccessMatrixTests::seen),
                new Surface("API nearby", this::apiNearby, ReportAccessMatrixTests::seen),
                new Surface("API read messages", this::apiMessages, ReportAccessMatrixTests::participant),
                new Surface("API post message", this::apiPostMessage, ReportAccessMatrixTests::participant),
                new Surface("API change status", this::apiStatus, ReportAccessMatrixTests::police),
                new Surface("notification recipients", this::notifiedOf, ReportAccessMatrixTests::notified),
                new Surface("API attachment download", this::apiAttachmentDownload, ReportAccessMatrixTests::seen),
                new Surface("API attachment list", this::apiAttachmentList, ReportAccessMatrixTests::seen),
                new Surface("API attachment upload", this::apiAttachmentUpload, ReportAccessMatrixTests::participant),
                new Surface("page", this::page, ReportAccessMatrixTests::seen),
                new Surface("page search", this::pageSearch, ReportAccessMatrixTests::seen),
                new Surface("page post message", this::pagePostMessage, ReportAccessMatrixTests::participant),
                new Surface("page change status", this::pageStatus, ReportAccessMatrixTests::police));
    }

    Stream<Arguments> matrix() {
        List<Arguments> rows = new ArrayList<>();
        for (Surface surface : surfaces()) {
            for (Case report : cases.values()) {
                for (Reader reader : Reader.values()) {
                    rows.add(Arguments.of(surface, report, reader));
                }
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}: {1} for {2}")
    @MethodSource("matrix")
    void everySurfaceFollowsThePolicy(Surface surface, Case report, Reader reader) {
        assertThat(surface.probe().ask(report, reader))
                .as("%s of %s for %s", surface.name(), report, reader)
                .isEqualTo(surface.expected().of(report, reader));
    }

    @Test
    void theMatrixCoversEveryLabelSharingAndReader() {
        assertThat(cases).hasSize(LABELS.size() * Sharing.values().length);
        // each reader is shown some report and denied another, so no column passes by always saying one thing
        for (Reader reader : List.of(Reader.LEAD, Reader.GUARD, Reader.OUTSIDER, Reader.ADMIN)) {
            assertThat(cases.values()).anyMatch(c -> maySee(c, reader)).anyMatch(c -> !maySee(c, reader));
        }
    }

    // --- probes

    private Answer javaPolicy(Case report, Reader reader) {
        Report found = reports.find(report.id()).orElseThrow();
        return reports.mayRead(viewers.get(reader), found) ? Answer.SHOWN : Answer.HIDDEN;
    }

    private Answer sqlPolicy(Case report, Reader reader) {
        ReportQuery query = new ReportQuery(
                word, null, null, null, report.occurredAt(), report.occurredAt().plusSeconds(1));
        return reports.search(viewers.get(reader), query, 1, 10).items().stream()
                        .anyMatch(r -> r.id().equals(report.id()))
                ? Answer.SHOWN
                : Answer.HIDDEN;
    }

    private Response get(String path, Reader reader) {
        String token = tokens.get(reader);
        return token == null ? http.get(path) : http.get(path, "Authorization", token);
    }

    private Response post(String path, String json, Reader reader) {
        String token = tokens.get(reader);
        return token == null ? http.postJson(path, json) : http.postJson(path, json, "Authorization", token);
    }

    /** 2xx shows, 403 admits it exists, 404 and 401 give nothing away; 400 means it was allowed and the input checked. */
    private static Answer byStatus(Response response) {
        return switch (response.status()) {
            case 200, 201, 400 -> Answer.SHOWN;
            case 403 -> Answer.FORBIDDEN;
            case 401, 404 -> Answer.HIDDEN;
            default -> throw new AssertionError("unexpected " + response.status() + ": " + response.body());
        };
    }

    private Answer apiGet(Case report, Reader reader) {
        Response response = get("/api/v1/reports/" + report.id(), reader);
        if (response.status() != 200) {
            assertThat(response.body()).doesNotContain(word);
        }
        return byStatus(response);
    }

    private Answer apiSearch(Case report, Reader reader) {
        Response response = get("/api/v1/reports?size=200&q=" + word, reader);
        return response.status() == 200 && response.body().contains(report.id().toString())
                ? Answer.SHOWN
                : Answer.HIDDEN;
    }

    private String window(Case report) {
        return "?from=" + report.occurredAt() + "&to=" + report.occurredAt().plusSeconds(1);
    }

    private Answer apiStatistics(Case report, Reader reader) {
        Response response = get("/api/v1/reports/statistics" + window(report), reader);
        return response.status() == 200 && response.json().get("total").asLong() == 1 ? Answer.SHOWN : Answer.HIDDEN;
    }

    private Answer csvStatistics(Case report, Reader reader) {
        Response response = get("/api/v1/reports/statistics.csv" + window(report), reader);
        return response.status() == 200 && response.body().contains("total,,Reports,1") ? Answer.SHOWN : Answer.HIDDEN;
    }

    private Answer apiNearby(Case report, Reader reader) {
        Response response = get("/api/v1/reports/" + anchor.id() + "/nearby?distanceKm=1&hours=24", reader);
        return response.status() == 200 && response.body().contains(report.id().toString())
                ? Answer.SHOWN
                : Answer.HIDDEN;
    }

    private Answer apiMessages(Case report, Reader reader) {
        return byStatus(get("/api/v1/reports/" + report.id() + "/messages", reader));
    }

    private Answer apiPostMessage(Case report, Reader reader) {
        return byStatus(post("/api/v1/reports/" + report.id() + "/messages", "{\"body\": \"matrix\"}", reader));
    }

    private Answer apiStatus(Case report, Reader reader) {
        // an empty status: the police are told what is missing (400), nothing changes
        return byStatus(post("/api/v1/reports/" + report.id() + "/status", "{\"status\": \"\"}", reader));
    }

    private Answer notifiedOf(Case report, Reader reader) {
        Report found = reports.find(report.id()).orElseThrow();
        PersonId person = viewers.get(reader).personId();
        boolean told = recipients.reporterSide(found).contains(person)
                || (recipients.police().contains(person));
        return told ? Answer.SHOWN : Answer.HIDDEN;
    }

    private TestHttp session(String email, String password) {
        TestHttp session = new TestHttp(port);
        assertThat(session.signIn(email, password).location())
                .as("signing in as " + email)
                .endsWith("/");
        session.get("/reports", "Accept", "text/html");
        return session;
    }

    /** A page request: someone who cannot sign in is sent to the sign-in page, which shows nothing. */
    private Response page(Reader reader, String path) {
        TestHttp session = sessions.get(reader);
        return session == null ? http.get(path, "Accept", "text/html") : session.get(path, "Accept", "text/html");
    }

    private static Answer byPageStatus(Response response) {
        return response.status() == 302 ? Answer.HIDDEN : byStatus(response);
    }

    private Answer page(Case report, Reader reader) {
        Response response = page(reader, "/reports/" + report.id());
        if (response.status() != 200) {
            assertThat(response.body()).doesNotContain(word);
        }
        return byPageStatus(response);
    }

    /** The list shows twenty a page: every page of the search is read. */
    private Answer pageSearch(Case report, Reader reader) {
        for (int n = 1; n <= 3; n++) {
            Response response = page(reader, "/reports?q=" + word + "&page=" + n);
            if (response.status() == 200 && response.body().contains(report.id().toString())) {
                return Answer.SHOWN;
            }
        }
        return Answer.HIDDEN;
    }

    /** An empty message: a participant is told what is missing (the page again), nothing is posted. */
    private Answer pagePostMessage(Case report, Reader reader) {
        TestHttp session = sessions.get(reader);
        return session == null
                ? Answer.HIDDEN
                : byPageStatus(session.postForm("/reports/" + report.id() + "/messages", Map.of("body", "")));
    }

    /** No status chosen: the police are told what is missing (the page again), nothing changes. */
    private Answer pageStatus(Case report, Reader reader) {
        TestHttp session = sessions.get(reader);
        return session == null
                ? Answer.HIDDEN
                : byPageStatus(session.postForm("/reports/" + report.id() + "/status", Map.of("status", "")));
    }

    private Attachment fileOf(Case report) {
        return files.computeIfAbsent(
                report.id(),
                id -> attachments.add(viewers.get(Reader.SECURITY), id, word + ".jpg", TestFiles.jpeg(8, 8)));
    }

    private Answer apiAttachmentDownload(Case report, Reader reader) {
        Response response =
                get(ReportAttachments.link(report.id(), fileOf(report).id()), reader);
        if (response.status() != 200) {
            assertThat(response.body()).doesNotContain(word);
        }
        return byStatus(response);
    }

    private Answer apiAttachmentList(Case report, Reader reader) {
        Attachment file = fileOf(report);
        Response response = get("/api/v1/reports/" + report.id() + "/attachments", reader);
        if (response.status() == 200) {
            assertThat(response.body()).contains(file.id().toString());
        } else {
            assertThat(response.body()).doesNotContain(word);
        }
        return byStatus(response);
    }

    private Answer apiAttachmentUpload(Case report, Reader reader) {
        Upload upload = Upload.file("matrix.png", TestFiles.png(4, 4));
        String token = tokens.get(reader);
        String path = "/api/v1/reports/" + report.id() + "/attachments";
        Response response = token == null
                ? http.post(path, upload.contentType(), upload.body())
                : http.post(path, upload.contentType(), upload.body(), "Authorization", token);
        return byStatus(response);
    }
}
