package org.cascadehub.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading Cascade's server-rendered pages in tests: form values, GOV.UK error summaries and inline
 * messages, and elements marked with {@code data-testid}. Shared by every module's page tests.
 */
public final class PageHtml {

    private PageHtml() {}

    /** The value attribute of the input with this id, unescaped; null if it has none. */
    public static String inputValue(String html, String id) {
        Matcher value = Pattern.compile("\\bvalue=\"([^\"]*)\"").matcher(element(html, "input", id));
        return value.find() ? unescape(value.group(1)) : null;
    }

    /** Whether the checkbox or radio button with this id is checked. */
    public static boolean checked(String html, String id) {
        return element(html, "input", id).contains("checked");
    }

    /** The values of the checked checkboxes named {@code name}. */
    public static List<String> checkedValues(String html, String name) {
        Matcher input = Pattern.compile("<input[^>]*\\bname=\"" + Pattern.quote(name) + "\"[^>]*>")
                .matcher(html);
        List<String> values = new java.util.ArrayList<>();
        while (input.find()) {
            Matcher value = Pattern.compile("\\bvalue=\"([^\"]*)\"").matcher(input.group());
            if (input.group().contains("checked") && value.find()) {
                values.add(unescape(value.group(1)));
            }
        }
        return values;
    }

    /** The option chosen in the select with this id, or null. */
    public static String selected(String html, String id) {
        Matcher select = Pattern.compile(
                        "<select[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>(.*?)</select>", Pattern.DOTALL)
                .matcher(html);
        assertThat(select.find()).as("a select with id " + id).isTrue();
        Matcher option = Pattern.compile("<option value=\"([^\"]*)\" selected").matcher(select.group(1));
        return option.find() ? unescape(option.group(1)) : null;
    }

    /** The text of the textarea with this id. */
    public static String textareaText(String html, String id) {
        Matcher textarea = Pattern.compile("<textarea[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>([^<]*)</textarea>")
                .matcher(html);
        assertThat(textarea.find()).as("a textarea with id " + id).isTrue();
        return unescape(textarea.group(1));
    }

    /** The inline error message shown for a field, unescaped; null if there is none. */
    public static String inlineError(String html, String field) {
        Matcher error = Pattern.compile("id=\"" + Pattern.quote(field)
                        + "-error\">\\s*<span class=\"govuk-visually-hidden\">Error:</span>\\s*<span>([^<]*)</span>")
                .matcher(html);
        return error.find() ? unescape(error.group(1)) : null;
    }

    /** The links of the error summary: href to message. */
    public static Map<String, String> summaryLinks(String html) {
        int start = html.indexOf("govuk-error-summary__list");
        assertThat(start).as("an error summary").isNotNegative();
        String summary = html.substring(start, html.indexOf("</ul>", start));
        Matcher link = Pattern.compile("<a href=\"(#[^\"]+)\">([^<]*)</a>").matcher(summary);
        Map<String, String> links = new LinkedHashMap<>();
        while (link.find()) {
            links.put(link.group(1), unescape(link.group(2)));
        }
        return links;
    }

    /** The text of the element with this data-testid, tags removed and spaces collapsed. */
    public static String testId(String html, String testId) {
        Matcher open = Pattern.compile("<(\\w+)[^>]*data-testid=\"" + Pattern.quote(testId) + "\"[^>]*>")
                .matcher(html);
        assertThat(open.find()).as("an element with data-testid " + testId).isTrue();
        Matcher tags = Pattern.compile("<(/?)" + open.group(1) + "\\b[^>]*>").matcher(html);
        int depth = 1;
        int end = open.end();
        tags.region(open.end(), html.length());
        while (depth > 0 && tags.find()) {
            depth += tags.group(1).isEmpty() ? 1 : -1;
            end = tags.start();
        }
        String inner = html.substring(open.end(), end);
        return unescape(inner.replaceAll("<[^>]+>", " ")
                .replaceAll("\\s+", " ")
                .replaceAll(" ([.,:;])", "$1")
                .strip());
    }

    public static boolean hasTestId(String html, String testId) {
        return html.contains("data-testid=\"" + testId + "\"");
    }

    private static String element(String html, String tag, String id) {
        Matcher element = Pattern.compile("<" + tag + "[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>")
                .matcher(html);
        assertThat(element.find()).as("an " + tag + " with id " + id).isTrue();
        return element.group();
    }

    public static String unescape(String text) {
        return text.replace("&#39;", "'")
                .replace("&quot;", "\"")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
