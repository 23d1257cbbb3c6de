package org.cascadehub.alerts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.cascadehub.directory.DirectoryEvents;
import org.cascadehub.directory.OrganisationId;
import org.cascadehub.directory.PersonId;
import org.cascadehub.directory.Roster;
import org.cascadehub.directory.Roster.Member;
import org.cascadehub.directory.Roster.MemberOrganisation;
import org.cascadehub.platform.AfterCommit;
import org.cascadehub.platform.AuditedEvent;
import org.jspecify.annotations.Nullable;
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

    /**
     * One build of the index. Matching numbers organisations by their place in the roster and asks
     * {@link OrganisationSites} which have a site in the area; each organisation's members are made
     * into recipients once per borough they are reached through (the first time an alert needs
     * them), and an alert's recipients are those arrays joined, in roster order.
     */
    static final class Index {
        private final Map<PersonId, Member> members = new HashMap<>();
        private final Map<OrganisationId, Integer> numbers = new HashMap<>();
        private final MemberOrganisation[] organisations;
        private final Member[][] membersOf;
        private final OrganisationSites sites;

        /** Per slot of {@link OrganisationSites}: the organisation's members as recipients through that borough. */
        private final AtomicReferenceArray<Recipient[]> reached;

        Index(Roster.Snapshot snapshot) {
            organisations = snapshot.organisations().toArray(MemberOrganisation[]::new);
            for (int o = 0; o < organisations.length; o++) {
                numbers.put(organisations[o].id(), o);
            }
            List<List<Member>> byOrganisation = new ArrayList<>();
            for (int o = 0; o < organisations.length; o++) {
                byOrganisation.add(new ArrayList<>());
            }
            for (Member member : snapshot.members()) {
                members.put(member.id(), member);
                Integer o = numbers.get(member.organisationId());
                if (o != null) {
                    byOrganisation.get(o).add(member);
                }
            }
            membersOf =
                    byOrganisation.stream().map(l -> l.toArray(Member[]::new)).toArray(Member[][]::new);
            sites = new OrganisationSites(snapshot.organisations());
            reached = new AtomicReferenceArray<>(sites.slots());
        }

        Optional<Member> member(PersonId id) {
            return Optional.ofNullable(members.get(id));
        }

        Optional<MemberOrganisation> organisation(OrganisationId id) {
            Integer o = numbers.get(id);
            return o == null ? Optional.empty() : Optional.of(organisations[o]);
        }

        /**
         * Everyone the content reaches: the members of each organisation in the area and the audience,
         * in roster order, then named people not already among them. A person belongs to one
         * organisation, so nobody appears twice and no per-person map is needed.
         */
        List<Recipient> recipients(AlertContent content) {
            Audience audience = content.audience();
            int[] boroughs = content.tlp() == Tlp.RED
                    ? new int[organisations.length]
                    : sites.reached(AreaShapes.of(content.area()));
            AudienceFilter filter = new AudienceFilter(audience);
            List<Recipient[]> parts = new ArrayList<>();
            int total = 0;
            for (int o = 0; o < organisations.length; o++) {
                if (boroughs[o] != 0 && filter.admits(organisations[o])) {
                    Recipient[] part = filter.withRoles(membersOf[o], recipientsOf(o, boroughs[o] - 1));
                    parts.add(part);
                    total += part.length;
                }
            }
            List<Recipient> named = named(audience, boroughs, filter);
            Recipient[] all = new Recipient[total + named.size()];
            int at = 0;
            for (Recipient[] part : parts) {
                System.arraycopy(part, 0, all, at, part.length);
                at += part.length;
            }
            for (Recipient recipient : named) {
                all[at++] = recipient;
            }
            return Collections.unmodifiableList(Arrays.asList(all));
        }

        /** Named people the area and audience did not already reach, each once. */
        private List<Recipient> named(Audience audience, int[] boroughs, AudienceFilter filter) {
            if (audience.people().isEmpty()) {
                return List.of();
            }
            List<Recipient> named = new ArrayList<>();
            Set<PersonId> seen = new HashSet<>();
            for (var id : audience.people()) {
                Member member = members.get(new PersonId(id));
                Integer o = member == null ? null : numbers.get(member.organisationId());
                if (member == null || o == null || !seen.add(member.id())) {
                    continue;
                }
                boolean inArea = boroughs[o] != 0;
                if (!(inArea && filter.admits(organisations[o]) && filter.hasRole(member))) {
                    String borough = inArea ? sites.borough(boroughs[o] - 1) : null;
                    named.add(recipient(member, organisations[o], borough));
                }
            }
            return named;
        }

        /** An organisation's members as recipients reached through a site in one borough, made once. */
        private Recipient[] recipientsOf(int organisation, int borough) {
            int slot = sites.slot(organisation, borough);
            Recipient[] made = reached.get(slot);
            if (made != null) {
                return made;
            }
            String code = sites.borough(borough);
            made = Arrays.stream(membersOf[organisation])
                    .map(member -> recipient(member, organisations[organisation], code))
                    .toArray(Recipient[]::new);
            Recipient[] earlier = reached.compareAndExchange(slot, null, made);
            return earlier == null ? made : earlier;
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
