package org.cascadehub.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The HTTP gateway client against a stand-in gateway of its own, over real HTTP. */
class HttpSmsGatewayTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SmsStandIn standIn = SmsStandIn.start("the-key", JSON, Clock.systemUTC());
    private final JsonPoster poster = new JsonPoster(Duration.ofSeconds(2), Duration.ofSeconds(5));

    @AfterEach
    void stop() {
        standIn.close();
    }

    @Test
    void aMessageIsPostedAsJsonWithTheKey() throws Exception {
        new HttpSmsGateway(standIn.url(), "the-key", poster, JSON)
                .send(new Sms("+447700900123", "Suspicious item, Strand: keep clear"), "42");

        assertThat(standIn.messages()).singleElement().satisfies(message -> {
            assertThat(message.to()).isEqualTo("+447700900123");
            assertThat(message.text()).isEqualTo("Suspicious item, Strand: keep clear");
            assertThat(message.reference()).isEqualTo("42");
        });
        HttpResponse<String> listed = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(standIn.url()).GET().build(), HttpResponse.BodyHandlers.ofString());
        JsonNode messages = JSON.readTree(listed.body());
        assertThat(messages.get(0).get("to").asString()).isEqualTo("+447700900123");
        assertThat(messages.get(0).get("reference").asString()).isEqualTo("42");
    }

    @Test
    void aRefusalIsAFailureNamingTheStatus() {
        assertThatThrownBy(() -> new HttpSmsGateway(standIn.url(), "a-wrong-key", poster, JSON)
                        .send(new Sms("+447700900123", "Refused"), "1"))
                .isInstanceOf(SmsGateway.SmsNotSent.class)
                .hasMessageContaining("HTTP 401");
        standIn.failNext(1);
        assertThatThrownBy(() -> new HttpSmsGateway(standIn.url(), "the-key", poster, JSON)
                        .send(new Sms("+447700900123", "Fails once"), "2"))
                .hasMessageContaining("HTTP 503");
        assertThat(standIn.messages()).isEmpty();
    }

    @Test
    void aGatewayThatCannotBeReachedIsAFailure() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + closed + "/messages");

        assertThatThrownBy(() -> new HttpSmsGateway(nowhere, "the-key", poster, JSON)
                        .send(new Sms("+447700900123", "Nobody there"), "3"))
                .isInstanceOf(SmsGateway.SmsNotSent.class)
                .hasMessageContaining("could not reach");
    }

    @Test
    void theStandInKeepsOnlyTheNewestMessages() throws Exception {
        HttpSmsGateway gateway = new HttpSmsGateway(standIn.url(), "the-key", poster, JSON);
        for (int i = 0; i < SmsStandIn.KEPT + 3; i++) {
            gateway.send(new Sms("+447700900123", "Message " + i), Integer.toString(i));
        }

        assertThat(standIn.messages()).hasSize(SmsStandIn.KEPT);
        assertThat(standIn.messages().getFirst().reference()).isEqualTo("3");
    }
}
