package org.cascadehub.alerts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.cascadehub.directory.Roster.MemberOrganisation;
import org.cascadehub.directory.Roster.SitePoint;

/**
 * Where the roster's organisations have sites, numbered for matching: organisations by their place
 * in the roster, boroughs in the order of their codes, sites organisation by organisation. For an
 * area it answers which organisations have a site in it, and the borough each is reached through:
 * the first, in code order, of the boroughs where it has a site in the area (so the answer does not
 * depend on the order the directory lists sites in).
 */
final class OrganisationSites {

    private final String[] boroughs;
    private final Map<String, Integer> boroughNumbers = new HashMap<>();
    /** Per borough, the organisations with a site in it, in ascending order. */
    private final int[][] organisationsByBorough;

    private final int[] siteOrganisation;
    private final int[] siteBorough;
    private final SiteTree tree;

    /**
     * One slot per organisation and borough it has a site in: {@code slotBorough[slotStart[o] ..
     * slotStart[o + 1])} are organisation o's boroughs, in ascending order.
     */
    private final int[] slotStart;

    private final int[] slotBorough;

    OrganisationSites(List<MemberOrganisation> organisations) {
        TreeSet<String> codes = new TreeSet<>();
        int siteCount = 0;
        for (MemberOrganisation organisation : organisations) {
            for (SitePoint site : organisation.sites()) {
                codes.add(site.boroughCode());
                siteCount++;
            }
        }
        boroughs = codes.toArray(String[]::new);
        for (int b = 0; b < boroughs.length; b++) {
            boroughNumbers.put(boroughs[b], b);
        }
        SitePoint[] sites = new SitePoint[siteCount];
        siteOrganisation = new int[siteCount];
        siteBorough = new int[siteCount];
        slotStart = new int[organisations.size() + 1];
        List<List<Integer>> byBorough = new ArrayList<>();
        for (int b = 0; b < boroughs.length; b++) {
            byBorough.add(new ArrayList<>());
        }
        int[] slots = new int[siteCount];
        int site = 0;
        int slot = 0;
        for (int o = 0; o < organisations.size(); o++) {
            TreeSet<Integer> own = new TreeSet<>();
            for (SitePoint point : organisations.get(o).sites()) {
                sites[site] = point;
                siteOrganisation[site] = o;
                siteBorough[site] = boroughNumbers.get(point.boroughCode());
                own.add(siteBorough[site]);
                site++;
            }
            slotStart[o] = slot;
            for (int b : own) {
                slots[slot++] = b;
                byBorough.get(b).add(o);
            }
        }
        slotStart[organisations.size()] = slot;
        slotBorough = Arrays.copyOf(slots, slot);
        organisationsByBorough = byBorough.stream()
                .map(list -> list.stream().mapToInt(Integer::intValue).toArray())
                .toArray(int[][]::new);
        tree = new SiteTree(sites);
    }

    /** How many organisation and borough pairs there are: one per borough each organisation has a site in. */
    int slots() {
        return slotBorough.length;
    }

    /** The slot of an organisation and a borough it has a site in. */
    int slot(int organisation, int borough) {
        int slot = Arrays.binarySearch(slotBorough, slotStart[organisation], slotStart[organisation + 1], borough);
        if (slot < 0) {
            throw new IllegalArgumentException("organisation " + organisation + " has no site in borough " + borough);
        }
        return slot;
    }

    String borough(int number) {
        return boroughs[number];
    }

    /**
     * Per organisation (by its place in the roster): 0 if it has no site in the area, else 1 + the
     * number of the borough it is reached through.
     */
    int[] reached(AreaShapes area) {
        int[] reached = new int[slotStart.length - 1];
        if (area instanceof AreaShapes.InBoroughs(var codes)) {
            int[] numbers = codes.stream()
                    .map(boroughNumbers::get)
                    .filter(Objects::nonNull)
                    .mapToInt(Integer::intValue)
                    .sorted()
                    .toArray();
            for (int b : numbers) {
                for (int o : organisationsByBorough[b]) {
                    if (reached[o] == 0) {
                        reached[o] = b + 1;
                    }
                }
            }
            return reached;
        }
        tree.find(area, site -> {
            int o = siteOrganisation[site];
            int b = siteBorough[site] + 1;
            if (reached[o] == 0 || b < reached[o]) {
                reached[o] = b;
            }
        });
        return reached;
    }
}
