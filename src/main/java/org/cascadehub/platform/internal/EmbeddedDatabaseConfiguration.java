package org.cascadehub.platform.internal;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Demo mode's database: an embedded PostgreSQL whose data directory is kept between runs
 * ({@code cascade.demo.database-directory}, default {@code .cascade/postgres}; empty means a fresh
 * temporary cluster, as the tests use).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "cascade.mode", havingValue = "DEMO")
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(@Value("${cascade.demo.database-directory:.cascade/postgres}") String directory) {
        return EmbeddedDatabase.start(directory.isBlank() ? null : Path.of(directory));
    }

    @Bean
    DataSource dataSource(EmbeddedDatabase database) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(database.jdbcUrl());
        dataSource.setUsername("postgres");
        dataSource.setPoolName("cascade-embedded");
        dataSource.setMaximumPoolSize(20);
        return dataSource;
    }
}
