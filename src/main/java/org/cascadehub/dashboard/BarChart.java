package org.cascadehub.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * A horizontal bar chart drawn on the server as SVG, with every coordinate worked out here so the
 * template only places what it is given (no script, no inline style: the colours come from {@code
 * reports.css}). The same rows make the data table that goes with it, which is what screen
 * readers and the CSV export read; the picture is labelled with a one-sentence summary.
 *
 * @param id a short name, unique on the page, for the SVG's title and description ids
 * @param title what is counted, as the chart's heading
 * @param unit the column heading of the values in the table ("Reports", "Hours")
 * @param rows the bars, top to bottom, each with its value as shown
 */
record BarChart(String id, String title, String unit, List<Bar> rows, int width, int height) {

    static final int WIDTH = 640;
    static final int LABEL_WIDTH = 200;
    static final int VALUE_WIDTH = 70;
    static final int ROW = 26;
    static final int BAR = 18;
    static final int TOP = 4;

    /** One bar: its label, its value, how the value is written, and where it is drawn. */
    record Bar(String label, double value, String shown, int y, int length, int textY) {

        /** The label as drawn: cut short when it would run into the bar (the table has it whole). */
        public String drawnLabel() {
            return label.length() > 28 ? label.substring(0, 27) + "…" : label;
        }
    }

    /** One row of data before it is drawn. */
    record Row(String label, double value) {}

    /** A chart of counts. */
    static BarChart counts(String id, String title, String unit, List<Row> rows) {
        return of(id, title, unit, rows, value -> String.valueOf(Math.round(value)));
    }

    /** A chart whose values are written by {@code format} (hours, percentages). */
    static BarChart of(String id, String title, String unit, List<Row> rows, DoubleFunction<String> format) {
        double largest = rows.stream().mapToDouble(Row::value).max().orElse(0);
        int room = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
        List<Bar> bars = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            int y = TOP + i * ROW;
            // A value above nothing still shows a sliver, so a small count is seen as not zero.
            int length =
                    largest <= 0 || row.value() <= 0 ? 0 : Math.max(2, (int) Math.round(row.value() / largest * room));
            bars.add(new Bar(row.label(), row.value(), format.apply(row.value()), y, length, y + BAR - 4));
        }
        return new BarChart(id, title, unit, bars, WIDTH, TOP * 2 + Math.max(1, rows.size()) * ROW);
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** Where the bars start (after the labels). */
    public int barsX() {
        return LABEL_WIDTH;
    }

    /** Where a bar's value is written: just after its end. */
    public int valueX(Bar bar) {
        return LABEL_WIDTH + bar.length() + 6;
    }

    public int labelX() {
        return LABEL_WIDTH - 8;
    }

    public int barHeight() {
        return BAR;
    }

    public String viewBox() {
        return "0 0 " + width + " " + height;
    }

    /** The picture in one sentence, for people who cannot see it: the largest bar and how many there are. */
    public String summary() {
        if (rows.isEmpty()) {
            return title + ": nothing to show.";
        }
        Bar largest = rows.getFirst();
        for (Bar bar : rows) {
            if (bar.value() > largest.value()) {
                largest = bar;
            }
        }
        return title + ": " + rows.size() + (rows.size() == 1 ? " bar" : " bars") + "; the largest is "
                + largest.label() + " at " + largest.shown() + ". The table below gives every figure.";
    }
}
