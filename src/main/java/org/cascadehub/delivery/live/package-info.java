/**
 * The live push gateway: Server-Sent Events at {@code /api/v1/stream} for every signed-in member,
 * fed by {@link org.cascadehub.delivery.live.LiveStream#broadcast}. Each event is encoded once and
 * the same bytes are queued, bounded, on every matching connection; writes are non-blocking, so a
 * slow reader delays nobody else and is closed when its queue is full. Recent events are kept in
 * memory for {@code Last-Event-ID} replay, older ones come from a {@link
 * org.cascadehub.delivery.live.ReplaySource}. Streams are served by the servlet container and, when
 * {@code cascade.live.stream-port} is set, by a Netty server of their own ({@code LiveStreamServer});
 * both feed the same gateway. Open, so that modules outside delivery (reports) can
 * broadcast their own on-screen notices through {@link org.cascadehub.delivery.live.LiveStream}.
 */
@NullMarked
@ApplicationModule(displayName = "Live stream", type = ApplicationModule.Type.OPEN)
package org.cascadehub.delivery.live;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
