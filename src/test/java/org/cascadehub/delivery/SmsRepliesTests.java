package org.cascadehub.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.cascadehub.CascadeTest;
import org.cascadehub.support.TestHttp;
import org.cascadehub.support.TestHttp.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

/**
 * Replies to SMS come in through {@code POST /api/v1/sms/inbound}, signed by the gateway with the
 * shared key; they are published as {@link SmsReplyReceived}. Anything not signed with that key is
 * refused (401) and published nowhere.
 */
@CascadeTest
class SmsRepliesTests {

    private static final String INBOUND = "/api/v1/sms/inbound";

    @LocalServerPort
    int port;

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    SmsStandIn standIn;

    private final List<SmsReplyReceived> published = new CopyOnWriteArrayList<>();
    private final ApplicationListener<ApplicationEvent> listener = event -> {
        if (event instanceof PayloadApplicationEvent<?> payload
                && payload.getPayload() instanceof SmsReplyReceived reply) {
            published.add(reply);
        }
    };
    private TestHttp http;

    @BeforeEach
    void listen() {
        context.addApplicationListener(listener);
        http = new TestHttp(port);
    }

    @AfterEach
    void stopListening() {
        context.removeApplicationListener(listener);
    }

    @Test
    void aReplySentThroughTheGatewayIsPublished() {
        String from = newNumber();

        int status = standIn.reply(from, "ACK 4821");

        assertThat(status).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> !repliesFrom(from).isEmpty());
        assertThat(repliesFrom(from)).singleElement().satisfies(reply -> {
            assertThat(reply.text()).isEqualTo("ACK 4821");
            assertThat(reply.at()).isNotNull();
        });
    }

    @Test
    void aReplySignedHereWithTheGatewayKeyIsAccepted() {
        String from = newNumber();
        String body = "{\"from\":\"" + from + "\",\"text\":\"ack 77\"}";

        Response response = post(body, sign(standIn.key(), body));

        assertThat(response.status()).isEqualTo(202);
        assertThat(repliesFrom(from)).extracting(SmsReplyReceived::text).containsExactly("ack 77");
    }

    @Test
    void anUnsignedReplyIsRefused() {
        String from = newNumber();
        String body = "{\"from\":\"" + from + "\",\"text\":\"ACK 1\"}";

        Response response = http.postJson(INBOUND, body);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("content-type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.json().get("detail").asString()).contains("X-Cascade-Gateway-Signature");
        assertThat(repliesFrom(from)).isEmpty();
    }

    @Test
    void aReplySignedWithAnotherKeyOrForAnotherBodyIsRefused() {
        String from = newNumber();
        String body = "{\"from\":\"" + from + "\",\"text\":\"ACK 1\"}";

        assertThat(post(body, sign("not-the-gateway-key", body)).status()).isEqualTo(401);
        assertThat(post(body, sign(standIn.key(), body.replace("ACK 1", "ACK 2")))
                        .status())
                .isEqualTo(401);
        assertThat(post(body, "zz").status()).isEqualTo(401);
        assertThat(post("", sign(standIn.key(), body)).status()).isEqualTo(401);
        assertThat(repliesFrom(from)).isEmpty();
    }

    @Test
    void aSignedReplyWithoutASenderOrTextNamesTheField() {
        String body = "{\"from\":\"07700 900123\",\"text\":\"\"}";

        Response response = post(body, sign(standIn.key(), body));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json()
                        .get("errors")
                        .valueStream()
                        .map(e -> e.get("field").asString()))
                .containsExactly("from", "text");
        String notJson = "ACK 1";
        Response unreadable = post(notJson, sign(standIn.key(), notJson));
        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(unreadable.json().get("errors").get(0).get("field").asString())
                .isEqualTo("body");
    }

    private Response post(String body, String signature) {
        return http.postJson(INBOUND, body, "X-Cascade-Gateway-Signature", signature);
    }

    private List<SmsReplyReceived> repliesFrom(String from) {
        return published.stream().filter(reply -> reply.from().equals(from)).toList();
    }

    /** The gateway's signature, computed here independently of Cascade's code. */
    private static String sign(String key, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String newNumber() {
        return "+4477008" + ThreadLocalRandom.current().nextInt(10_000, 100_000);
    }
}
