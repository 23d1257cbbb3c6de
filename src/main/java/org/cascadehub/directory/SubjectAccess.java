package org.cascadehub.directory;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cascadehub.directory.DirectoryEvents.PersonExported;
import org.cascadehub.platform.Actors;
import org.cascadehub.platform.NotAllowed;
import org.cascadehub.platform.PersonalData;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Subject access: everything the hub holds about one person, gathered from every module that
 * contributes a {@link PersonalData} section. The export itself is audited.
 */
@Service
public class SubjectAccess {

    private final People people;
    private final List<PersonalData> sections;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SubjectAccess(People people, List<PersonalData> sections, ApplicationEventPublisher events, Clock clock) {
        this.people = people;
        this.sections = sections;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Map<String, Object> export(Viewer viewer, PersonId id) {
        Person person = people.require(viewer, id);
        if (!DirectoryPolicy.canExport(viewer, id)) {
            throw new NotAllowed("Only the person themselves or a hub administrator can export their data.");
        }
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("generatedAt", clock.instant());
        export.put("person", person);
        for (PersonalData section : sections) {
            export.put(section.section(), section.about(id.value(), person.email()));
        }
        events.publishEvent(new PersonExported(id, Actors.current()));
        return export;
    }
}
