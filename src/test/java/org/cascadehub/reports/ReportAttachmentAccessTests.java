package org.cascadehub.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.cascadehub.CascadeTest;
import org.cascadehub.access.Credentials;
import org.cascadehub.audit.AuditEntry;
import org.cascadehub.audit.AuditLog;
import org.cascadehub.directory.Organisations;
import org.cascadehub.directory.People;
import org.cascadehub.directory.SharingGroups;
import org.cascadehub.platform.NotFound;
import org.cascadehub.reports.ReportCast.Part;
import org.cascadehub.support.TestHttp;
import org.cascadehub.support.TestHttp.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The attachment column of the access matrix, over real HTTP: for every TLP label, shared with
 * nobody but the police or with an organisation, a sharing group and a named person, every part a
 * person can play downloads, lists and uploads exactly when the rules say, and is answered 404 (as
 * for a report that does not exist) or 403 (may see, may not add) otherwise. The expectations are
 * written out here from the TLP rules, not asked of ReportPolicy.
 */
@CascadeTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportAttachmentAccessTests {

    static final List<String> LABELS = List.of("CLEAR", "GREEN", "AMBER", "AMBER+STRICT", "RED");

    @LocalServerPort
    int port;

    @Autowired
    Organisations organisations;

    @Autowired
    People people;

    @Autowired
    Credentials credentials;

    @Autowired
    SharingGroups groups;

    @Autowired
    ReportSubmission submission;

    @Autowired
    ReportAttachments attachments;

    @Autowired
    AuditLog audit;

    private TestHttp http;
    private ReportCast cast;
    private final Map<String, Report> reports = new HashMap<>();
    private final Map<String, Attachment> files = new HashMap<>();

    @BeforeAll
    void reportsWithAFileEach() {
        http = new TestHttp(port);
        cast = new ReportCast(organisations, people, credentials, groups, submission);
        for (String label : LABELS) {
            for (boolean shared : List.of(false, true)) {
                Report report = cast.report(label, shared);
                reports.put(key(label, shared), report);
                files.put(
                        key(label, shared),
                        attachments.add(cast.viewer(Part.REPORTER), report.id(), "photo.jpg", TestFiles.jpeg(8, 8)));
            }
        }
    }

    /** Who may see a report with this label and sharing, from the TLP 2.0 rules as issue #6 states them. */
    static boolean sees(Part part, String label, boolean shared) {
        boolean everyMember = label.equals("CLEAR") || label.equals("GREEN");
        return switch (part) {
            case REPORTER, POLICE -> true;
            case COLLEAGUE -> !label.equals("RED");
            case SHARED_ORGANISATION ->
                everyMember || (shared && (label.equals("AMBER") || label.equals("AMBER+STRICT")));
            case SHARING_GROUP_MEMBER -> everyMember || (shared && label.equals("AMBER"));
            case NAMED_PERSON -> everyMember || label.equals("RED");
            case OUTSIDER -> everyMember;
            case UNVETTED -> false;
        };
    }

    /** Files are added by the two sides of a report: the police and the reporter's organisation. */
    static boolean mayAttach(Part part, String label, boolean shared) {
        return sees(part, label, shared)
                && Set.of(Part.REPORTER, Part.COLLEAGUE, Part.POLICE).contains(part);
    }

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (String label : LABELS) {
            for (boolean shared : List.of(false, true)) {
                for (Part part : Part.values()) {
                    if (part != Part.UNVETTED) {
                        cases.add(Arguments.of(label, shared, part));
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} shared={1}: {2}")
    @MethodSource("matrix")
    void downloadListAndUploadFollowThePolicy(String label, boolean shared, Part part) {
        Report report = reports.get(key(label, shared));
        Attachment file = files.get(key(label, shared));
        String bearer = TestHttp.bearer(cast.token(part, http));
        boolean sees = sees(part, label, shared);

        Response download = http.get(ReportAttachments.link(report.id(), file.id()), "Authorization", bearer);
        Response list = http.get(attachments(report), "Authorization", bearer);
        Upload upload = Upload.file("more.png", TestFiles.png(4, 4));
        Response added = http.post(attachments(report), upload.contentType(), upload.body(), "Authorization", bearer);

        assertThat(download.status()).as("download").isEqualTo(sees ? 200 : 404);
        assertThat(list.status()).as("list").isEqualTo(sees ? 200 : 404);
        assertThat(added.status())
                .as("upload: %s", added.body())
                .isEqualTo(mayAttach(part, label, shared) ? 201 : sees ? 403 : 404);
        if (!sees) {
            assertThat(download.body()).doesNotContain(file.name(), report.description());
            assertThat(list.body()).doesNotContain(file.name(), report.description());
        }
    }

    @Test
    void someoneWhoseOrganisationIsNotVettedSeesNoFileAtAll() {
        for (String label : LABELS) {
            for (boolean shared : List.of(false, true)) {
                Report report = reports.get(key(label, shared));
                Attachment file = files.get(key(label, shared));
                var viewer = cast.viewer(Part.UNVETTED);
                assertThatThrownBy(() -> attachments.download(viewer, report.id(), file.id()))
                        .isInstanceOf(NotFound.class);
                assertThatThrownBy(() -> attachments.of(viewer, report.id())).isInstanceOf(NotFound.class);
                assertThatThrownBy(() -> attachments.add(viewer, report.id(), "a.png", TestFiles.png(4, 4)))
                        .isInstanceOf(NotFound.class);
            }
        }
    }

    @Test
    void downloadsOfAmberAmberStrictAndRedFilesAreAuditedAndOthersAreNot() {
        Instant before = Instant.now();
        String police = TestHttp.bearer(cast.token(Part.POLICE, http));
        for (String label : LABELS) {
            Report report = reports.get(key(label, false));
            Attachment file = files.get(key(label, false));
            assertThat(http.get(ReportAttachments.link(report.id(), file.id()), "Authorization", police)
                            .status())
                    .isEqualTo(200);
        }
        String actor = cast.member(Part.POLICE).email();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<AuditEntry> reads = audit.between(before, Instant.now().plusSeconds(5), 0, 10_000).stream()
                    .filter(e -> e.actor().equals(actor) && e.action().equals("RestrictedReportRead"))
                    .toList();
            for (String label : LABELS) {
                String id = reports.get(key(label, false)).id().toString();
                boolean restricted = !label.equals("CLEAR") && !label.equals("GREEN");
                assertThat(reads.stream()
                                .anyMatch(e ->
                                        e.detail().contains(id) && e.detail().contains("attachment")))
                        .as(label)
                        .isEqualTo(restricted);
            }
        });
    }

    private static String attachments(Report report) {
        return "/api/v1/reports/" + report.id() + "/attachments";
    }

    private static String key(String label, boolean shared) {
        return label + "/" + shared;
    }
}
