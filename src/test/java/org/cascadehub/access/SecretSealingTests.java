package org.cascadehub.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.cascadehub.CascadeApplication;
import org.cascadehub.platform.RunMode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.mock.env.MockEnvironment;

class SecretSealingTests {

    @Test
    void sealedSecretsOpenWithTheSameKeyOnlyAndDoNotShowThePlainSecret() {
        SecretSealing sealing = sealing("a key that is long enough to be a real key 0123456789");
        String secret = Totp.newSecret();

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
        assertThatThrownBy(() -> sealing("a key 0123456789").open(Totp.newSecret()))
                .hasMessageContaining("not sealed");
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

    private static SecretSealing sealing(String key) {
        return new SecretSealing(
                new MockEnvironment().withProperty(SecretSealing.KEY_VARIABLE, key), RunMode.PRODUCTION);
    }
}
