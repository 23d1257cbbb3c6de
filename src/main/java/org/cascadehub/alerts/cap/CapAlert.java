package org.cascadehub.alerts.cap;

import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A CAP 1.2 {@code <alert>}. Times keep the offset they were written with and carry whole seconds
 * (CAP has no fractions; any are dropped). Lists are never null: an absent element is an empty
 * list. The record checks nothing beyond that: {@link CapValidator} says whether the XML written
 * from it is valid CAP.
 *
 * @param addresses the intended recipients when {@code scope} is {@link CapScope#Private}
 * @param codes the {@code <code>} elements: special handling codes such as {@code IPAWSv1.0}
 * @param references the earlier messages this one updates, cancels, acknowledges or corrects
 * @param incidents the incident names this message belongs to
 */
public record CapAlert(
        String identifier,
        String sender,
        OffsetDateTime sent,
        CapStatus status,
        CapMsgType msgType,
        @Nullable String source,
        CapScope scope,
        @Nullable String restriction,
        List<String> addresses,
        List<String> codes,
        @Nullable String note,
        List<CapReference> references,
        List<String> incidents,
        List<CapInfo> infos) {

    public CapAlert {
        sent = CapTimes.wholeSeconds(sent);
        addresses = List.copyOf(addresses);
        codes = List.copyOf(codes);
        references = List.copyOf(references);
        incidents = List.copyOf(incidents);
        infos = List.copyOf(infos);
    }

    /** The reference other messages use to name this one in their {@code <references>}. */
    public CapReference reference() {
        return new CapReference(sender, identifier, sent);
    }
}
