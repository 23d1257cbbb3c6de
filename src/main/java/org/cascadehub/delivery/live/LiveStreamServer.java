package org.cascadehub.delivery.live;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The live stream on a port of its own, served by Netty ({@code cascade.live.stream-port}; off by
 * default). A servlet stream holds about 60 KB of Tomcat's per-request buffers for as long as it is
 * open; a Netty channel holds a few (docs/performance.md, "Netty transport"). Only {@code GET
 * /api/v1/stream} with a bearer token is served here; the streams join the same {@link LiveGateway}
 * as servlet streams, so matching, replay, heartbeats, queues and metrics are shared.
 *
 * <p>It stops just before the gateway, so before the web server's graceful shutdown: it stops
 * accepting and ends its streams, which reconnect elsewhere or once the node is back.
 */
@Component
class LiveStreamServer implements SmartLifecycle {

    static final String LOCAL_PORT = "local.cascade.live.stream-port";

    private static final Logger log = LoggerFactory.getLogger(LiveStreamServer.class);
    /** Small: a stream's writes are a frame or two, and a client behind by more is queued, bounded. */
    private static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(2 * 1024, 8 * 1024);

    private final LiveServerSettings server;
    private final LiveSettings settings;
    private final LiveGateway gateway;
    private final ObjectProvider<StreamTokens> tokens;
    private final JsonMapper json;
    private final ConfigurableEnvironment environment;

    private volatile boolean running;
    private @Nullable EventLoopGroup boss;
    private @Nullable EventLoopGroup workers;
    private @Nullable ExecutorService verifiers;
    private @Nullable Channel listening;
    private volatile int port = -1;

    LiveStreamServer(
            LiveServerSettings server,
            LiveSettings settings,
            LiveGateway gateway,
            ObjectProvider<StreamTokens> tokens,
            JsonMapper json,
            ConfigurableEnvironment environment) {
        this.server = server;
        this.settings = settings;
        this.gateway = gateway;
        this.tokens = tokens;
        this.json = json;
        this.environment = environment;
    }

    /** The port it listens on, or -1 when it is off. */
    int port() {
        return port;
    }

    @Override
    public void start() {
        if (!server.enabled()) {
            return;
        }
        StreamTokens verifier = tokens.getIfAvailable(() -> token -> java.util.Optional.empty());
        ExecutorService executor = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("cascade-live-verify-", 0).factory());
        NettyStreamRequests.Context context =
                new NettyStreamRequests.Context(gateway, settings, verifier, json, executor, () -> running);
        Transport transport = Transport.of(server);
        EventLoopGroup acceptor = new MultiThreadIoEventLoopGroup(
                1, new DefaultThreadFactory("cascade-live-accept"), transport.handlers());
        EventLoopGroup loops = new MultiThreadIoEventLoopGroup(
                server.streamThreads(), new DefaultThreadFactory("cascade-live-loop"), transport.handlers());
        running = true;
        try {
            listening = new ServerBootstrap()
                    .group(acceptor, loops)
                    .channel(transport.channel())
                    .option(ChannelOption.SO_BACKLOG, 4096)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childOption(
                            ChannelOption.SO_SNDBUF, (int) server.sendBuffer().toBytes())
                    .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
                    .childOption(ChannelOption.RECVBUF_ALLOCATOR, new AdaptiveRecvByteBufAllocator(64, 512, 8192))
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            channel.pipeline()
                                    .addLast(new HttpRequestDecoder(4096, 8192, 8192))
                                    .addLast(new HttpResponseEncoder())
                                    .addLast(new NettyStreamRequests(context));
                        }
                    })
                    .bind(server.streamPort())
                    .syncUninterruptibly()
                    .channel();
        } catch (RuntimeException e) {
            running = false;
            acceptor.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            loops.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            executor.shutdown();
            throw new IllegalStateException(
                    "The live stream server could not listen on port " + server.streamPort(), e);
        }
        boss = acceptor;
        workers = loops;
        verifiers = executor;
        port = ((InetSocketAddress) listening.localAddress()).getPort();
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource("cascade.live.stream-server", Map.of(LOCAL_PORT, port)));
        log.info(
                "Live stream (Netty, {}) listening on port {} for GET {}, {} event-loop threads",
                transport.name(),
                port,
                StreamController.PATH,
                server.streamThreads());
    }

    /** Linux's epoll where Netty's native library loads and it is wanted, else Java's NIO. */
    record Transport(String name, IoHandlerFactory handlers, Class<? extends ServerChannel> channel) {

        static Transport of(LiveServerSettings server) {
            if (server.nativeTransport() && Epoll.isAvailable()) {
                return new Transport("epoll", EpollIoHandler.newFactory(), EpollServerSocketChannel.class);
            }
            if (server.nativeTransport()) {
                log.info(
                        "Netty's native epoll transport is not available here ({}); the stream port uses NIO",
                        Epoll.unavailabilityCause().toString());
            }
            return new Transport("NIO", NioIoHandler.newFactory(), NioServerSocketChannel.class);
        }
    }

    @Override
    public void stop() {
        if (!running) {
            return;
        }
        running = false;
        if (listening != null) {
            listening.close().syncUninterruptibly();
        }
        gateway.shutDown(connection -> connection instanceof NettyConnection);
        if (workers != null) {
            workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
        if (boss != null) {
            boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
        if (verifiers != null) {
            verifiers.shutdown();
        }
        port = -1;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the gateway, which stops before the web server's graceful shutdown. */
    @Override
    public int getPhase() {
        return WebServerApplicationContext.GRACEFUL_SHUTDOWN_PHASE + 2;
    }
}
