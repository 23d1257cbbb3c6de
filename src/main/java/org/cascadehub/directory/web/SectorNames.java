package org.cascadehub.directory.web;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.cascadehub.directory.Sector;
import org.cascadehub.directory.Sectors;
import org.springframework.stereotype.Component;

/** Sector codes as the names people read. */
@Component
class SectorNames {

    private final Sectors sectors;

    SectorNames(Sectors sectors) {
        this.sectors = sectors;
    }

    List<Sector> all() {
        return sectors.all();
    }

    List<Sector> active() {
        return sectors.all().stream().filter(Sector::active).toList();
    }

    /** The names of these sectors, sorted; a code no longer known shows as itself. */
    List<String> of(Collection<String> codes) {
        Map<String, String> names = byCode();
        return codes.stream().map(c -> names.getOrDefault(c, c)).sorted().toList();
    }

    Map<String, String> byCode() {
        return sectors.all().stream().collect(Collectors.toMap(Sector::code, Sector::name));
    }
}
