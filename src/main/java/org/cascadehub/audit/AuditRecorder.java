package org.cascadehub.audit;

import org.cascadehub.platform.AuditedEvent;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Records every published {@link AuditedEvent}. It runs after the publishing transaction commits,
 * from the event publication registry, so an event is recorded even if the process dies in between.
 */
@Component
class AuditRecorder {

    private final AuditLog log;
    private final JsonMapper json;

    AuditRecorder(AuditLog log, JsonMapper json) {
        this.log = log;
        this.json = json;
    }

    @ApplicationModuleListener
    void on(AuditedEvent event) {
        JsonNode tree = json.valueToTree(event);
        if (tree instanceof ObjectNode object) {
            object.remove("actor");
        }
        log.append(event.actor(), event.getClass().getSimpleName(), json.writeValueAsString(tree));
    }
}
