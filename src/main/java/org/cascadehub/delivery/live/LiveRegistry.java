package org.cascadehub.delivery.live;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.cascadehub.directory.PersonId;

/**
 * The open connections, by person (a person may have several: tabs, devices, scripts). Each
 * person's connections are a small copy-on-write array, so a broadcast reads them without locks.
 */
final class LiveRegistry {

    private static final LiveSink[] NONE = new LiveSink[0];

    private final ConcurrentHashMap<PersonId, LiveSink[]> byPerson = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();

    void add(LiveSink connection) {
        byPerson.merge(connection.person(), new LiveSink[] {connection}, (held, added) -> {
            LiveSink[] more = Arrays.copyOf(held, held.length + 1);
            more[held.length] = connection;
            return more;
        });
        open.incrementAndGet();
    }

    /** Removes the connection; answers whether it was still here (so each is counted out once). */
    boolean remove(LiveSink connection) {
        boolean[] removed = {false};
        byPerson.computeIfPresent(connection.person(), (person, held) -> {
            List<LiveSink> rest = new ArrayList<>(held.length);
            for (LiveSink c : held) {
                if (c == connection) {
                    removed[0] = true;
                } else {
                    rest.add(c);
                }
            }
            return rest.isEmpty() ? null : rest.toArray(NONE);
        });
        if (removed[0]) {
            open.decrementAndGet();
        }
        return removed[0];
    }

    /**
     * Runs the action for every connection of every recipient. It walks whichever is smaller, the
     * recipients or the connected people, so the cost is one hash lookup per member of the smaller
     * set: an alert to a few people among 100,000 connections looks up those few, and an alert to
     * the whole city while few are connected tests those few against the recipient set.
     */
    void forEachOf(Set<PersonId> recipients, Consumer<LiveSink> action) {
        if (recipients.size() <= byPerson.size()) {
            for (PersonId person : recipients) {
                LiveSink[] connections = byPerson.get(person);
                if (connections != null) {
                    for (LiveSink connection : connections) {
                        action.accept(connection);
                    }
                }
            }
        } else {
            byPerson.forEach((person, connections) -> {
                if (recipients.contains(person)) {
                    for (LiveSink connection : connections) {
                        action.accept(connection);
                    }
                }
            });
        }
    }

    void forEachOf(PersonId person, Consumer<LiveSink> action) {
        for (LiveSink connection : byPerson.getOrDefault(person, NONE)) {
            action.accept(connection);
        }
    }

    void forEach(Consumer<LiveSink> action) {
        byPerson.values().forEach(connections -> {
            for (LiveSink connection : connections) {
                action.accept(connection);
            }
        });
    }

    boolean connected(PersonId person) {
        return byPerson.containsKey(person);
    }

    int open() {
        return open.get();
    }
}
