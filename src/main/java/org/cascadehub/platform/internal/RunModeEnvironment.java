package org.cascadehub.platform.internal;

import java.util.HashMap;
import java.util.Map;
import org.cascadehub.platform.RunMode;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Decides the {@link RunMode} from the environment before anything else is configured. Without
 * {@code CASCADE_DB_URL}: demo mode, which listens on 127.0.0.1 only whatever else is configured.
 * With it: production, whose data source is the external PostgreSQL it names.
 */
class RunModeEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String DB_URL = "CASCADE_DB_URL";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String url = environment.getProperty(DB_URL);
        Map<String, Object> decided = new HashMap<>();
        if (StringUtils.hasText(url)) {
            decided.put(RunMode.PROPERTY, RunMode.PRODUCTION.name());
            decided.put("spring.datasource.url", url);
            decided.put("spring.datasource.username", environment.getProperty("CASCADE_DB_USER", ""));
            decided.put("spring.datasource.password", environment.getProperty("CASCADE_DB_PASSWORD", ""));
        } else {
            decided.put(RunMode.PROPERTY, RunMode.DEMO.name());
            decided.put("server.address", "127.0.0.1");
        }
        // First in line: demo mode's loopback binding must not be overridden by other sources.
        environment.getPropertySources().addFirst(new MapPropertySource("cascadeRunMode", decided));
    }

    @Override
    public int getOrder() {
        // After config files and the environment are loaded, so CASCADE_DB_URL can come from either.
        return Ordered.LOWEST_PRECEDENCE;
    }
}
