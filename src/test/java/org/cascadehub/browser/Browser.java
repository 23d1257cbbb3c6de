package org.cascadehub.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driving the application under test, for browser journeys. It runs the
 * system's Chromium and chromedriver (Debian's {@code chromium} and {@code chromium-driver}, or
 * {@code CHROME_BIN} and {@code CHROMEDRIVER}) named explicitly, so Selenium Manager never looks
 * for or downloads a browser or driver. Each instance has its own fresh profile; close it after
 * the test, or let {@link BrowserTest} do both.
 *
 * <p>Besides driving pages it watches for errors the application causes in the browser: console
 * errors from the application's origin (script errors, failed loads, Content Security Policy
 * refusals) and, independently of the console, every {@code securitypolicyviolation} event.
 */
public final class Browser implements AutoCloseable {

    private static final String CSP_VIOLATIONS_KEY = "cascade-test-csp-violations";

    /**
     * Runs before any page script in every document. It is injected through the DevTools
     * protocol, so the page's Content Security Policy does not apply to it; it keeps violations in
     * sessionStorage so that those on pages the test passes through are not lost.
     */
    private static final String RECORD_CSP_VIOLATIONS = """
            document.addEventListener('securitypolicyviolation', function (e) {
              try {
                var key = '%s';
                var seen = JSON.parse(sessionStorage.getItem(key) || '[]');
                seen.push(e.documentURI + ': ' + e.effectiveDirective + ' refused '
                    + (e.blockedURI || 'inline') + ' (' + (e.sourceFile || 'page') + ':' + e.lineNumber + ')');
                sessionStorage.setItem(key, JSON.stringify(seen));
              } catch (ignored) {}
            });
            """.formatted(CSP_VIOLATIONS_KEY);

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final String baseUrl;
    private final Path profile;
    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final List<String> consoleErrors = new ArrayList<>();

    private Browser(String baseUrl, Path profile, ChromeDriverService service, ChromeDriver driver) {
        this.baseUrl = baseUrl;
        this.profile = profile;
        this.service = service;
        this.driver = driver;
    }

    /**
     * Skips the calling test when Chromium or chromedriver is not installed, or fails it when
     * {@code CI=true}: a CI machine without a browser is broken, not excused.
     */
    public static void assumeInstalled() {
        String missing = missingExecutables();
        if (missing.isEmpty()) {
            return;
        }
        if (onCi()) {
            Assertions.fail("CI=true but " + missing + ". CI must run the browser tests: install Debian's "
                    + "chromium and chromium-driver (.ci/run does), or set CHROME_BIN and CHROMEDRIVER.");
        }
        Assumptions.abort(skipMessage(missing));
    }

    static boolean onCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    static String skipMessage(String missing) {
        return "Browser tests skipped: " + missing + ". Install Debian's chromium and chromium-driver "
                + "(apt-get install chromium chromium-driver), or set CHROME_BIN and CHROMEDRIVER.";
    }

    /** Starts a browser for the application listening on {@code port} of this machine. */
    public static Browser start(int port) {
        assumeInstalled();
        Path profile;
        try {
            profile = Files.createTempDirectory("cascade-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver().toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options(profile));
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORD_CSP_VIOLATIONS));
        return new Browser("http://localhost:" + port, profile, service, driver);
    }

    private static ChromeOptions options(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium().toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,1000",
                "--user-data-dir=" + profile);
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logging);
        return options;
    }

    /** Opens a path of the application, such as {@code /sign-in}. */
    public void open(String path) {
        driver.get(baseUrl + path);
    }

    /** The WebDriver, for what this class does not cover. */
    public ChromeDriver driver() {
        return driver;
    }

    public String currentUrl() {
        return driver.getCurrentUrl();
    }

    /** Waits for, then returns, the visible element with this {@code data-testid}. */
    public WebElement byTestId(String testId) {
        return waitFor(By.cssSelector("[data-testid='" + testId + "']"));
    }

    /** Waits for, then returns, the first visible element {@code locator} finds. */
    public WebElement waitFor(By locator) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** Replaces the text of the input with this {@code id}. */
    public void type(String id, String text) {
        WebElement input = waitFor(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    /** Fails, listing them readably, if axe finds WCAG 2.2 A or AA violations on the current page. */
    public void assertAccessible(String page) {
        Accessibility.assertNoViolations(driver, page);
    }

    /** Fails if the application has caused a console error or a Content Security Policy violation. */
    public void assertNoAppErrors() {
        List<String> errors = new ArrayList<>(consoleErrors());
        cspViolations().forEach(violation -> errors.add("CSP violation: " + violation));
        assertThat(errors)
                .as("errors the application caused in the browser (last page %s)", currentUrl())
                .isEmpty();
    }

    /** Console errors from the application's origin, and any Content Security Policy refusal, so far. */
    public List<String> consoleErrors() {
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            String message = entry.getMessage();
            boolean fromApp = entry.getLevel().intValue() >= Level.SEVERE.intValue() && message.contains(baseUrl);
            if (fromApp || message.contains("Content Security Policy")) {
                consoleErrors.add(entry.getLevel() + " " + message);
            }
        }
        return List.copyOf(consoleErrors);
    }

    /** Every Content Security Policy violation reported in this browser's session so far. */
    public List<String> cspViolations() {
        Object recorded = driver.executeScript(
                "try { return JSON.parse(sessionStorage.getItem(arguments[0]) || '[]'); } catch (e) { return []; }",
                CSP_VIOLATIONS_KEY);
        return recorded instanceof List<?> list
                ? list.stream().map(String::valueOf).toList()
                : List.of();
    }

    /** Saves what the window shows to {@code target/browser-screenshots/<name>.png}. */
    public Path screenshot(String name) {
        try {
            Path file = Path.of("target", "browser-screenshots", name + ".png");
            Files.createDirectories(file.getParent());
            File shot = driver.getScreenshotAs(OutputType.FILE);
            return Files.copy(shot.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteProfile();
        }
    }

    private void deleteProfile() {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary profile is untidy, not a test failure.
        }
    }

    /** What is not installed, or an empty string when both are. */
    static String missingExecutables() {
        List<String> missing = new ArrayList<>();
        if (!Files.isExecutable(chromium())) {
            missing.add("Chromium is not at " + chromium());
        }
        if (!Files.isExecutable(chromedriver())) {
            missing.add("chromedriver is not at " + chromedriver());
        }
        return String.join(" and ", missing);
    }

    private static Path chromium() {
        return executable("CHROME_BIN", "/usr/bin/chromium");
    }

    private static Path chromedriver() {
        return executable("CHROMEDRIVER", "/usr/bin/chromedriver");
    }

    private static Path executable(String variable, String fallback) {
        String configured = System.getenv(variable);
        return Path.of(configured == null || configured.isBlank() ? fallback : configured);
    }
}
