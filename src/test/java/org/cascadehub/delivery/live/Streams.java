package org.cascadehub.delivery.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.cascadehub.directory.PersonId;
import org.cascadehub.directory.Role;
import org.cascadehub.support.TestHttp;
import org.cascadehub.support.TestPeople;
import org.cascadehub.support.TestPeople.TestPerson;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/** Fresh members with open streams, and events for them, for the live stream tests. */
class Streams {

    /** New seqs, above what {@link TestReplaySource} says was given out before the start. */
    private static final AtomicLong NEXT_SEQ = new AtomicLong(TestReplaySource.HIGHEST_AT_START * 2);

    private final TestPeople people;
    private final WebServerApplicationContext server;

    Streams(TestPeople people, WebServerApplicationContext server) {
        this.people = people;
        this.server = server;
    }

    /** A member with an API token. */
    record Member(TestPerson person, String token) {
        PersonId id() {
            return person.id();
        }
    }

    Member member() {
        TestPerson person = people.create(Role.MEMBER);
        return new Member(person, http().token(person.email(), person.password()));
    }

    /** Opens the member's stream and reads the {@code retry:} it starts with. */
    SseClient open(Member member, String... headers) {
        SseClient client = openRaw(member, headers);
        assertThat(client.status()).isEqualTo(200);
        assertThat(client.next().field("retry")).contains("3000");
        return client;
    }

    SseClient openRaw(Member member, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Authorization";
        all[1] = TestHttp.bearer(member.token());
        System.arraycopy(headers, 0, all, 2, headers.length);
        return SseClient.open(port(), "/api/v1/stream", all);
    }

    TestHttp http() {
        return new TestHttp(port());
    }

    int port() {
        return server.getWebServer().getPort();
    }

    static long nextSeq() {
        return NEXT_SEQ.incrementAndGet();
    }

    static LiveEvent alert(long seq, String text, PersonId... recipients) {
        return LiveEvent.replayable(seq, "alert", json(seq, text), Set.of(recipients));
    }

    static byte[] json(long seq, String text) {
        return ("{\"seq\":" + seq + ",\"headline\":\"" + text + "\"}").getBytes(StandardCharsets.UTF_8);
    }
}
