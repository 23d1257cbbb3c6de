package org.cascadehub.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.cascadehub.CascadeTest;
import org.cascadehub.access.Credentials;
import org.cascadehub.audit.AuditLog;
import org.cascadehub.directory.Organisations;
import org.cascadehub.directory.People;
import org.cascadehub.directory.SharingGroups;
import org.cascadehub.reports.ReportCast.Part;
import org.cascadehub.support.TestHttp;
import org.cascadehub.support.TestHttp.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Report attachments over real HTTP: upload, list, download, and every refusal, each naming the field. */
@CascadeTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportAttachmentsApiTests {

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
    AuditLog audit;

    private TestHttp http;
    private ReportCast cast;

    @BeforeAll
    void cast() {
        http = new TestHttp(port);
        cast = new ReportCast(organisations, people, credentials, groups, submission);
    }

    @Test
    void theReporterAttachesAPhotoWhoseLocationIsRemovedAndPoliceDownloadIt() throws IOException {
        Report report = cast.report("AMBER", false);
        Instant before = Instant.now();

        Response uploaded = upload(Part.REPORTER, report, Upload.file("entrance.jpg", jpegWithLocation()));

        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        JsonNode attachment = uploaded.json();
        String path = uploaded.location();
        assertThat(path)
                .isEqualTo("/api/v1/reports/" + report.id() + "/attachments/"
                        + attachment.get("id").asString());
        assertThat(attachment.get("name").asString()).isEqualTo("entrance.jpg");
        assertThat(attachment.get("type").asString()).isEqualTo("JPEG");

        Response list = http.get(attachmentsOf(report), "Authorization", bearer(Part.POLICE));
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().size()).isEqualTo(1);
        assertThat(list.json().get(0).get("id").asString())
                .isEqualTo(attachment.get("id").asString());

        HttpResponse<byte[]> download = downloadBytes(path, Part.POLICE);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(download.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(d -> assertThat(d).startsWith("attachment;").contains("entrance.jpg"));
        assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(download.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'none'", "sandbox"));
        byte[] stored = download.body();
        assertThat(stored.length).isEqualTo(attachment.get("size").asLong());
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("Exif", TestFiles.CAMERA, "GPS");
        BufferedImage picture = ImageIO.read(new ByteArrayInputStream(stored));
        assertThat(picture.getWidth()).isEqualTo(64);
        assertThat(picture.getHeight()).isEqualTo(48);

        String police = cast.member(Part.POLICE).email();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(
                                audit.between(before, Instant.now().plusSeconds(5), 0, 1000))
                        .anySatisfy(entry -> {
                            assertThat(entry.actor()).isEqualTo(police);
                            assertThat(entry.action()).isEqualTo("RestrictedReportRead");
                            assertThat(entry.detail()).contains(report.id().toString(), "\"attachment\"");
                        })
                        .anySatisfy(entry -> {
                            assertThat(entry.action()).isEqualTo("ReportAttachmentAdded");
                            assertThat(entry.detail())
                                    .contains(attachment.get("id").asString());
                        }));
    }

    @Test
    void aColleagueAndThePoliceMayAttachPdfsAndPngs() {
        Report report = cast.report("GREEN", false);

        assertThat(upload(Part.COLLEAGUE, report, Upload.file("statement.pdf", TestFiles.pdf()))
                        .status())
                .isEqualTo(201);
        Response png = upload(Part.POLICE, report, Upload.file("map.png", TestFiles.pngWithMetadata(20, 10)));
        assertThat(png.status()).isEqualTo(201);
        assertThat(png.json().get("type").asString()).isEqualTo("PNG");
    }

    @Test
    void theDownloadNameAndTypeComeFromTheBytesNotFromWhatTheClientSaid() throws IOException {
        Report report = cast.report("GREEN", false);
        Response uploaded =
                upload(Part.REPORTER, report, Upload.of("file", "..\\..\\evil.html", "text/html", TestFiles.png(8, 8)));
        assertThat(uploaded.status()).isEqualTo(201);
        assertThat(uploaded.json().get("name").asString()).isEqualTo("evil.html");

        HttpResponse<byte[]> download = downloadBytes(uploaded.location(), Part.REPORTER);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(download.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(d -> assertThat(d).contains("evil.png").doesNotContain(".html", ".."));
    }

    @Test
    void aWindowsProgramNamedAsAPhotoIsRefusedAsWhatItIs() {
        Report report = cast.report("AMBER", false);

        Response refused = upload(Part.REPORTER, report, Upload.file("holiday.jpg", TestFiles.windowsProgram()));

        assertFieldProblem(refused, 400, "really a Windows program");
        assertThat(list(report)).isEmpty();
    }

    @Test
    void aPdfWithJavaScriptIsRefused() {
        Report report = cast.report("AMBER", false);
        byte[] pdf = TestFiles.handWrittenPdf("/OpenAction 4 0 R", "<< /S /JavaScript /JS (app.alert\\(1\\)) >>");

        assertFieldProblem(upload(Part.REPORTER, report, Upload.file("form.pdf", pdf)), 400, "JavaScript");
    }

    @Test
    void anEmptyFileIsRefused() {
        Report report = cast.report("AMBER", false);

        assertFieldProblem(upload(Part.REPORTER, report, Upload.file("empty.jpg", new byte[0])), 400, "empty");
    }

    @Test
    void aFileOverTheLimitIsAnsweredWith413NamingTheField() {
        Report report = cast.report("AMBER", false);
        byte[] large = Arrays.copyOf(TestFiles.jpeg(8, 8), 10 * 1024 * 1024 + 1);

        Response refused = upload(Part.REPORTER, report, Upload.file("huge.jpg", large));

        assertFieldProblem(refused, 413, "larger than 10 MB");
        assertThat(list(report)).isEmpty();
    }

    @Test
    void aRequestWithoutAFilePartIsRefusedNamingTheField() {
        Report report = cast.report("AMBER", false);

        Response refused =
                upload(Part.REPORTER, report, Upload.of("photo", "a.jpg", "image/jpeg", TestFiles.jpeg(8, 8)));

        assertFieldProblem(refused, 400, "Choose a file");
    }

    @Test
    void someoneWhoMaySeeTheReportButIsNotOnEitherSideMayNotAttach() {
        Report report = cast.report("GREEN", false);

        Response refused = upload(Part.OUTSIDER, report, Upload.file("a.jpg", TestFiles.jpeg(8, 8)));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(list(report)).isEmpty();
    }

    @Test
    void aReportTheCallerMayNotSeeAnswers404OnEveryAttachmentRequest() {
        Report report = cast.report("AMBER", false);
        String path = upload(Part.REPORTER, report, Upload.file("a.jpg", TestFiles.jpeg(8, 8)))
                .location();

        assertThat(upload(Part.OUTSIDER, report, Upload.file("b.jpg", TestFiles.jpeg(8, 8)))
                        .status())
                .isEqualTo(404);
        assertThat(http.get(attachmentsOf(report), "Authorization", bearer(Part.OUTSIDER))
                        .status())
                .isEqualTo(404);
        Response download = http.get(path, "Authorization", bearer(Part.OUTSIDER));
        assertThat(download.status()).isEqualTo(404);
        Response missing = http.get(
                "/api/v1/reports/" + ReportId.random() + "/attachments", "Authorization", bearer(Part.OUTSIDER));
        assertThat(download.json().get("title").asString())
                .isEqualTo(missing.json().get("title").asString());
        assertThat(list(report)).hasSize(1);
    }

    @Test
    void anAttachmentOfAnotherReportAnswers404() {
        Report first = cast.report("GREEN", false);
        Report second = cast.report("GREEN", false);
        String id = upload(Part.REPORTER, first, Upload.file("a.jpg", TestFiles.jpeg(8, 8)))
                .json()
                .get("id")
                .asString();

        assertThat(http.get(attachmentsOf(second) + "/" + id, "Authorization", bearer(Part.REPORTER))
                        .status())
                .isEqualTo(404);
        assertThat(http.get(attachmentsOf(first) + "/not-an-id", "Authorization", bearer(Part.REPORTER))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void withoutSigningInNothingIsAnswered() {
        Report report = cast.report("CLEAR", false);

        assertThat(http.get(attachmentsOf(report)).status()).isEqualTo(401);
        Upload upload = Upload.file("a.jpg", TestFiles.jpeg(8, 8));
        assertThat(http.post(attachmentsOf(report), upload.contentType(), upload.body())
                        .status())
                .isEqualTo(401);
    }

    private static byte[] jpegWithLocation() {
        return TestFiles.jpegWithLocation(64, 48, 1);
    }

    private Response upload(Part who, Report report, Upload upload) {
        return http.post(attachmentsOf(report), upload.contentType(), upload.body(), "Authorization", bearer(who));
    }

    private JsonNode list(Report report) {
        Response list = http.get(attachmentsOf(report), "Authorization", bearer(Part.REPORTER));
        assertThat(list.status()).isEqualTo(200);
        return list.json();
    }

    private HttpResponse<byte[]> downloadBytes(String path, Part who) {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .header("Authorization", bearer(who))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String bearer(Part who) {
        return TestHttp.bearer(cast.token(who, http));
    }

    private static String attachmentsOf(Report report) {
        return "/api/v1/reports/" + report.id() + "/attachments";
    }

    private static void assertFieldProblem(Response response, int status, String message) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("content-type")).hasValue("application/problem+json");
        JsonNode errors = response.json().get("errors");
        assertThat(errors.size()).isEqualTo(1);
        assertThat(errors.get(0).get("field").asString()).isEqualTo("file");
        assertThat(errors.get(0).get("message").asString()).contains(message);
    }
}
