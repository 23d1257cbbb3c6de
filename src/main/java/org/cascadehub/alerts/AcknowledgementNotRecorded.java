package org.cascadehub.alerts;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * An acknowledgement that could not be confirmed as written: the writer is shutting down, its queue
 * stayed full, or the commit did not come in time. Answered 503: the caller may simply try again
 * (acknowledging twice is harmless).
 */
public class AcknowledgementNotRecorded extends ResponseStatusException {

    AcknowledgementNotRecorded(String reason) {
        super(HttpStatus.SERVICE_UNAVAILABLE, reason);
    }
}
