package org.cascadehub.delivery;

import java.util.List;
import java.util.UUID;
import org.cascadehub.platform.SecretSealing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Seals, at start-up, webhook secrets stored by earlier versions, which kept them readable. Each row is replaced only if it still holds the value read, so two nodes
 * starting together cannot seal one twice. Runs after access's {@code SecretKeyCheck}, so
 * production without a key stops there first.
 */
@Component
class WebhookSecretSealing implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(WebhookSecretSealing.class);

    private final JdbcClient jdbc;
    private final SecretSealing.Sealer secrets;

    WebhookSecretSealing(JdbcClient jdbc, SecretSealing sealing) {
        this.jdbc = jdbc;
        this.secrets = sealing.sealer(WebhookSubscriptions.SECRETS);
    }

    private record Unsealed(UUID id, String secret) {}

    @Override
    public void run(ApplicationArguments args) {
        int sealed = sealStored();
        if (sealed > 0) {
            log.info("Sealed {} webhook signing secret(s) that an earlier version had stored readable", sealed);
        }
    }

    /** Seals every stored secret that is not sealed yet; answers how many it sealed. */
    int sealStored() {
        List<Unsealed> unsealed = jdbc.sql("SELECT id, secret FROM webhook_subscription WHERE secret NOT LIKE 'v1:%'")
                .query((rs, n) -> new Unsealed(rs.getObject("id", UUID.class), rs.getString("secret")))
                .list();
        int sealed = 0;
        for (Unsealed row : unsealed) {
            sealed += jdbc.sql("UPDATE webhook_subscription SET secret = ? WHERE id = ? AND secret = ?")
                    .params(secrets.seal(row.secret()), row.id(), row.secret())
                    .update();
        }
        return sealed;
    }
}
