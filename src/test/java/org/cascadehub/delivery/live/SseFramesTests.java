package org.cascadehub.delivery.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import org.cascadehub.directory.PersonId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SseFramesTests {

    private static final Set<PersonId> NOBODY = Set.of();

    @Test
    void aReplayableEventCarriesItsSeqAsTheId() {
        LiveEvent event = LiveEvent.replayable(12, "alert", utf8("{\"alertId\":34}"), NOBODY);

        SseFrame frame = SseFrames.encode(event);

        assertThat(text(frame)).isEqualTo("id: 12\nevent: alert\ndata: {\"alertId\":34}\n\n");
        assertThat(frame.seq()).isEqualTo(12);
    }

    @Test
    void anUnsequencedEventHasNoId() {
        LiveEvent event = LiveEvent.unsequenced("ack", utf8("{\"alertId\":34,\"acknowledged\":5}"), NOBODY);

        assertThat(text(SseFrames.encode(event)))
                .isEqualTo("event: ack\ndata: {\"alertId\":34,\"acknowledged\":5}\n\n");
    }

    @Test
    void everyLineOfTheDataGetsItsOwnDataField() {
        LiveEvent event = LiveEvent.replayable(1, "alert", utf8("one\ntwo\r\nthree\rfour"), NOBODY);

        assertThat(text(SseFrames.encode(event)))
                .isEqualTo("id: 1\nevent: alert\ndata: one\ndata: two\ndata: three\ndata: four\n\n");
    }

    @Test
    void aLineThatLooksLikeAFieldStaysData() {
        LiveEvent event = LiveEvent.replayable(1, "alert", utf8("x\nid: 999\nevent: fake\n\ndata: y"), NOBODY);

        assertThat(text(SseFrames.encode(event)))
                .isEqualTo("id: 1\nevent: alert\ndata: x\ndata: id: 999\ndata: event: fake\ndata: \ndata: data: y\n\n");
    }

    @Test
    void aTrailingLineBreakIsKeptAsAnEmptyLastLine() {
        LiveEvent event = LiveEvent.unsequenced("alert", utf8("a\n"), NOBODY);

        assertThat(text(SseFrames.encode(event))).isEqualTo("event: alert\ndata: a\ndata: \n\n");
    }

    @Test
    void nonAsciiTextIsPassedThroughAsUtf8() {
        LiveEvent event = LiveEvent.unsequenced("alert", utf8("{\"headline\":\"Café – ☂\"}"), NOBODY);

        assertThat(text(SseFrames.encode(event))).isEqualTo("event: alert\ndata: {\"headline\":\"Café – ☂\"}\n\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "alert\r\ndata: injected", "alert\nid: 1", "alert\r", "two words", "ünïcode"})
    void anEventNameThatCouldBreakTheFrameIsRefused(String type) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LiveEvent.unsequenced(type, utf8("{}"), NOBODY))
                .withMessageContaining("SSE event name");
    }

    @Test
    void anEventNameOfMoreThan64CharactersIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LiveEvent.unsequenced("a".repeat(65), utf8("{}"), NOBODY));
        assertThat(LiveEvent.unsequenced("a".repeat(64), utf8("{}"), NOBODY).type())
                .hasSize(64);
    }

    @Test
    void seqsMustBePositiveForReplayableEvents() {
        assertThatIllegalArgumentException().isThrownBy(() -> LiveEvent.replayable(0, "alert", utf8("{}"), NOBODY));
        assertThatIllegalArgumentException().isThrownBy(() -> new LiveEvent(-1, "alert", utf8("{}"), NOBODY));
    }

    @Test
    void theRetryFrameGivesMilliseconds() {
        assertThat(text(SseFrames.retry(Duration.ofSeconds(3)))).isEqualTo("retry: 3000\n\n");
        assertThat(text(SseFrames.HEARTBEAT)).startsWith(":").endsWith("\n\n");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(SseFrame frame) {
        return new String(frame.bytes(), StandardCharsets.UTF_8);
    }
}
