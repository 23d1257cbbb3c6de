package org.cascadehub.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cascadehub.dashboard.BarChart.Row;
import org.junit.jupiter.api.Test;

class BarChartTests {

    @Test
    void theLargestValueFillsTheRoomAndTheOthersAreInProportion() {
        BarChart chart = BarChart.counts(
                "by-type", "Reports by type", "Reports", List.of(new Row("Theft", 40), new Row("Fraud", 10)));

        int room = BarChart.WIDTH - BarChart.LABEL_WIDTH - BarChart.VALUE_WIDTH;
        assertThat(chart.rows().get(0).length()).isEqualTo(room);
        assertThat(chart.rows().get(1).length()).isEqualTo(Math.round(room / 4.0));
        assertThat(chart.rows().get(1).y()).isEqualTo(chart.rows().get(0).y() + BarChart.ROW);
        assertThat(chart.rows().get(0).shown()).isEqualTo("40");
        assertThat(chart.summary())
                .isEqualTo("Reports by type: 2 bars; the largest is Theft at 40. The table below gives every figure.");
    }

    @Test
    void aSmallValueIsStillSeenAndZeroIsNot() {
        BarChart chart = BarChart.counts(
                "c", "Counts", "Reports", List.of(new Row("Many", 100_000), new Row("One", 1), new Row("None", 0)));

        assertThat(chart.rows().get(1).length()).isEqualTo(2);
        assertThat(chart.rows().get(2).length()).isZero();
    }

    @Test
    void nothingToCountIsSaidInWords() {
        BarChart chart = BarChart.of("m", "Median hours", "Hours", List.of(), v -> v + " h");

        assertThat(chart.isEmpty()).isTrue();
        assertThat(chart.summary()).isEqualTo("Median hours: nothing to show.");
        assertThat(chart.height()).isPositive();
    }

    @Test
    void aLongLabelIsCutShortInThePictureOnly() {
        BarChart chart = BarChart.counts(
                "t", "Types", "Reports", List.of(new Row("Violence or abuse against staff and customers", 3)));

        assertThat(chart.rows().getFirst().drawnLabel()).hasSize(28).endsWith("…");
        assertThat(chart.rows().getFirst().label()).isEqualTo("Violence or abuse against staff and customers");
    }
}
