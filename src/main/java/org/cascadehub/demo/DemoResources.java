package org.cascadehub.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/** The demo's small data files under {@code demo/}: '#' starts a comment line. */
final class DemoResources {

    private DemoResources() {}

    /** Every line but blank ones and comments. */
    static List<String> lines(String resource) {
        try (InputStream in = Objects.requireNonNull(
                        DemoResources.class.getClassLoader().getResourceAsStream(resource), resource);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    /** A CSV file's rows after its header: plain comma-separated cells, no quoting. */
    static List<String[]> rows(String resource) {
        List<String> lines = lines(resource);
        return lines.subList(1, lines.size()).stream()
                .map(line -> line.split(",", -1))
                .toList();
    }
}
