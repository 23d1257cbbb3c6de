package org.cascadehub;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module structure holds (no cycles, no reaching into another module's internals). */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(CascadeApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void auditDependsOnNoBusinessModule() {
        ApplicationModule audit = modules.getModuleByName("audit").orElseThrow();
        assertThat(audit.getBootstrapDependencies(modules).map(ApplicationModule::getName))
                .doesNotContain("directory", "access", "demo", "dashboard");
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeDocumentation();
        assertThat(new java.io.File("target/spring-modulith-docs/all-docs.adoc"))
                .exists();
    }
}
