package org.cascadehub.directory.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Map settings ({@code cascade.map.*}). Maps draw the boroughs' outlines from the bundled GeoJSON,
 * so they are useful with no tile server at all.
 *
 * @param tileUrl a Leaflet tile URL template such as {@code https://tiles.example/{z}/{x}/{y}.png};
 *     empty for none
 * @param tileAttribution the attribution the tile server's licence asks for, shown on the map
 */
@ConfigurationProperties("cascade.map")
record MapSettings(
        @DefaultValue("") String tileUrl, @DefaultValue("") String tileAttribution) {}
