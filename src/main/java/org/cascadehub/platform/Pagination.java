package org.cascadehub.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The GOV.UK pagination component's links for a page of results: the first and last pages, the
 * current one and its neighbours, with gaps between. Each link keeps the request's other filters.
 * Every searchable page uses it (the template reads {@code items}, {@code previous}, {@code next}).
 */
public record Pagination(
        @Nullable String previous, @Nullable String next, List<Item> items) {

    /** A numbered link, or a gap ({@code href} null, {@code number} 0). */
    public record Item(int number, @Nullable String href, boolean current) {
        public boolean gap() {
            return href == null;
        }
    }

    public static Pagination of(Page<?> page, HttpServletRequest request) {
        UriComponentsBuilder base =
                UriComponentsBuilder.fromPath(request.getRequestURI()).query(request.getQueryString());
        List<Item> items = new ArrayList<>();
        int last = page.pages();
        int previousShown = 0;
        for (int n = 1; n <= last; n++) {
            if (n == 1 || n == last || Math.abs(n - page.page()) <= 1) {
                if (n - previousShown > 1) {
                    items.add(new Item(0, null, false));
                }
                items.add(new Item(n, link(base, n), n == page.page()));
                previousShown = n;
            }
        }
        return new Pagination(
                page.hasPrevious() ? link(base, page.page() - 1) : null,
                page.hasNext() ? link(base, page.page() + 1) : null,
                items);
    }

    /** Whether there is more than one page, so the component is worth showing. */
    public boolean shown() {
        return items.size() > 1;
    }

    private static String link(UriComponentsBuilder base, int page) {
        return base.cloneBuilder().replaceQueryParam("page", page).build().toUriString();
    }

    /** A page number from a query parameter; anything that is not a positive number means the first page. */
    public static int number(@Nullable String requested) {
        try {
            return requested == null ? 1 : Page.number(Integer.parseInt(requested.trim()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
