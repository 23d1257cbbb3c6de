package org.cascadehub.delivery.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The stream port's transport: epoll where Netty's native library loads, NIO when told or elsewhere. */
class LiveTransportTests {

    @Test
    void epollOnLinuxWhereTheNativeLibraryLoads() {
        assertThat(Epoll.isAvailable())
                .as("the linux-x86_64 native library is a runtime dependency: %s", Epoll.unavailabilityCause())
                .isTrue();

        LiveStreamServer.Transport transport = LiveStreamServer.Transport.of(settings(true));

        assertThat(transport.name()).isEqualTo("epoll");
        assertThat(transport.channel()).isEqualTo(EpollServerSocketChannel.class);
    }

    @Test
    void nioWhenTheNativeTransportIsTurnedOff() {
        LiveStreamServer.Transport transport = LiveStreamServer.Transport.of(settings(false));

        assertThat(transport.name()).isEqualTo("NIO");
        assertThat(transport.channel()).isEqualTo(NioServerSocketChannel.class);
    }

    private static LiveServerSettings settings(boolean nativeTransport) {
        return new LiveServerSettings(0, 2, DataSize.ofKilobytes(32), nativeTransport);
    }
}
