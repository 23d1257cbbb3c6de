package org.cascadehub.alerts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;
import org.cascadehub.directory.Roster.SitePoint;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Envelope;

/**
 * Sites in a quadtree, matched against an area box by box: a box wholly inside the area gives all
 * its sites with no test, a box wholly outside gives none, and only the sites of leaves that the
 * area's edge crosses are tested one by one. The sites are sorted along a Z-order (Morton) curve
 * over their bounding box, so every node is a run of that order; each node keeps the exact bounding
 * box of its own sites (not of its cell), so deciding a box decides exactly the sites in it.
 */
final class SiteTree {

    /** Below this many sites a node is a leaf. */
    private static final int LEAF_SITES = 16;

    /** Bits per axis of a Z-order cell: 32,768 cells across the sites' extent (about a metre in a city). */
    private static final int BITS = 15;

    private static final Node[] NO_CHILDREN = {};

    private final SitePoint[] sites;
    private final int[] order;
    private final @Nullable Node root;

    /** Sites {@code order[from..to)}, inside {@code box}. */
    private record Node(Envelope box, int from, int to, Node[] children) {}

    /**
     * Indexes the sites by their position in {@code sites}. Sites without a finite position are left
     * out: no polygon or circle contains them ({@link AreaShapes#contains} is false for them).
     */
    SiteTree(SitePoint[] sites) {
        this.sites = sites;
        Envelope extent = new Envelope();
        int count = 0;
        for (SitePoint site : sites) {
            if (finite(site)) {
                extent.expandToInclude(site.longitude(), site.latitude());
                count++;
            }
        }
        long[] keys = new long[count];
        int next = 0;
        for (int i = 0; i < sites.length; i++) {
            if (finite(sites[i])) {
                keys[next++] = (long) cell(sites[i], extent) << 32 | i;
            }
        }
        Arrays.sort(keys);
        this.order = new int[count];
        int[] cells = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = (int) keys[i];
            cells[i] = (int) (keys[i] >>> 32);
        }
        this.root = count == 0 ? null : node(cells, 0, count, 2 * BITS);
    }

    /**
     * Gives {@code found} every site the shape contains, each once, by its position in the array the
     * tree was built from. Answers how many sites were tested one by one; the rest were decided by
     * their node's box.
     */
    int find(AreaShapes shape, IntConsumer found) {
        return root == null ? 0 : visit(root, shape, found);
    }

    private int visit(Node node, AreaShapes shape, IntConsumer found) {
        return switch (shape.cover(node.box())) {
            case OUTSIDE -> 0;
            case INSIDE -> {
                for (int i = node.from(); i < node.to(); i++) {
                    found.accept(order[i]);
                }
                yield 0;
            }
            case CROSSES -> node.children().length > 0 ? visitChildren(node, shape, found) : test(node, shape, found);
        };
    }

    private int visitChildren(Node node, AreaShapes shape, IntConsumer found) {
        int tested = 0;
        for (Node child : node.children()) {
            tested += visit(child, shape, found);
        }
        return tested;
    }

    private int test(Node leaf, AreaShapes shape, IntConsumer found) {
        for (int i = leaf.from(); i < leaf.to(); i++) {
            if (shape.contains(sites[order[i]])) {
                found.accept(order[i]);
            }
        }
        return leaf.to() - leaf.from();
    }

    /**
     * The node for {@code order[from..to)}, whose cells share all but their lowest {@code bits} bits.
     * Levels where every site falls in the same quadrant are skipped.
     */
    private Node node(int[] cells, int from, int to, int bits) {
        Envelope box = new Envelope();
        for (int i = from; i < to; i++) {
            box.expandToInclude(sites[order[i]].longitude(), sites[order[i]].latitude());
        }
        while (to - from > LEAF_SITES && bits > 0) {
            bits -= 2;
            if (cells[from] >>> bits != cells[to - 1] >>> bits) {
                List<Node> children = new ArrayList<>(4);
                int start = from;
                while (start < to) {
                    int quadrant = cells[start] >>> bits;
                    int end = start + 1;
                    while (end < to && cells[end] >>> bits == quadrant) {
                        end++;
                    }
                    children.add(node(cells, start, end, bits));
                    start = end;
                }
                return new Node(box, from, to, children.toArray(NO_CHILDREN));
            }
        }
        return new Node(box, from, to, NO_CHILDREN);
    }

    /** The site's Z-order cell in the extent: x and y quantised to {@link #BITS} bits, interleaved. */
    private static int cell(SitePoint site, Envelope extent) {
        int x = quantise(site.longitude(), extent.getMinX(), extent.getMaxX());
        int y = quantise(site.latitude(), extent.getMinY(), extent.getMaxY());
        int cell = 0;
        for (int bit = BITS - 1; bit >= 0; bit--) {
            cell = cell << 2 | (y >>> bit & 1) << 1 | (x >>> bit & 1);
        }
        return cell;
    }

    private static int quantise(double value, double min, double max) {
        int cells = 1 << BITS;
        if (!(max > min)) {
            return 0;
        }
        return Math.min(cells - 1, (int) ((value - min) / (max - min) * cells));
    }

    private static boolean finite(SitePoint site) {
        return Double.isFinite(site.longitude()) && Double.isFinite(site.latitude());
    }
}
