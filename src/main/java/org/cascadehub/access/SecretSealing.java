package org.cascadehub.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.cascadehub.platform.RunMode;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.security.crypto.encrypt.TextEncryptor;
import org.springframework.stereotype.Component;

/**
 * Seals secrets the hub must be able to read back (second-factor keys) with AES-256-GCM, keyed
 * from {@code CASCADE_SECRET_KEY}, so a copy of the database alone does not give them away.
 * Production requires the key ({@link SecretKeyCheck}); demo mode keeps a generated one beside its
 * database, and a throwaway database gets a throwaway key.
 */
@Component
class SecretSealing {

    static final String KEY_VARIABLE = "CASCADE_SECRET_KEY";
    private static final String PREFIX = "v1:";
    /** Fixed: the key itself is the secret; the salt only separates this use of it from others. */
    private static final String SALT = HexFormat.of().formatHex("cascade-totp-v1".getBytes());

    private final TextEncryptor encryptor;
    private final boolean configured;

    SecretSealing(Environment environment, RunMode mode) {
        String key = environment.getProperty(KEY_VARIABLE, "");
        this.configured = !key.isBlank();
        if (!configured && mode == RunMode.DEMO) {
            key = demoKey(environment.getProperty("cascade.demo.database-directory", ".cascade/postgres"));
        }
        this.encryptor = key.isBlank() ? null : Encryptors.delux(key, SALT);
    }

    boolean configured() {
        return configured;
    }

    String seal(String secret) {
        return PREFIX + encryptor().encrypt(secret);
    }

    String open(String sealed) {
        if (!sealed.startsWith(PREFIX)) {
            throw new IllegalStateException("A stored secret is not sealed; it was written by another version");
        }
        return encryptor().decrypt(sealed.substring(PREFIX.length()));
    }

    private TextEncryptor encryptor() {
        if (encryptor == null) {
            throw new IllegalStateException(KEY_VARIABLE + " is not set");
        }
        return encryptor;
    }

    /** Demo mode's key: kept beside the kept database (so restarts can still read it), or random. */
    private static String demoKey(String databaseDirectory) {
        String random = HexFormat.of().formatHex(SecureRandom.getSeed(32));
        if (databaseDirectory.isBlank()) {
            return random;
        }
        Path file = Path.of(databaseDirectory).toAbsolutePath().getParent().resolve("secret-key");
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            Files.createDirectories(file.getParent());
            Files.writeString(file, random);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the folder's own permissions apply.
            }
            return random;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep demo mode's secret key in " + file, e);
        }
    }
}
