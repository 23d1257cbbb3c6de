package org.cascadehub.demo;

import org.cascadehub.demo.DemoAccounts.DemoAccount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells whoever started the demo where it is and how to sign in. */
@Component
@ConditionalOnProperty(name = "cascade.mode", havingValue = "DEMO")
class DemoBanner {

    private static final Logger log = LoggerFactory.getLogger(DemoBanner.class);

    @EventListener
    void ready(ApplicationReadyEvent event) {
        Environment environment = event.getApplicationContext().getEnvironment();
        String url = "http://127.0.0.1:" + environment.getProperty("local.server.port", "8080");
        StringBuilder banner = new StringBuilder()
                .append("\n\n  Cascade is running in DEMO mode at ")
                .append(url)
                .append("\n  Embedded PostgreSQL, demo data, listening on 127.0.0.1 only.")
                .append("\n  Set CASCADE_DB_URL to run in production mode on an external PostgreSQL.")
                .append("\n\n  Demo sign-ins (password '")
                .append(DemoAccounts.PASSWORD)
                .append("' for all):\n");
        for (DemoAccount account : DemoAccounts.ALL) {
            banner.append(String.format("    %-24s %s%n", account.email(), account.description()));
        }
        log.info(banner.toString());
    }
}
