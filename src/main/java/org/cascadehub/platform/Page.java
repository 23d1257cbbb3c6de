package org.cascadehub.platform;

import java.util.List;

/** One page of results: 1-based page number, page size, and how many there are in all. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public Page {
        items = List.copyOf(items);
    }

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasNext() {
        return page < pages();
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    /** Clamps a requested page number to at least 1. */
    public static int number(int requested) {
        return Math.max(1, requested);
    }
}
