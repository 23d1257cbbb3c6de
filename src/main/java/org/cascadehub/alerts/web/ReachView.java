package org.cascadehub.alerts.web;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.cascadehub.alerts.Acknowledgements;
import org.cascadehub.alerts.Reach;
import org.springframework.stereotype.Component;

/** Reach and acknowledgement counts with names in place of codes, for the tables on the pages. */
@Component
class ReachView {

    /** One row of a count table. */
    record Row(String name, int count) {}

    /** Who an alert will reach (or reached), as the page shows it. */
    record Shown(int people, int organisations, List<Row> bySector, List<Row> byBorough, List<Row> byChannel) {}

    /** One row of an acknowledgement table: acknowledged out of sent. */
    record AckRow(String name, int acknowledged, int recipients) {}

    private final AlertChoices choices;

    ReachView(AlertChoices choices) {
        this.choices = choices;
    }

    Shown of(Reach reach) {
        return new Shown(
                reach.people(),
                reach.organisations(),
                rows(reach.bySector(), true),
                rows(reach.byBorough(), false),
                List.of("screen", "email", "sms").stream()
                        .map(c -> new Row(
                                AlertChoices.channel(c), reach.byChannel().getOrDefault(c, 0)))
                        .toList());
    }

    List<AckRow> sectors(Map<String, Acknowledgements.Count> counts) {
        return acks(counts, choices::sector);
    }

    List<AckRow> boroughs(Map<String, Acknowledgements.Count> counts) {
        return acks(counts, choices::borough);
    }

    List<AckRow> organisations(Map<String, Acknowledgements.Count> counts) {
        return acks(counts, name -> name);
    }

    private List<Row> rows(Map<String, Integer> counts, boolean sectors) {
        return counts.entrySet().stream()
                .map(e -> new Row(sectors ? choices.sector(e.getKey()) : choices.borough(e.getKey()), e.getValue()))
                .sorted(Comparator.comparing(Row::name))
                .toList();
    }

    private static List<AckRow> acks(
            Map<String, Acknowledgements.Count> counts, java.util.function.UnaryOperator<String> name) {
        return counts.entrySet().stream()
                .map(e -> new AckRow(
                        name.apply(e.getKey()),
                        e.getValue().acknowledged(),
                        e.getValue().recipients()))
                .sorted(Comparator.comparing(AckRow::name))
                .toList();
    }
}
