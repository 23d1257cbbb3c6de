package org.cascadehub.platform.internal;

import java.time.Clock;
import org.cascadehub.platform.PublicAddress;
import org.cascadehub.platform.RunMode;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Beans every module shares. */
@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

    /** The one clock: tests replace it to move time (expiry, escalation, rate-limit windows). */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    PublicAddress publicAddress(Environment environment) {
        return new PublicAddress(environment.getProperty(
                "CASCADE_PUBLIC_URL", "http://127.0.0.1:" + environment.getProperty("server.port", "8080")));
    }

    @Bean
    RunMode runMode(Environment environment) {
        return RunMode.valueOf(environment.getRequiredProperty(RunMode.PROPERTY));
    }
}
