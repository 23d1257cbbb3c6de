package org.cascadehub.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.security.crypto.encrypt.TextEncryptor;
import org.springframework.stereotype.Component;

/**
 * Seals secrets the hub must be able to read back (second-factor keys, webhook signing secrets)
 * with AES-256-GCM, keyed from {@code CASCADE_SECRET_KEY}, so a copy of the database alone does not
 * give them away. Each kind of secret has a {@link Sealer} of its own, whose key is derived from
 * that one with its own salt: a value sealed as one kind does not open as another. Production
 * requires the key (access's {@code SecretKeyCheck}); demo mode keeps a generated one beside its
 * database, and a throwaway database gets a throwaway key.
 */
@Component
public class SecretSealing {

    public static final String KEY_VARIABLE = "CASCADE_SECRET_KEY";
    private static final String PREFIX = "v1:";

    private final @Nullable String key;
    private final boolean configured;
    private final Map<String, Sealer> sealers = new ConcurrentHashMap<>();

    public SecretSealing(Environment environment, RunMode mode) {
        String given = environment.getProperty(KEY_VARIABLE, "");
        this.configured = !given.isBlank();
        if (!configured && mode == RunMode.DEMO) {
            given = demoKey(environment.getProperty("cascade.demo.database-directory", ".cascade/postgres"));
        }
        this.key = given.isBlank() ? null : given;
    }

    /** Whether the key was given (production needs it), rather than made up by demo mode. */
    public boolean configured() {
        return configured;
    }

    /**
     * The sealer for one kind of secret, such as {@code "totp"} or {@code "webhook"}; its salt is
     * fixed ({@code cascade-<purpose>-v1}), as the key itself is the secret, so values it sealed
     * open again after a restart. Made once per purpose: deriving its key (PBKDF2) is the costly
     * part, and several beans ask for the same one.
     */
    public Sealer sealer(String purpose) {
        return sealers.computeIfAbsent(purpose, p -> {
            String salt = HexFormat.of().formatHex(("cascade-" + p + "-v1").getBytes(StandardCharsets.US_ASCII));
            return new Sealer(key == null ? null : Encryptors.delux(key, salt));
        });
    }

    /** Seals and opens one kind of secret. */
    public static final class Sealer {

        private final @Nullable TextEncryptor encryptor;

        private Sealer(@Nullable TextEncryptor encryptor) {
            this.encryptor = encryptor;
        }

        /** The secret sealed, with a fresh nonce each time: {@code v1:} and hex. */
        public String seal(String secret) {
            return PREFIX + encryptor().encrypt(secret);
        }

        /** The secret again; refuses a value that is not sealed, or was sealed with another key or for another use. */
        public String open(String sealed) {
            if (!isSealed(sealed)) {
                throw new IllegalStateException("A stored secret is not sealed; it was written by another version");
            }
            return encryptor().decrypt(sealed.substring(PREFIX.length()));
        }

        /** Whether a stored value is sealed (values written before sealing began are not). */
        public static boolean isSealed(String stored) {
            return stored.startsWith(PREFIX);
        }

        private TextEncryptor encryptor() {
            if (encryptor == null) {
                throw new IllegalStateException(KEY_VARIABLE + " is not set");
            }
            return encryptor;
        }
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
