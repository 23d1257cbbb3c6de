package org.cascadehub.alerts.web;

import org.cascadehub.directory.Viewer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * One alert's page: the alert under its TLP banner, then what the viewer may see of its reach,
 * history, versions, forwards and acknowledgements, and the actions they may take. An alert the
 * viewer may not see is not found, exactly like one that does not exist.
 */
@Controller
class AlertPages implements AlertPage {

    private final AlertViews views;

    AlertPages(AlertViews views) {
        this.views = views;
    }

    @GetMapping("/alerts/{id}")
    String alert(Viewer viewer, @PathVariable long id, Model model) {
        return views.page(viewer, views.read(viewer, id), model);
    }
}
