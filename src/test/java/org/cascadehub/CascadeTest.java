package org.cascadehub;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.cascadehub.support.TestMail;
import org.cascadehub.support.TestPeople;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * A full-stack test: the whole application on a real server port, in demo mode, on a fresh
 * temporary embedded PostgreSQL with the demo data loaded. Every test class using it shares one
 * application context (and one database), so tests must not depend on a pristine database: create
 * what you need, or use the stable demo accounts. MockMvc is there too, for requests that need a
 * particular remote address. Email goes to a real SMTP server in the test process ({@link TestMail}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "cascade.demo.database-directory=",
            // Every real-HTTP test comes from 127.0.0.1: leave room for their deliberate failures.
            "cascade.access.address-failure-limit=50",
            // Tests publish alerts back to back and wait for their email: a shorter wait for the
            // screens to settle (UrgentWorkTests tests the wait itself).
            "cascade.delivery.bulk-settle=PT0.5S"
        })
@AutoConfigureMockMvc
@Import({TestPeople.class, TestMail.class})
public @interface CascadeTest {}
