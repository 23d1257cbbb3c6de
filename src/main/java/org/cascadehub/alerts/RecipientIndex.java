package org.cascadehub.alerts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.cascadehub.directory.DirectoryEvents;
import org.cascadehub.directory.OrganisationId;
import org.cascadehub.directory.PersonId;
import org.cascadehub.directory.Role;
import org.cascadehub.directory.Roster;
import org.cascadehub.directory.Roster.Member;
import org.cascadehub.directory.Roster.MemberOrganisation;
import org.cascadehub.directory.Roster.SitePoint;
import org.cascadehub.directory.SharingGroupId;
import org.cascadehub.platform.AfterCommit;
import org.cascadehub.platform.AuditedEvent;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.index.strtree.STRtree;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Everyone who can receive alerts, in memory, so matching an alert's area and audience is a lookup
 * and not a database scan. Rebuilt from the directory's {@link Roster} when the directory has
 * changed since the last build (any directory event, bulk loads included).
 */
@Component
class RecipientIndex {

    private final Roster roster;
    private final AtomicLong changes = new AtomicLong();
    private volatile @Nullable Built built;

    private record Built(long generation, Index index) {}

    RecipientIndex(Roster roster) {
        this.roster = roster;
    }

    /** The index as of the directory's latest committed change. */
    Index current() {
        Built now = built;
        long wanted = changes.get();
        if (now != null && now.generation() == wanted) {
            return now.index();
        }
        synchronized (this) {
            now = built;
            wanted = changes.get();
            if (now == null || now.generation() != wanted) {
                now = new Built(wanted, new Index(roster.snapshot()));
                built = now;
            }
            return now.index();
        }
    }

    /**
     * A directory change makes the index stale once it commits. Every audited event passes here, so
     * no registry row ({@link AfterCommit}): the index is memory, rebuilt from the database anyway.
     */
    @EventListener
    void on(AuditedEvent event) {
        if (event.getClass().getEnclosingClass() == DirectoryEvents.class) {
            AfterCommit.run(changes::incrementAndGet);
        }
    }

    /** One build of the index. */
    static final class Index {
        private final Map<PersonId, Member> members = new HashMap<>();
        private final Map<OrganisationId, MemberOrganisation> organisations = new HashMap<>();
        private final Map<OrganisationId, List<Member>> membersByOrganisation = new HashMap<>();
        private final Map<String, List<Located>> sitesByBorough = new HashMap<>();
        private final STRtree sites = new STRtree();

        private record Located(SitePoint site, OrganisationId organisationId) {}

        private record Reached(OrganisationId organisationId, String borough) {}

        /** Recipients per organisation and borough, filled as alerts need them (the index never changes). */
        private final Map<Reached, Recipient[]> reached = new java.util.concurrent.ConcurrentHashMap<>();

        Index(Roster.Snapshot snapshot) {
            for (MemberOrganisation organisation : snapshot.organisations()) {
                organisations.put(organisation.id(), organisation);
                for (SitePoint site : organisation.sites()) {
                    Located located = new Located(site, organisation.id());
                    sitesByBorough
                            .computeIfAbsent(site.boroughCode(), k -> new ArrayList<>())
                            .add(located);
                    sites.insert(
                            new org.locationtech.jts.geom.Envelope(
                                    site.longitude(), site.longitude(), site.latitude(), site.latitude()),
                            located);
                }
            }
            sites.build();
            for (Member member : snapshot.members()) {
                members.put(member.id(), member);
                membersByOrganisation
                        .computeIfAbsent(member.organisationId(), k -> new ArrayList<>())
                        .add(member);
            }
        }

        Optional<Member> member(PersonId id) {
            return Optional.ofNullable(members.get(id));
        }

        Optional<MemberOrganisation> organisation(OrganisationId id) {
            return Optional.ofNullable(organisations.get(id));
        }

        List<Member> membersOf(OrganisationId organisation) {
            return membersByOrganisation.getOrDefault(organisation, List.of());
        }

        /**
         * Everyone the content reaches, in a stable order. A person belongs to one organisation, so
         * the organisations' member lists are simply joined: no per-person map on the hot path.
         */
        List<Recipient> recipients(AlertContent content) {
            Audience audience = content.audience();
            Map<OrganisationId, String> inArea = content.tlp() == Tlp.RED ? Map.of() : organisationsIn(content.area());
            Set<SharingGroupId> groups =
                    audience.sharingGroups().stream().map(SharingGroupId::new).collect(Collectors.toSet());
            List<Recipient> found = new ArrayList<>();
            inArea.forEach((organisationId, borough) -> {
                MemberOrganisation organisation = organisations.get(organisationId);
                if (organisation == null || !inAudience(organisation, audience, groups)) {
                    return;
                }
                Recipient[] everyone = recipientsOf(organisation, borough);
                if (audience.roles().isEmpty()) {
                    Collections.addAll(found, everyone);
                    return;
                }
                for (Recipient recipient : everyone) {
                    Set<Role> roles = members.get(recipient.personId()).roles();
                    if (audience.roles().stream().anyMatch(roles::contains)) {
                        found.add(recipient);
                    }
                }
            });
            if (!audience.people().isEmpty()) {
                Set<PersonId> already = new HashSet<>();
                found.forEach(r -> already.add(r.personId()));
                for (var named : audience.people()) {
                    Member member = members.get(new PersonId(named));
                    MemberOrganisation organisation =
                            member == null ? null : organisations.get(member.organisationId());
                    if (member != null && organisation != null && already.add(member.id())) {
                        found.add(recipient(member, organisation, inArea.get(organisation.id())));
                    }
                }
            }
            return Collections.unmodifiableList(found);
        }

        /** An organisation's members as recipients reached through a site in one borough, made once. */
        private Recipient[] recipientsOf(MemberOrganisation organisation, String borough) {
            return reached.computeIfAbsent(
                    new Reached(organisation.id(), borough),
                    key -> membersOf(organisation.id()).stream()
                            .map(member -> recipient(member, organisation, borough))
                            .toArray(Recipient[]::new));
        }

        /** Organisations with a site in the area, each with the borough of its first such site. */
        private Map<OrganisationId, String> organisationsIn(Area area) {
            AreaShapes shape = AreaShapes.of(area);
            List<Located> candidates;
            if (shape instanceof AreaShapes.InBoroughs boroughs) {
                candidates = boroughs.codes().stream()
                        .flatMap(code -> sitesByBorough.getOrDefault(code, List.of()).stream())
                        .toList();
            } else {
                @SuppressWarnings("unchecked")
                List<Located> hits = sites.query(shape.envelope());
                candidates = hits;
            }
            Map<OrganisationId, String> found = new LinkedHashMap<>();
            for (Located located : candidates) {
                if (!found.containsKey(located.organisationId()) && shape.contains(located.site())) {
                    found.put(located.organisationId(), located.site().boroughCode());
                }
            }
            return found;
        }

        private static boolean inAudience(
                MemberOrganisation organisation, Audience audience, Set<SharingGroupId> groups) {
            if (audience.allOrganisations()) {
                return true;
            }
            return audience.sectors().stream().anyMatch(organisation.sectors()::contains)
                    || audience.organisations().contains(organisation.id().value())
                    || organisation.sharingGroups().stream().anyMatch(groups::contains);
        }

        private static Recipient recipient(Member member, MemberOrganisation organisation, @Nullable String borough) {
            return new Recipient(
                    member.id(),
                    organisation.id(),
                    borough,
                    organisation.sectors(),
                    member.notifyEmail(),
                    member.notifySms() && member.phone() != null);
        }
    }
}
