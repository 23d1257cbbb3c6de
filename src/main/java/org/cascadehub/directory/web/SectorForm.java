package org.cascadehub.directory.web;

import org.cascadehub.directory.Sector;
import org.jspecify.annotations.Nullable;

/** A sector's name, and whether it is in use, as typed. */
record SectorForm(@Nullable String name, @Nullable Boolean active) {

    static SectorForm of(Sector sector) {
        return new SectorForm(sector.name(), sector.active());
    }
}
