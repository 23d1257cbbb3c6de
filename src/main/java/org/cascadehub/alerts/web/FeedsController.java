package org.cascadehub.alerts.web;

import java.time.Duration;
import org.cascadehub.alerts.AlertCap;
import org.cascadehub.alerts.AlertFeeds;
import org.cascadehub.alerts.AlertId;
import org.cascadehub.alerts.Alerts;
import org.cascadehub.directory.Viewer;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * Atom feeds of alerts: the public one (TLP:CLEAR, no sign-in) and a person's own (session or bearer
 * token), with ETag and Last-Modified so feed readers can poll cheaply. The public feed's entries
 * link to their CAP message under {@code /feeds/alerts/{id}.cap}, also open to anyone, for
 * TLP:CLEAR alerts only.
 */
@RestController
class FeedsController {

    static final String ATOM = "application/atom+xml";

    private final AlertFeeds feeds;
    private final Alerts alerts;
    private final AlertCap cap;

    FeedsController(AlertFeeds feeds, Alerts alerts, AlertCap cap) {
        this.feeds = feeds;
        this.alerts = alerts;
        this.cap = cap;
    }

    @GetMapping(value = "/feeds/alerts.atom", produces = ATOM)
    ResponseEntity<byte[]> publicFeed(WebRequest request) {
        return answer(feeds.publicFeed(), request, CacheControl.maxAge(Duration.ofMinutes(1)));
    }

    @GetMapping(value = "/feeds/my/alerts.atom", produces = ATOM)
    ResponseEntity<byte[]> personalFeed(Viewer viewer, WebRequest request) {
        return answer(
                feeds.personalFeed(viewer), request, CacheControl.noCache().cachePrivate());
    }

    @GetMapping(value = "/feeds/alerts/{id}.cap", produces = CapApi.CAP_XML)
    ResponseEntity<byte[]> publicCap(@PathVariable long id) {
        return AlertCapApi.capResponse(cap, alerts.read(null, new AlertId(id)));
    }

    private ResponseEntity<byte[]> answer(AlertFeeds.Feed feed, WebRequest request, CacheControl cache) {
        if (request.checkNotModified(feed.etag(), feed.updated().toEpochMilli())) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                    .eTag(feed.etag())
                    .cacheControl(cache)
                    .build();
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(ATOM))
                .eTag(feed.etag())
                .lastModified(feed.updated())
                .cacheControl(cache)
                .body(feeds.write(feed));
    }
}
