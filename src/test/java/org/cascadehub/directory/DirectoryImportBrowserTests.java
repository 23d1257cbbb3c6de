package org.cascadehub.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cascadehub.directory.ImportRows.csv;
import static org.cascadehub.directory.ImportRows.person;
import static org.cascadehub.directory.ImportRows.unique;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cascadehub.CascadeTest;
import org.cascadehub.browser.Browser;
import org.cascadehub.browser.BrowserTest;
import org.cascadehub.demo.DemoAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/** A security manager imports people through the page in a real browser, checked for accessibility. */
@CascadeTest
@BrowserTest
class DirectoryImportBrowserTests {

    @TempDir
    Path files;

    @Test
    void aSecurityManagerSeesEveryProblemThenImportsACorrectedFile(Browser browser) throws IOException {
        browser.open("/sign-in");
        browser.type("email", "security@demo.test");
        browser.type("password", DemoAccounts.PASSWORD);
        browser.byTestId("sign-in").click();
        browser.byTestId("dashboard-heading");

        browser.open("/directory/import");
        browser.byTestId("template-link");
        browser.screenshot("directory-import");
        browser.assertAccessible("the import page");
        browser.assertNoAppErrors();

        String email = "browser-" + unique() + "@example.test";
        Path bad = files.resolve("bad.csv");
        Files.writeString(
                bad,
                csv(
                        person("Strand Arcade Retail Ltd", "Bea Browser", email),
                        person("Strand Arcade Retail Ltd", "Bea Again", email)));
        browser.waitFor(By.id("file")).sendKeys(bad.toString());
        browser.byTestId("import").click();
        assertThat(browser.byTestId("import-problems").getText())
                .contains("The file has a problem, so nothing was imported")
                .contains("Line 3, email: " + email + " is also on line 2");
        assertThat(browser.driver().getTitle()).startsWith("Error: ");
        browser.screenshot("directory-import-problems");
        browser.assertAccessible("the import page showing problems");
        browser.assertNoAppErrors();

        Path good = files.resolve("good.csv");
        Files.writeString(good, csv(person("Strand Arcade Retail Ltd", "Bea Browser", email)));
        browser.waitFor(By.id("file")).sendKeys(good.toString());
        browser.byTestId("import").click();
        assertThat(browser.byTestId("import-done").getText()).contains("Imported 1 person from good.csv.");
        browser.screenshot("directory-import-done");
        browser.assertAccessible("the import page after an import");
        browser.assertNoAppErrors();
    }
}
