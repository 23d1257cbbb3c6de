package org.cascadehub.audit;

import org.jspecify.annotations.Nullable;

/**
 * The result of recomputing the audit chain.
 *
 * @param intact whether every entry's hash matches its content and the entry before
 * @param entriesChecked how many entries were read
 * @param firstBrokenSeq the first entry whose hash or link does not match, if any
 * @param problem what is wrong with that entry
 */
public record ChainVerification(
        boolean intact,
        long entriesChecked,
        @Nullable Long firstBrokenSeq,
        @Nullable String problem) {}
