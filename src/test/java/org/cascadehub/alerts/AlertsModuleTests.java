package org.cascadehub.alerts;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.cascadehub.CascadeApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/** The alerts module's shape: CAP is a named interface others may use, and it stands on its own. */
class AlertsModuleTests {

    private final ApplicationModules modules = ApplicationModules.of(CascadeApplication.class);

    @Test
    void capIsANamedInterfaceOfTheAlertsModule() {
        ApplicationModule alerts = modules.getModuleByName("alerts").orElseThrow();

        assertThat(alerts.getNamedInterfaces().getByName("cap")).isPresent();
    }

    @Test
    void theCapCodecUsesNoOtherPartOfCascade() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.cascadehub.alerts.cap");

        noClasses()
                .that()
                .resideInAPackage("org.cascadehub.alerts.cap..")
                .should()
                .dependOnClassesThat(
                        resideInAPackage("org.cascadehub..").and(not(resideInAPackage("org.cascadehub.alerts.cap.."))))
                .check(classes);
    }
}
