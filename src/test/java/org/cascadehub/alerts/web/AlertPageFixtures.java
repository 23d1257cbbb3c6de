package org.cascadehub.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cascadehub.alerts.Alert;
import org.cascadehub.alerts.AlertAuthoring;
import org.cascadehub.alerts.AlertDraft;
import org.cascadehub.alerts.Area;
import org.cascadehub.alerts.Audience;
import org.cascadehub.demo.DemoAccounts;
import org.cascadehub.directory.People;
import org.cascadehub.directory.PersonId;
import org.cascadehub.directory.Viewer;
import org.cascadehub.support.TestHttp;
import org.cascadehub.support.TestHttp.Response;
import org.springframework.context.ApplicationContext;

/**
 * Helpers for the alert page tests: sessions signed in through the form, alerts written straight
 * through the services (each test makes its own), and reading a page's form values and messages.
 */
final class AlertPageFixtures {

    private final int port;
    private final People people;
    private final AlertAuthoring authoring;

    private AlertPageFixtures(int port, People people, AlertAuthoring authoring) {
        this.port = port;
        this.people = people;
        this.authoring = authoring;
    }

    static AlertPageFixtures of(ApplicationContext context) {
        return new AlertPageFixtures(
                Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port")),
                context.getBean(People.class),
                context.getBean(AlertAuthoring.class));
    }

    /** A session signed in as a demo account (with its right password: failures would count). */
    TestHttp as(String demoEmail) {
        return signedIn(demoEmail, DemoAccounts.PASSWORD);
    }

    TestHttp signedIn(String email, String password) {
        TestHttp http = new TestHttp(port);
        Response signIn = http.signIn(email, password);
        assertThat(signIn.location()).as("signing in as " + email).endsWith("/");
        return http;
    }

    /** A redirect's target as a path on this server (Tomcat sends absolute locations). */
    static String local(String location) {
        java.net.URI uri = java.net.URI.create(location);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    TestHttp anonymous() {
        return new TestHttp(port);
    }

    PersonId person(String email) {
        return people.findByEmail(email).orElseThrow().id();
    }

    String name(String email) {
        return people.findByEmail(email).orElseThrow().name();
    }

    Viewer viewer(String email) {
        return people.viewer(person(email)).orElseThrow();
    }

    /** A draft for Westminster, everyone there, two hours long. */
    static AlertDraft westminster(String headline, String severity, String tlp) {
        return new AlertDraft(
                headline,
                null,
                "A cordon is in place.",
                "Keep staff away from the cordon.",
                "Security",
                "Immediate",
                severity,
                "Observed",
                null,
                tlp,
                Area.ofBoroughs(List.of("westminster")),
                Audience.everyone(),
                null,
                120);
    }

    Alert draft(String author, AlertDraft draft) {
        return authoring.draft(viewer(author), draft);
    }

    Alert submitted(String author, AlertDraft draft) {
        Viewer viewer = viewer(author);
        return authoring.submit(viewer, authoring.draft(viewer, draft).id());
    }

    /** Published by its author: the draft must need no approval (not Severe, not CLEAR). */
    Alert published(String author, AlertDraft draft) {
        Viewer viewer = viewer(author);
        return authoring.publish(viewer, authoring.draft(viewer, draft).id());
    }

    /** The fields of a complete, valid alert form for Westminster. */
    static Map<String, String> validForm(String headline) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("headline", headline);
        form.put("description", "A cordon is in place.");
        form.put("instruction", "Keep staff away from the cordon.");
        form.put("category", "Security");
        form.put("urgency", "Immediate");
        form.put("severity", "Minor");
        form.put("certainty", "Observed");
        form.put("tlp", "GREEN");
        form.put("expiry", "minutes");
        form.put("expiresInMinutes", "120");
        form.put("area", "boroughs");
        form.put("boroughs", "westminster");
        return form;
    }
}
