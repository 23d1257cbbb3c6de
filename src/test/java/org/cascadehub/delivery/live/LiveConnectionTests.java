package org.cascadehub.delivery.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.cascadehub.delivery.live.LiveConnection.CloseReason;
import org.cascadehub.directory.OrganisationId;
import org.cascadehub.directory.PersonId;
import org.junit.jupiter.api.Test;

/** One connection's queue and non-blocking writer, against a socket the test controls. */
class LiveConnectionTests {

    private static final SseFrame RETRY = SseFrames.retry(Duration.ofSeconds(3));

    private final Socket socket = new Socket();
    private final AsyncContext async = mock(AsyncContext.class);
    private final List<CloseReason> closed = new ArrayList<>();
    private final AtomicLong now = new AtomicLong();
    private final LiveConnection connection =
            new LiveConnection(PersonId.random(), OrganisationId.random(), null, async, socket, 3, owner(), now::get);

    @Test
    void theFirstFramesGoBeforeWhatWasQueuedMeanwhileAndNothingIsWrittenBeforeTheContainerSaysSo() throws IOException {
        assertThat(connection.offer(frame(9))).isFalse();
        assertThat(socket.text()).isEmpty();

        connection.begin(List.of(RETRY, frame(7)), Set.of());
        assertThat(socket.listener).isSameAs(connection);
        connection.onWritePossible();

        assertThat(socket.text()).isEqualTo("retry: 3000\n\n[7][9]");
        assertThat(socket.flushes).isEqualTo(1);
    }

    @Test
    void aQueuedFrameTheReplayAlsoHoldsIsSentOnce() throws IOException {
        connection.offer(frame(7));
        connection.offer(frame(8));

        connection.begin(List.of(RETRY, frame(7)), Set.of());
        connection.onWritePossible();

        assertThat(socket.text()).isEqualTo("retry: 3000\n\n[7][8]");
    }

    @Test
    void aBroadcastStillInFlightWhenWritingStartsIsDroppedWhenItArrives() throws IOException {
        connection.begin(List.of(RETRY, frame(7)), Set.of(7L));
        connection.onWritePossible();

        assertThat(connection.offer(frame(7))).isFalse();
        assertThat(connection.offer(frame(8))).isTrue();
        connection.drain();

        assertThat(socket.text()).isEqualTo("retry: 3000\n\n[7][8]");
    }

    @Test
    void anIdleConnectionAsksItsCallerToDrainOnce() throws IOException {
        started();

        assertThat(connection.offer(frame(1))).isTrue();
        assertThat(connection.offer(frame(2))).as("already handed to a writer").isFalse();
        connection.drain();

        assertThat(socket.text()).endsWith("[1][2]");
    }

    @Test
    void aFullSocketWaitsForTheContainerWithoutBlocking() throws IOException {
        started();
        socket.ready = false;
        assertThat(connection.offer(frame(1))).isTrue();
        connection.drain();
        assertThat(connection.offer(frame(2)))
                .as("waiting for the container, not idle")
                .isFalse();
        assertThat(socket.text()).doesNotContain("[1]");

        socket.ready = true;
        connection.onWritePossible();

        assertThat(socket.text()).endsWith("[1][2]");
    }

    @Test
    void aFullQueueClosesTheConnection() throws IOException {
        started();
        socket.ready = false;
        connection.offer(frame(1));
        connection.drain();

        connection.offer(frame(2));
        connection.offer(frame(3));
        assertThat(closed).as("three frames waiting: the bound").isEmpty();
        connection.offer(frame(4));

        assertThat(closed).containsExactly(CloseReason.SLOW);
        verify(async).complete();
        assertThat(connection.offer(frame(5))).isFalse();
    }

    @Test
    void heartbeatsGoOnlyToConnectionsWithNothingWaiting() throws IOException {
        started();
        assertThat(connection.heartbeat(Long.MAX_VALUE, Set.of())).isTrue();
        connection.drain();
        assertThat(socket.text()).endsWith(": heartbeat\n\n");

        socket.ready = false;
        connection.offer(frame(1));
        connection.drain();
        assertThat(connection.heartbeat(Long.MAX_VALUE, Set.of())).isFalse();
    }

    @Test
    void aConnectionSentAnythingSinceItsLastCheckGetsNoHeartbeatAndAnIdleOneEveryOtherCheck() throws IOException {
        started();
        assertThat(connection.heartbeat(Long.MAX_VALUE, Set.of())).isTrue();
        connection.drain();
        assertThat(connection.heartbeat(Long.MAX_VALUE, Set.of()))
                .as("its own heartbeat went out since the last check")
                .isFalse();
        assertThat(connection.heartbeat(Long.MAX_VALUE, Set.of())).isTrue();
        connection.drain();

        assertThat(connection.offer(frame(1))).isTrue();
        connection.drain();
        assertThat(connection.heartbeat(Long.MAX_VALUE, Set.of()))
                .as("an event went out since the last check")
                .isFalse();
        assertThat(connection.heartbeat(Long.MAX_VALUE, Set.of()))
                .as("quiet for a whole check")
                .isTrue();
        connection.drain();

        assertThat(socket.text()).endsWith(": heartbeat\n\n: heartbeat\n\n[1]: heartbeat\n\n");
    }

    @Test
    void aSocketThatTakesNothingForTooLongIsClosed() throws IOException {
        started();
        socket.ready = false;
        connection.offer(frame(1));
        connection.drain();

        now.addAndGet(Duration.ofSeconds(59).toNanos());
        connection.heartbeat(Duration.ofSeconds(60).toNanos(), Set.of());
        assertThat(closed).isEmpty();
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        connection.heartbeat(Duration.ofSeconds(60).toNanos(), Set.of());

        assertThat(closed).containsExactly(CloseReason.STALLED);
    }

    @Test
    void aFailedWriteClosesTheConnectionOnce() throws IOException {
        started();
        socket.fail = true;
        connection.offer(frame(1));
        connection.drain();
        connection.onError(new IOException("Broken pipe"));

        assertThat(closed).containsExactly(CloseReason.GONE);
    }

    @Test
    void closingWhileAWriterIsBusyLeavesCompletingToTheWriter() throws IOException {
        started();
        assertThat(connection.offer(frame(1))).isTrue();

        connection.close(CloseReason.ACCESS_ENDED);
        verify(async, never()).complete();
        connection.drain();

        verify(async).complete();
        assertThat(socket.text()).doesNotContain("[1]");
    }

    private void started() throws IOException {
        connection.begin(List.of(RETRY), Set.of());
        connection.onWritePossible();
    }

    private LiveConnection.Owner owner() {
        return new LiveConnection.Owner() {
            @Override
            public void closed(LiveSink c, CloseReason reason) {
                closed.add(reason);
            }

            @Override
            public void sent(int frames) {}
        };
    }

    private static SseFrame frame(long seq) {
        return new SseFrame(seq, ("[" + seq + "]").getBytes(StandardCharsets.US_ASCII));
    }

    /** A socket that takes bytes while {@code ready}, and fails every write while {@code fail}. */
    private static final class Socket extends ServletOutputStream {
        final ByteArrayOutputStream written = new ByteArrayOutputStream();
        boolean ready = true;
        boolean fail;
        int flushes;
        WriteListener listener;

        @Override
        public boolean isReady() {
            return ready;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            this.listener = listener;
        }

        @Override
        public void write(int b) throws IOException {
            if (fail) {
                throw new IOException("Broken pipe");
            }
            written.write(b);
        }

        @Override
        public void flush() {
            flushes++;
        }

        String text() {
            return written.toString(StandardCharsets.US_ASCII);
        }
    }
}
