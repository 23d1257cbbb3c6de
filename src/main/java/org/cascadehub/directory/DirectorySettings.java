package org.cascadehub.directory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.util.unit.DataSize;

/**
 * Directory settings ({@code cascade.directory.*}).
 *
 * @param boroughs the GeoJSON FeatureCollection of the city's boroughs (a {@code name} per feature)
 * @param boroughsAttribution the attribution its licence asks for, shown under every map
 * @param pageSize how many rows a directory page lists
 * @param importMaxRows the most rows (after the header) one import file may have
 * @param importMaxSize the largest import file accepted
 */
@ConfigurationProperties("cascade.directory")
record DirectorySettings(
        @DefaultValue("classpath:geo/london-boroughs.geojson")
        Resource boroughs,

        @DefaultValue("Contains National Statistics data © Crown copyright and database right 2015. "
                + "Contains Ordnance Survey data © Crown copyright and database right 2015.")
        String boroughsAttribution,

        @DefaultValue("25") int pageSize,

        @DefaultValue("5000") int importMaxRows,

        @DefaultValue("5MB") DataSize importMaxSize) {}
