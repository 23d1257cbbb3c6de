package org.cascadehub.harness;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A prototype, for measuring only: Cascade's live stream served by Netty instead of Tomcat, to
 * compare the memory a held stream costs (docs/performance.md, "Memory per stream"). It keeps what
 * Cascade keeps per connection (a person and an organisation id, a bounded queue of shared frames,
 * an index by person) and does what Cascade does with it (real HTTP/1.1 parsing, a chunked
 * {@code text/event-stream} answer starting with {@code retry:}, one heartbeat task for every
 * stream every 15 s, each event encoded once and the same bytes written to every stream), but
 * skips sign-in (each stream gets a fresh person) and matching (every stream gets every event).
 * {@code GET} opens a stream, {@code POST /publish} broadcasts its body as the floor's does. Run as
 * its own JVM by the harness: {@code NettyStreamServer <port>}.
 */
public final class NettyStreamServer {

    private static final ByteBuf RETRY = constant("retry: 3000\n\n");
    private static final ByteBuf HEARTBEAT = constant(":\n\n");
    private static final int QUEUE_FRAMES = 256;

    private final Map<UUID, Stream[]> byPerson = new ConcurrentHashMap<>();
    private long lastId;

    /** What Cascade's LiveConnection keeps: whose stream it is and its bounded queue. */
    private static final class Stream {
        final UUID person = UUID.randomUUID();
        final UUID organisation = UUID.randomUUID();
        final Channel channel;
        final ArrayDeque<ByteBuf> queue = new ArrayDeque<>(4);

        Stream(Channel channel) {
            this.channel = channel;
        }

        void offer(ByteBuf frame) {
            if (queue.size() >= QUEUE_FRAMES) {
                channel.close();
                return;
            }
            queue.add(frame.retainedDuplicate());
            channel.eventLoop().execute(this::drain);
        }

        void drain() {
            for (ByteBuf frame; (frame = queue.poll()) != null; ) {
                channel.write(new DefaultHttpContent(frame));
            }
            channel.flush();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        new NettyStreamServer().serve(Integer.parseInt(args[0]));
    }

    private void serve(int port) throws InterruptedException {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(
                Runtime.getRuntime().availableProcessors(), NioIoHandler.newFactory());
        Channel server = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 4096)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline()
                                .addLast(new HttpServerCodec())
                                .addLast(new HttpObjectAggregator(64 * 1024))
                                .addLast(new Requests());
                    }
                })
                .bind("127.0.0.1", port)
                .sync()
                .channel();
        group.next().scheduleWithFixedDelay(this::heartbeat, 15, 15, TimeUnit.SECONDS);
        System.out.println("LISTENING " + port);
        server.closeFuture().sync();
    }

    private final class Requests extends SimpleChannelInboundHandler<FullHttpRequest> {
        @Override
        protected void channelRead0(ChannelHandlerContext context, FullHttpRequest request) {
            if (request.method().equals(HttpMethod.POST)) {
                publish(ByteBufUtil.getBytes(request.content()));
                DefaultFullHttpResponse accepted =
                        new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.ACCEPTED);
                HttpUtil.setContentLength(accepted, 0);
                context.writeAndFlush(accepted);
                return;
            }
            DefaultHttpResponse headers = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
            headers.headers()
                    .set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream;charset=UTF-8")
                    .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE)
                    .set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
            context.write(headers);
            context.writeAndFlush(new DefaultHttpContent(RETRY.retainedDuplicate()));
            Stream stream = new Stream(context.channel());
            byPerson.put(stream.person, new Stream[] {stream});
            context.channel().closeFuture().addListener(closed -> byPerson.remove(stream.person));
        }
    }

    /** One frame, encoded once; every stream queues a view of the same bytes. */
    private synchronized void publish(byte[] body) {
        byte[] head = ("id: " + ++lastId + "\nevent: alert\ndata: ").getBytes(StandardCharsets.US_ASCII);
        ByteBuf frame = Unpooled.wrappedBuffer(head, body, new byte[] {'\n', '\n'});
        byPerson.values().forEach(streams -> {
            for (Stream stream : streams) {
                stream.channel.eventLoop().execute(() -> stream.offer(frame));
            }
        });
    }

    private void heartbeat() {
        byPerson.values().forEach(streams -> {
            for (Stream stream : streams) {
                stream.channel.eventLoop().execute(() -> stream.offer(HEARTBEAT));
            }
        });
    }

    private static ByteBuf constant(String text) {
        return Unpooled.unreleasableBuffer(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8));
    }
}
