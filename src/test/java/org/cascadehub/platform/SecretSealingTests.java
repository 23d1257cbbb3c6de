package org.cascadehub.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.HexFormat;
import org.cascadehub.CascadeApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.crypto.encrypt.Encryptors;

class SecretSealingTests {

    private static final String SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    @Test
    void sealedSecretsOpenWithTheSameKeyOnlyAndDoNotShowThePlainSecret() {
        SecretSealing.Sealer sealing = sealing("a key that is long enough to be a real key 0123456789");
        String secret = SECRET;

        String sealed = sealing.seal(secret);

        assertThat(sealed).startsWith("v1:").doesNotContain(secret);
        assertThat(sealing.open(sealed)).isEqualTo(secret);
        assertThat(sealing.seal(secret)).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThatThrownBy(
                        () -> sealing("another key entirely 0123456789 abcdef").open(sealed))
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void anUnsealedValueIsRefusedRatherThanUsed() {
        assertThatThrownBy(() -> sealing("a key 0123456789").open(SECRET)).hasMessageContaining("not sealed");
        assertThat(SecretSealing.Sealer.isSealed(SECRET)).isFalse();
    }

    @Test
    void aSecretSealedForOneUseDoesNotOpenAsAnother() {
        SecretSealing keyed = keyed("a key that is long enough to be a real key 0123456789");
        String sealed = keyed.sealer("webhook").seal(SECRET);

        assertThat(keyed.sealer("webhook").open(sealed)).isEqualTo(SECRET);
        assertThat(keyed.sealer("webhook")).as("its key derived once").isSameAs(keyed.sealer("webhook"));
        assertThatThrownBy(() -> keyed.sealer("totp").open(sealed)).isInstanceOf(RuntimeException.class);
    }

    /** Second-factor keys sealed before sealing had purposes (one fixed salt) must still open. */
    @Test
    void secondFactorKeysSealedByEarlierVersionsStillOpen() {
        String key = "a key that is long enough to be a real key 0123456789";
        String earlier = "v1:"
                + Encryptors.delux(key, HexFormat.of().formatHex("cascade-totp-v1".getBytes()))
                        .encrypt(SECRET);

        assertThat(sealing(key).open(earlier)).isEqualTo(SECRET);
    }

    @Test
    void withoutAKeyNothingIsSealedOrOpened() {
        SecretSealing none = new SecretSealing(new MockEnvironment(), RunMode.PRODUCTION);

        assertThat(none.configured()).isFalse();
        assertThatThrownBy(() -> none.sealer("webhook").seal(SECRET))
                .hasMessageContaining("CASCADE_SECRET_KEY is not set");
    }

    @Test
    void productionWillNotStartWithoutAKey() throws Exception {
        try (EmbeddedPostgres database =
                EmbeddedPostgres.builder().setRegisterShutdownHook(false).start()) {
            assertThatThrownBy(() -> new SpringApplicationBuilder(CascadeApplication.class)
                            .properties(
                                    "CASCADE_DB_URL=" + database.getJdbcUrl("postgres", "postgres"),
                                    "server.port=0",
                                    "server.address=127.0.0.1")
                            .run()
                            .close())
                    .hasStackTraceContaining("CASCADE_SECRET_KEY is not set");
        }
    }

    /** The sealer access's {@code Credentials} uses for second-factor keys. */
    private static SecretSealing.Sealer sealing(String key) {
        return keyed(key).sealer("totp");
    }

    private static SecretSealing keyed(String key) {
        return new SecretSealing(
                new MockEnvironment().withProperty(SecretSealing.KEY_VARIABLE, key), RunMode.PRODUCTION);
    }
}
