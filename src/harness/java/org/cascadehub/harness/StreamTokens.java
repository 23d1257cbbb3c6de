package org.cascadehub.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * API tokens for the people who receive an all-boroughs alert for everyone (active people of
 * vetted organisations with a site), written straight into Cascade's {@code api_token} table as
 * the access module writes them: {@code cas_} and 256 random bits, stored as their SHA-256, with a
 * {@code token <id>} notification on {@code cascade_access} for each, so Cascade holds them in memory
 * as it holds tokens issued through its API.
 */
final class StreamTokens {

    record Issued(Path file, int people) {}

    private static final SecureRandom RANDOM = new SecureRandom();

    private StreamTokens() {}

    /**
     * Tokens for up to n recipients, one a line in a temporary file (recipients repeat if fewer):
     * the recipients of {@code probeAlert} when given, else the people such an alert would reach in
     * a directory the harness generated.
     */
    static Issued issue(String jdbcUrl, int n, @Nullable Long probeAlert) {
        List<UUID> people = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        List<UUID> tokenIds = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            try (PreparedStatement query = db.prepareStatement(probeAlert == null ? """
                    SELECT p.id FROM person p JOIN organisation o ON o.id = p.organisation_id
                    WHERE p.status = 'ACTIVE' AND o.status = 'VETTED'
                      AND EXISTS (SELECT 1 FROM site s WHERE s.organisation_id = o.id)
                    ORDER BY p.id LIMIT ?
                    """ : """
                    SELECT DISTINCT person_id FROM alert_recipient_all WHERE alert_id = ?
                    ORDER BY person_id LIMIT ?
                    """)) {
                int parameter = 1;
                if (probeAlert != null) {
                    query.setLong(parameter++, probeAlert);
                }
                query.setInt(parameter, n);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        people.add(rows.getObject(1, UUID.class));
                    }
                }
            }
            if (people.isEmpty()) {
                throw new IllegalStateException("Cascade's directory has nobody an all-boroughs alert would reach");
            }
            db.setAutoCommit(false);
            Instant now = Instant.now();
            try (PreparedStatement insert = db.prepareStatement("""
                    INSERT INTO api_token (id, person_id, token_hash, label, created_at, expires_at)
                    VALUES (?, ?, ?, 'load harness', ?, ?)
                    """)) {
                for (UUID person : people) {
                    String token = newToken();
                    tokens.add(token);
                    UUID id = UUID.randomUUID();
                    tokenIds.add(id);
                    insert.setObject(1, id);
                    insert.setObject(2, person);
                    insert.setBytes(3, sha256(token));
                    insert.setTimestamp(4, Timestamp.from(now));
                    insert.setTimestamp(5, Timestamp.from(now.plus(Duration.ofDays(1))));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            // As the access module does on issuing a token: every node reads it into memory once
            // this commits, so a stream opened with it reads nothing.
            try (PreparedStatement notify = db.prepareStatement(
                    "SELECT count(pg_notify('cascade_access', 'token ' || id)) FROM unnest(?::uuid[]) AS id")) {
                notify.setArray(1, db.createArrayOf("uuid", tokenIds.toArray()));
                notify.executeQuery().close();
            }
            db.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write stream tokens through " + jdbcUrl + ": " + e, e);
        }
        try {
            Path file = Files.createTempFile("cascade-stream-tokens-", ".txt");
            file.toFile().deleteOnExit();
            Files.write(file, tokens);
            return new Issued(file, people.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String newToken() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return "cas_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The embedded PostgreSQL's port is the fourth line of its postmaster.pid. */
    static String jdbcUrlFromDataDirectory(Path dataDirectory) {
        try {
            List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
            return "jdbc:postgresql://127.0.0.1:" + lines.get(3).trim() + "/postgres";
        } catch (IOException e) {
            throw new UncheckedIOException("no postmaster.pid in " + dataDirectory, e);
        }
    }

    /** Stops a PostgreSQL left serving the data directory (its pid is postmaster.pid's first line). */
    static void stopPostgres(Path dataDirectory) {
        try {
            List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
            ProcessHandle.of(Long.parseLong(lines.getFirst().trim()))
                    .filter(p -> p.info().commandLine().orElse("").contains("postgres"))
                    .ifPresent(postmaster -> {
                        postmaster.destroy();
                        try {
                            postmaster.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
                        } catch (Exception e) {
                            postmaster.destroyForcibly();
                        }
                    });
        } catch (IOException | RuntimeException e) {
            // no PostgreSQL left running
        }
    }
}
