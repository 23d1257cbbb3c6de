package org.cascadehub.directory.web;

import org.cascadehub.directory.Boroughs;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What every page with a map passes to it: the optional tiles and the attribution the data needs. */
@Component
class Maps {

    private final MapSettings settings;
    private final Boroughs boroughs;

    Maps(MapSettings settings, Boroughs boroughs) {
        this.settings = settings;
        this.boroughs = boroughs;
    }

    void addTo(Model model) {
        model.addAttribute("mapTileUrl", settings.tileUrl());
        model.addAttribute("mapTileAttribution", settings.tileAttribution());
        model.addAttribute("boroughAttribution", boroughs.attribution());
    }
}
