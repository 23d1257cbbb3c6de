package org.cascadehub.browser;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.openqa.selenium.WebDriver;

/** Runs axe-core over a page for the WCAG 2.2 A and AA success criteria Cascade promises. */
final class Accessibility {

    /** axe tags every A and AA rule from WCAG 2.0, 2.1 and 2.2 carries. */
    static final List<String> WCAG_A_AND_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    private Accessibility() {}

    static void assertNoViolations(WebDriver driver, String page) {
        Results results = new AxeBuilder().withTags(WCAG_A_AND_AA).analyze(driver);
        if (results.isErrored()) {
            Assertions.fail("axe could not check " + page + ": " + results.getErrorMessage());
        }
        List<Rule> violations = results.getViolations();
        if (!violations.isEmpty()) {
            Assertions.fail(report(page, results.getUrl(), violations));
        }
    }

    private static String report(String page, String url, List<Rule> violations) {
        StringBuilder report = new StringBuilder()
                .append("axe found ")
                .append(violations.size())
                .append(violations.size() == 1 ? " accessibility violation on " : " accessibility violations on ")
                .append(page)
                .append(" (")
                .append(url)
                .append("):");
        for (Rule rule : violations) {
            report.append("\n\n[")
                    .append(rule.getImpact())
                    .append("] ")
                    .append(rule.getId())
                    .append(": ")
                    .append(rule.getHelp())
                    .append("\n  ")
                    .append(rule.getHelpUrl());
            for (CheckedNode node : rule.getNodes()) {
                report.append("\n  - at ")
                        .append(node.getTarget())
                        .append("\n    ")
                        .append(node.getHtml())
                        .append("\n    ")
                        .append(String.valueOf(node.getFailureSummary()).replace("\n", "\n    "));
            }
        }
        return report.toString();
    }
}
