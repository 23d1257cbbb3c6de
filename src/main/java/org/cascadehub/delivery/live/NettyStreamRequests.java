package org.cascadehub.delivery.live;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import org.cascadehub.directory.Viewer;
import org.cascadehub.platform.InvalidInput;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * One channel of the Netty stream server: reads one request, answers anything but an authorised
 * {@code GET /api/v1/stream} with problem details and closes, and turns that one into a stream. A
 * token held in memory (the usual case) is checked and the stream started on the event loop, with
 * no other thread involved; a token only the database knows, or a reconnection whose replay may
 * read the database, goes to a virtual thread, never blocking the loop. The request decoder is
 * removed once the request is read, so a held stream keeps no parser state.
 */
final class NettyStreamRequests extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(NettyStreamRequests.class);

    /** What one channel's handler needs from the server, shared by all of them. */
    record Context(
            LiveGateway gateway,
            LiveSettings settings,
            StreamTokens tokens,
            JsonMapper json,
            Executor verifiers,
            BooleanSupplier running) {}

    private final Context server;
    private boolean requested;
    /** Set on the event loop once the stream is registered. */
    private @Nullable NettyConnection connection;

    NettyStreamRequests(Context server) {
        this.server = server;
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object message) {
        if (!(message instanceof HttpRequest request) || requested) {
            ReferenceCountUtil.release(message);
            return;
        }
        requested = true;
        Channel channel = context.channel();
        context.pipeline().remove(HttpRequestDecoder.class);
        ReferenceCountUtil.release(request);
        if (request.decoderResult().isFailure()) {
            refuse(channel, problem(HttpStatus.BAD_REQUEST, "The request could not be read.", "/"));
            return;
        }
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        if (!uri.path().equals(StreamController.PATH)) {
            refuse(channel, problem(HttpStatus.NOT_FOUND, "Only the live stream is served on this port.", uri.path()));
            return;
        }
        if (!request.method().equals(HttpMethod.GET)) {
            FullHttpResponse answer = problem(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed.", uri.path());
            answer.headers().set(HttpHeaderNames.ALLOW, "GET");
            refuse(channel, answer);
            return;
        }
        String authorization = request.headers().get(HttpHeaderNames.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            refuse(
                    channel,
                    problem(
                            HttpStatus.UNAUTHORIZED,
                            "Sign in, or send an API token as 'Authorization: Bearer <token>'.",
                            uri.path()));
            return;
        }
        Long lastEventId;
        try {
            lastEventId = lastEventId(request, uri);
        } catch (InvalidInput invalid) {
            refuse(channel, invalid(invalid, uri.path()));
            return;
        }
        String token = authorization.substring(7).trim();
        if (lastEventId == null) {
            switch (server.tokens().atOnce(token)) {
                case StreamTokens.Accepted accepted -> {
                    // Held in memory, and nothing to replay: no reason to leave the event loop.
                    start(channel, accepted.viewer(), null, true);
                    return;
                }
                case StreamTokens.Refused refused -> {
                    refuse(channel, invalidToken());
                    return;
                }
                case StreamTokens.Unknown unknown -> {
                    // read below, off the loop
                }
            }
        }
        // Nothing more is read until the stream has started (two epoll changes the loop path avoids).
        channel.config().setAutoRead(false);
        server.verifiers().execute(() -> open(channel, token, lastEventId));
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext context) {
        if (connection != null && context.channel().isWritable()) {
            connection.writable();
        }
        context.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        if (connection != null) {
            connection.close(LiveConnection.CloseReason.GONE);
        }
        context.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        if (connection != null) {
            connection.close(LiveConnection.CloseReason.GONE);
        }
        context.close();
    }

    /** On a virtual thread: who is this (the database may be read), and then the stream. */
    private void open(Channel channel, String token, @Nullable Long lastEventId) {
        try {
            Optional<Viewer> viewer = server.tokens().viewerFor(token);
            if (viewer.isEmpty()) {
                refuse(channel, invalidToken());
                return;
            }
            start(channel, viewer.get(), lastEventId, false);
        } catch (RuntimeException e) {
            log.warn("Verifying a token on the stream port failed", e);
            refuse(
                    channel,
                    problem(
                            HttpStatus.SERVICE_UNAVAILABLE,
                            "The stream could not be opened: reconnect.",
                            StreamController.PATH));
        }
    }

    /**
     * May the viewer stream, and then the stream. On the event loop ({@code onLoop}) only without a
     * replay to read, which may read the database.
     */
    private void start(Channel channel, Viewer viewer, @Nullable Long lastEventId, boolean onLoop) {
        String path = StreamController.PATH;
        if (!viewer.vettedMember()) {
            refuse(
                    channel,
                    problem(HttpStatus.FORBIDDEN, "Live alerts are for active members of vetted organisations.", path));
            return;
        }
        if (!server.running().getAsBoolean() || !server.gateway().accepting()) {
            refuse(channel, problem(HttpStatus.SERVICE_UNAVAILABLE, "This node is shutting down: reconnect.", path));
            return;
        }
        try {
            NettyConnection stream = new NettyConnection(
                    viewer.personId(),
                    viewer.organisationId(),
                    channel,
                    server.settings().queueFrames(),
                    server.gateway(),
                    System::nanoTime);
            server.gateway().open(stream, lastEventId);
            if (onLoop) {
                started(channel, stream);
            } else {
                channel.eventLoop().execute(() -> started(channel, stream));
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Opening a live stream on the stream port failed", e);
            refuse(
                    channel,
                    problem(HttpStatus.SERVICE_UNAVAILABLE, "The stream could not be opened: reconnect.", path));
        }
    }

    private FullHttpResponse invalidToken() {
        FullHttpResponse answer = problem(
                HttpStatus.UNAUTHORIZED,
                "The bearer token is not valid: it is unknown, expired or revoked.",
                StreamController.PATH);
        answer.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
        return answer;
    }

    /**
     * On the event loop: from now on a closed channel closes the stream, and reads (on again if the
     * token was verified off the loop) find that out.
     */
    private void started(Channel channel, NettyConnection stream) {
        connection = stream;
        if (!channel.isActive()) {
            stream.close(LiveConnection.CloseReason.GONE);
            return;
        }
        channel.config().setAutoRead(true);
    }

    private static @Nullable Long lastEventId(HttpRequest request, QueryStringDecoder uri) {
        String header = request.headers().get(StreamController.LAST_EVENT_ID);
        if (header != null && !header.isBlank()) {
            return StreamController.sequenceNumber(StreamController.LAST_EVENT_ID, header);
        }
        List<String> parameter = uri.parameters().get("lastEventId");
        return StreamController.sequenceNumber(
                "lastEventId", parameter == null || parameter.isEmpty() ? null : parameter.getFirst());
    }

    private FullHttpResponse invalid(InvalidInput invalid, String path) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, invalid.getMessage());
        problem.setTitle("Some fields are not valid");
        problem.setProperty(
                "errors",
                invalid.problems().stream()
                        .map(p -> Map.of("field", p.field(), "message", p.message()))
                        .toList());
        return response(problem, path);
    }

    private FullHttpResponse problem(HttpStatus status, String detail, String path) {
        return response(ProblemDetail.forStatusAndDetail(status, detail), path);
    }

    private FullHttpResponse response(ProblemDetail problem, String path) {
        try {
            problem.setInstance(URI.create(path));
        } catch (IllegalArgumentException notAUri) {
            // the client's path is not worth echoing
        }
        byte[] body = server.json().writeValueAsBytes(problem);
        FullHttpResponse answer = new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(problem.getStatus()), Unpooled.wrappedBuffer(body));
        answer.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        return answer;
    }

    private static void refuse(Channel channel, FullHttpResponse answer) {
        channel.writeAndFlush(answer).addListener(ChannelFutureListener.CLOSE);
    }
}
