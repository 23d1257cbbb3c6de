package org.cascadehub.alerts;

import java.util.Locale;
import org.cascadehub.platform.Conflict;

/** An alert is not in a state that allows this step (409). */
final class AlertStateConflict extends Conflict {

    AlertStateConflict(Alert alert, String action) {
        super("Alert " + alert.id() + " is " + alert.status().name().toLowerCase(Locale.ROOT) + " and cannot be "
                + action + ".");
    }

    AlertStateConflict(String why) {
        super(why);
    }
}
