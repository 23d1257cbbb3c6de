package org.cascadehub.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class PaginationTests {

    @Test
    void oneSmallPageNeedsNoPagination() {
        Pagination pagination = Pagination.of(new Page<>(List.of("a", "b"), 1, 25, 2), request("name=a"));

        assertThat(pagination.shown()).isFalse();
        assertThat(pagination.previous()).isNull();
        assertThat(pagination.next()).isNull();
    }

    @Test
    void showsTheEndsAndTheNeighboursWithGapsAndKeepsTheFilters() {
        Pagination pagination =
                Pagination.of(new Page<>(List.of(), 5, 10, 95), request("name=shop&sector=retail&page=5"));

        assertThat(pagination.items())
                .extracting(item -> item.gap() ? "…" : String.valueOf(item.number()))
                .containsExactly("1", "…", "4", "5", "6", "…", "10");
        assertThat(pagination.items())
                .filteredOn(Pagination.Item::current)
                .singleElement()
                .extracting(Pagination.Item::number)
                .isEqualTo(5);
        assertThat(pagination.previous()).isEqualTo("/directory?name=shop&sector=retail&page=4");
        assertThat(pagination.next()).isEqualTo("/directory?name=shop&sector=retail&page=6");
        assertThat(pagination.items().getFirst().href()).isEqualTo("/directory?name=shop&sector=retail&page=1");
    }

    @Test
    void theFirstAndLastPagesHaveNoPreviousOrNext() {
        assertThat(Pagination.of(new Page<>(List.of(), 1, 10, 30), request("")).previous())
                .isNull();
        assertThat(Pagination.of(new Page<>(List.of(), 3, 10, 30), request("")).next())
                .isNull();
        assertThat(Pagination.of(new Page<>(List.of(), 3, 10, 30), request("")).items())
                .extracting(Pagination.Item::number)
                .containsExactly(1, 2, 3);
    }

    @Test
    void aPageNumberThatIsNotANumberMeansTheFirstPage() {
        assertThat(Pagination.number(null)).isEqualTo(1);
        assertThat(Pagination.number("two")).isEqualTo(1);
        assertThat(Pagination.number("-3")).isEqualTo(1);
        assertThat(Pagination.number(" 4 ")).isEqualTo(4);
    }

    private static MockHttpServletRequest request(String query) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/directory");
        request.setQueryString(query.isEmpty() ? null : query);
        return request;
    }
}
