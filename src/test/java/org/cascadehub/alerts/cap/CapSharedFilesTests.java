package org.cascadehub.alerts.cap;

import static org.assertj.core.api.Assertions.assertThat;

import org.cascadehub.alerts.cap.CapValidation.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The shared third-party CAP files: what the specification and google/cap-library call valid is. */
class CapSharedFilesTests {

    private final CapValidator validator = new CapValidator();

    @ParameterizedTest
    @FieldSource("org.cascadehub.alerts.cap.CapDocuments#VALID_FILES")
    void everySharedValidFileValidates(String file) {
        CapValidation result = validator.validate(CapDocuments.file(file));

        assertThat(result.errors()).as(file).isEmpty();
        assertThat(result.valid()).isTrue();
    }

    @Test
    void theSpecificationExamplesHaveNoWarningsEither() {
        assertThat(validator.validate(CapDocuments.file("thunderstorm.cap")).warnings())
                .isEmpty();
        assertThat(validator
                        .validate(CapDocuments.file("homeland-security.cap"))
                        .warnings())
                .isEmpty();
    }

    @Test
    void capOneOneFilesAreCheckedAsCapOneTwoWithAWarningSayingSo() {
        CapValidation result = validator.validate(CapDocuments.file("earthquake.cap"));

        assertThat(result.warnings())
                .extracting(Problem::message)
                .anySatisfy(message -> assertThat(message).contains("CAP 1.1"));
    }

    @Test
    void theFileWithoutScopeIsRejectedNamingScope() {
        CapValidation result = validator.validate(CapDocuments.file("invalid-missing-scope.cap"));

        assertThat(result.valid()).isFalse();
        assertThat(result.errors())
                .containsExactly(new Problem("/alert", "<scope> is missing from <alert> (it comes before <info>)."));
    }

    @Test
    void thePlusZeroUtcInTheInvalidFileIsAlsoWarnedAbout() {
        CapValidation result = validator.validate(CapDocuments.file("invalid-missing-scope.cap"));

        assertThat(result.warnings())
                .containsExactly(new Problem(
                        "/alert/sent",
                        "<sent> '2010-08-31T00:09:25+00:00' writes UTC as +00:00; CAP 1.2 asks for -00:00."));
    }

    @ParameterizedTest
    @FieldSource("org.cascadehub.alerts.cap.CapDocuments#VALID_FILES")
    void everySharedValidFileReads(String file) {
        CapAlert alert = CapXml.read(CapDocuments.file(file));

        assertThat(alert.identifier()).isNotBlank();
    }
}
