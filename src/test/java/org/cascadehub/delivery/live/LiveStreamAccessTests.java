package org.cascadehub.delivery.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cascadehub.delivery.live.Streams.alert;
import static org.cascadehub.delivery.live.Streams.nextSeq;

import org.cascadehub.delivery.live.Streams.Member;
import org.cascadehub.directory.Organisations;
import org.cascadehub.directory.People;
import org.cascadehub.directory.Viewer;
import org.cascadehub.support.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A stream ends when the access it was opened with ends, and cannot be opened again. */
@LiveStreamTest
class LiveStreamAccessTests {

    @Autowired
    Streams streams;

    @Autowired
    LiveGateway gateway;

    @Autowired
    People people;

    @Autowired
    Organisations organisations;

    @Test
    void aSuspendedPersonsStreamIsClosedAndStaysClosed() {
        Member ada = streams.member();
        Member bo = streams.member();
        try (SseClient adaStream = streams.open(ada);
                SseClient boStream = streams.open(bo)) {

            people.setSuspended(administrator(), ada.id(), true);

            assertThat(adaStream.ends())
                    .as("the suspended person's stream ends")
                    .isTrue();
            assertThat(gateway.connected(ada.id())).isFalse();
            assertThat(streams.openRaw(ada).status()).isEqualTo(401);
            gateway.broadcast(alert(nextSeq(), "others unaffected", ada.id(), bo.id()));
            assertThat(boStream.nextEvent().data()).contains("others unaffected");
        }
    }

    @Test
    void aBearerStreamHasNoSessionAndARevokedTokenOpensNoMoreStreams() {
        Member ada = streams.member();
        TestHttp http = streams.http();
        String id = http.get("/api/v1/tokens", "Authorization", TestHttp.bearer(ada.token()))
                .json()
                .get(0)
                .get("id")
                .asString();
        try (SseClient stream = streams.open(ada)) {
            assertThat(stream.header("Set-Cookie"))
                    .as("no session for a bearer request")
                    .isEmpty();

            assertThat(http.delete("/api/v1/tokens/" + id, "Authorization", TestHttp.bearer(ada.token()))
                            .status())
                    .isEqualTo(204);

            assertThat(streams.openRaw(ada).status()).isEqualTo(401);
        }
    }

    @Test
    void anErasedPersonsStreamIsClosed() {
        Member ada = streams.member();
        try (SseClient stream = streams.open(ada)) {

            people.erase(administrator(), ada.id());

            assertThat(stream.ends()).isTrue();
        }
    }

    @Test
    void aSuspendedOrganisationsStreamsAreClosed() {
        Member ada = streams.member();
        try (SseClient stream = streams.open(ada)) {
            var organisation = people.findById(ada.id()).orElseThrow().organisationId();

            organisations.setSuspended(administrator(), organisation, true, "Vetting lapsed");

            assertThat(stream.ends()).isTrue();
        }
    }

    private Viewer administrator() {
        return people.viewer(people.findByEmail("admin@demo.test").orElseThrow().id())
                .orElseThrow();
    }
}
