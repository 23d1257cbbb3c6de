package org.cascadehub.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cascadehub.support.TestHttp.bearer;

import com.icegreen.greenmail.util.GreenMail;
import java.time.Duration;
import java.util.List;
import org.cascadehub.CascadeTest;
import org.cascadehub.directory.Role;
import org.cascadehub.support.TestHttp;
import org.cascadehub.support.TestMail;
import org.cascadehub.support.TestPeople;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who is told what about a report: police coordinators on screen of a new report and of the
 * reporter's messages; the reporter on screen and by email of each status change and police
 * message, the email carrying the content only for CLEAR and GREEN.
 */
@CascadeTest
class ReportNotificationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestPeople testPeople;

    @Autowired
    GreenMail greenMail;

    TestHttp http;
    String police;
    TestPeople.TestPerson reporter;
    String reporterToken;

    @BeforeEach
    void setUp() {
        http = new TestHttp(port);
        police = bearer(http.token("police@demo.test", "demo-password"));
        reporter = testPeople.create(Role.SECURITY_MANAGER);
        reporterToken = bearer(http.token(reporter.email(), reporter.password()));
    }

    private String submit(String tlp) {
        TestHttp.Response created = http.postJson(
                "/api/v1/reports",
                ReportJson.hostileReconnaissance(tlp, ReportJson.POLICE_ONLY),
                "Authorization",
                reporterToken);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private List<String> mailsAbout(String id) {
        return TestMail.messagesTo(greenMail, reporter.email()).stream()
                .filter(m -> m.contains(id))
                .toList();
    }

    @Test
    void thePoliceSeeANewReportLive() throws Exception {
        try (LiveLines policeStream = LiveLines.open(port, police)) {
            String id = submit("AMBER");
            assertThat(policeStream.until(id))
                    .contains("\"type\":\"HOSTILE_RECONNAISSANCE\"")
                    .contains("\"tlp\":\"AMBER\"");
        }
    }

    @Test
    void aGreenReportsFeedbackComesOnScreenAndByEmailWithTheMessage() throws Exception {
        String id = submit("GREEN");
        try (LiveLines reporterStream = LiveLines.open(port, reporterToken)) {
            http.postJson(
                    "/api/v1/reports/" + id + "/status",
                    "{\"status\": \"CRIME_RECORDED\", \"crimeReference\": \"CAD 77/26\", \"message\": \"An officer will call.\"}",
                    "Authorization",
                    police);
            String feedback = reporterStream.until(id);
            assertThat(feedback).contains("An officer will call.").contains("CRIME_RECORDED");
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> !mailsAbout(id).isEmpty());
        String mail = mailsAbout(id).getFirst();
        assertThat(mail)
                .contains("[TLP:GREEN] Police feedback on your report: Crime reference recorded")
                .contains("An officer will call.")
                .contains("CAD 77/26")
                .contains("/reports/" + id);
    }

    @Test
    void anAmberReportsEmailCarriesTheLabelAndALinkButNeverTheContent() throws Exception {
        String id = submit("AMBER");
        try (LiveLines reporterStream = LiveLines.open(port, reporterToken)) {
            http.postJson(
                    "/api/v1/reports/" + id + "/messages",
                    "{\"body\": \"The suspect is known to us: do not approach.\"}",
                    "Authorization",
                    police);
            assertThat(reporterStream.until(id)).contains("do not approach");
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> !mailsAbout(id).isEmpty());
        String mail = mailsAbout(id).getFirst();
        assertThat(mail)
                .contains("[TLP:AMBER] Police feedback on your report")
                .contains("/reports/" + id)
                .contains("TLP:AMBER")
                .doesNotContain("do not approach")
                .doesNotContain("staff entrance")
                .doesNotContain("HOSTILE")
                .doesNotContain("Hostile");
    }

    @Test
    void theReportersMessageReachesThePoliceLiveAndSendsNoEmailToTheReporter() throws Exception {
        String id = submit("AMBER");
        try (LiveLines policeStream = LiveLines.open(port, police)) {
            http.postJson(
                    "/api/v1/reports/" + id + "/messages",
                    "{\"body\": \"They are back at the entrance.\"}",
                    "Authorization",
                    reporterToken);
            assertThat(policeStream.until("They are back")).contains(id);
        }
        http.postJson("/api/v1/reports/" + id + "/messages", "{\"body\": \"Noted.\"}", "Authorization", police);
        await().atMost(Duration.ofSeconds(20)).until(() -> !mailsAbout(id).isEmpty());
        assertThat(mailsAbout(id))
                .as("one email: for the police's message, none for the reporter's own")
                .hasSize(1);
    }
}
