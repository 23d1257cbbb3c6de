package org.cascadehub.reports.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.cascadehub.reports.ReportMessage;
import org.cascadehub.reports.StatusStep;
import org.jspecify.annotations.Nullable;

/**
 * A report's story after it was sent, oldest first: each status the police moved it to, with what
 * they shared, and the messages between the police and the reporter's organisation.
 */
record ReportTimeline(
        Instant at,
        String who,
        boolean fromPolice,
        @Nullable String status,
        @Nullable String text,
        @Nullable String crimeReference,
        @Nullable String outcome) {

    static List<ReportTimeline> of(List<StatusStep> steps, List<ReportMessage> messages) {
        List<ReportTimeline> timeline = new ArrayList<>(steps.size() + messages.size());
        for (StatusStep step : steps) {
            timeline.add(new ReportTimeline(
                    step.at(),
                    step.byName(),
                    true,
                    step.to().label(),
                    step.message(),
                    step.crimeReference(),
                    step.outcome()));
        }
        for (ReportMessage message : messages) {
            timeline.add(new ReportTimeline(
                    message.postedAt(), message.authorName(), message.fromPolice(), null, message.body(), null, null));
        }
        timeline.sort(Comparator.comparing(ReportTimeline::at));
        return timeline;
    }

    public boolean statusStep() {
        return status != null;
    }
}
