package org.cascadehub.directory;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.cascadehub.platform.InvalidInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The editable list of sectors. */
@Service
public class Sectors {

    private final JdbcClient jdbc;

    Sectors(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<Sector> all() {
        return jdbc.sql("SELECT code, name, active FROM sector ORDER BY position, name")
                .query((rs, n) -> new Sector(rs.getString("code"), rs.getString("name"), rs.getBoolean("active")))
                .list();
    }

    /**
     * Checks that each code names an active sector (matching code or name, ignoring case) and
     * answers the codes; otherwise names the unknown ones.
     */
    @Transactional(readOnly = true)
    public Set<String> requireActive(String field, Collection<String> codesOrNames) {
        List<Sector> active = all().stream().filter(Sector::active).toList();
        Set<String> codes = new LinkedHashSet<>();
        for (String wanted : codesOrNames) {
            String trimmed = wanted.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            codes.add(active.stream()
                    .filter(s -> s.code().equalsIgnoreCase(trimmed) || s.name().equalsIgnoreCase(trimmed))
                    .map(Sector::code)
                    .findFirst()
                    .orElseThrow(() -> InvalidInput.of(
                            field,
                            "'" + trimmed + "' is not a sector. Choose from: "
                                    + String.join(
                                            ", ",
                                            active.stream().map(Sector::name).toList()))));
        }
        return codes;
    }

    /** Adds a sector (administrators). */
    @Transactional
    public Sector add(String name) {
        String clean = ContactRules.required("name", name, "A sector name", 60);
        String code = Boroughs.codeFor(clean);
        if (code.length() < 2 || !Character.isLetter(code.charAt(0))) {
            throw InvalidInput.of("name", "A sector name must start with a letter");
        }
        boolean taken = jdbc.sql("SELECT EXISTS (SELECT 1 FROM sector WHERE code = ? OR lower(name) = lower(?))")
                .params(code, clean)
                .query(Boolean.class)
                .single();
        if (taken) {
            throw InvalidInput.of("name", "There is already a sector called " + clean);
        }
        jdbc.sql(
                        "INSERT INTO sector (code, name, position) VALUES (?, ?, (SELECT coalesce(max(position), 0) + 1 FROM sector))")
                .params(code, clean)
                .update();
        return new Sector(code, clean, true);
    }

    /** Renames a sector or takes it out of use; its code, and everything that refers to it, stay. */
    @Transactional
    public Sector update(String code, String name, boolean active) {
        String clean = ContactRules.required("name", name, "A sector name", 60);
        boolean nameTaken = jdbc.sql("SELECT EXISTS (SELECT 1 FROM sector WHERE code <> ? AND lower(name) = lower(?))")
                .params(code, clean)
                .query(Boolean.class)
                .single();
        if (nameTaken) {
            throw InvalidInput.of("name", "There is already a sector called " + clean);
        }
        int changed = jdbc.sql("UPDATE sector SET name = ?, active = ? WHERE code = ?")
                .params(clean, active, code)
                .update();
        if (changed == 0) {
            throw new org.cascadehub.platform.NotFound("There is no sector " + code + ".");
        }
        return new Sector(code, clean, active);
    }
}
