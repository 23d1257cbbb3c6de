package org.cascadehub.alerts.cap;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Test documents: the shared CAP files, and a small valid alert to break in one place at a time. */
final class CapDocuments {

    /** The shared files the CAP specification and google/cap-library give as valid. */
    static final List<String> VALID_FILES = List.of(
            "thunderstorm.cap", "homeland-security.cap", "earthquake.cap", "weather.cap", "no_optional_fields.cap");

    /** Valid, with one of nearly everything the rules look at. */
    static final String VALID = """
            <?xml version="1.0" encoding="UTF-8"?>
            <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
              <identifier>MPS-2026-0001</identifier>
              <sender>alerts@cascade.test</sender>
              <sent>2026-03-01T14:00:00-00:00</sent>
              <status>Actual</status>
              <msgType>Alert</msgType>
              <scope>Public</scope>
              <code>CASCADE</code>
              <info>
                <language>en-GB</language>
                <category>Security</category>
                <event>Suspicious package</event>
                <urgency>Immediate</urgency>
                <severity>Severe</severity>
                <certainty>Observed</certainty>
                <effective>2026-03-01T14:00:00-00:00</effective>
                <onset>2026-03-01T14:05:00-00:00</onset>
                <expires>2026-03-01T18:00:00-00:00</expires>
                <web>https://cascade.test/alerts/1</web>
                <resource>
                  <resourceDesc>Cordon map</resourceDesc>
                  <mimeType>image/png</mimeType>
                  <size>2048</size>
                  <uri>https://cascade.test/alerts/1/map.png</uri>
                </resource>
                <area>
                  <areaDesc>Strand</areaDesc>
                  <polygon>51.5,-0.12 51.6,-0.12 51.6,-0.1 51.5,-0.12</polygon>
                  <circle>51.51,-0.12 1.5</circle>
                  <geocode>
                    <valueName>borough</valueName>
                    <value>Westminster</value>
                  </geocode>
                  <altitude>0</altitude>
                  <ceiling>500</ceiling>
                </area>
              </info>
            </alert>
            """;

    private CapDocuments() {}

    /** The valid alert with one piece of text replaced (which must be there). */
    static String valid(String from, String to) {
        return replace(VALID, from, to);
    }

    static String replace(String document, String from, String to) {
        if (!document.contains(from)) {
            throw new IllegalArgumentException("The test document does not contain " + from);
        }
        return document.replace(from, to);
    }

    static byte[] file(String name) {
        try (InputStream in = CapDocuments.class.getResourceAsStream("/cap/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No test file /cap/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(String document) {
        return document.getBytes(StandardCharsets.UTF_8);
    }
}
