package org.cascadehub.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * N subscriber connections held by a few selector threads. Connections are opened without
 * blocking, at most {@code maxPending} at a time (a slot is freed when the subscription is
 * ready), from source addresses 127.0.0.2, 127.0.0.3, ... so that no source address runs out of
 * ephemeral ports. Every event's arrival is recorded per client and alert.
 */
final class ClientPool implements AutoCloseable {

    /** What the pool learns about the run while it holds the connections. */
    record Ramp(int ready, int failed, long nanos, List<String> errors) {
        double perSecond() {
            return nanos == 0 ? 0 : ready / (nanos / 1e9);
        }
    }

    private static final int FIRST_SOURCE_PORT = 10_000;
    static final String STALLED = "not opened: no connection became ready for 30 s (ready means subscribed: SSE "
            + "response headers, NATS PONG, MQTT SUBACK)";

    private final InetSocketAddress target;
    private final int firstSourceAddress;
    private final int clientsPerSourceAddress;
    private final Deliveries deliveries;
    private final List<Loop> loops = new ArrayList<>();
    final List<Client> clients = new ArrayList<>();
    private final AtomicInteger ready = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    final AtomicInteger closedByServer = new AtomicInteger();
    private final Queue<String> errors = new ConcurrentLinkedQueue<>();
    private Semaphore pending = new Semaphore(1);

    ClientPool(
            InetSocketAddress target,
            int threads,
            int firstSourceAddress,
            int clientsPerSourceAddress,
            Deliveries deliveries) {
        this.target = target;
        this.firstSourceAddress = firstSourceAddress;
        this.clientsPerSourceAddress = clientsPerSourceAddress;
        this.deliveries = deliveries;
        for (int i = 0; i < threads; i++) {
            Loop loop = new Loop(i);
            loops.add(loop);
            loop.thread.start();
        }
    }

    /** Opens n connections, printing progress each second; returns once all are ready or failed. */
    Ramp connect(int n, int maxPending, IntFunction<Session> sessions, IntPredicate stuck) {
        List<Client> opening = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int index = clients.size() + i;
            opening.add(new Client(index, sessions.apply(index), stuck.test(i), new long[deliveries.slotCount()]));
        }
        clients.addAll(opening);
        return ramp(opening, maxPending);
    }

    /** Closes every connection that was ready, as a network blip would. */
    void dropAll() {
        for (Client client : clients) {
            if (client.ready && !client.closed) {
                client.closed = true;
                closeQuietly(client);
            }
        }
    }

    /**
     * Opens again every connection that was ready, each with a new session made from its index and
     * the last event id it saw (for {@code Last-Event-ID}); what arrived before is kept.
     */
    Ramp reconnect(int maxPending, BiFunction<Integer, Long, Session> sessions) {
        List<Client> opening = new ArrayList<>();
        for (int i = 0; i < clients.size(); i++) {
            Client old = clients.get(i);
            if (old.ready && !old.stuck) {
                long lastId = old.session instanceof SseSession sse ? sse.lastId() : 0;
                Client again = new Client(i, sessions.apply(i, lastId), false, old.received);
                clients.set(i, again);
                opening.add(again);
            }
        }
        return ramp(opening, maxPending);
    }

    private Ramp ramp(List<Client> opening, int maxPending) {
        pending = new Semaphore(maxPending);
        int readyBefore = ready.get();
        int failedBefore = failed.get();
        long started = System.nanoTime();
        long nextReport = started + 1_000_000_000L;
        for (Client client : opening) {
            if (!acquirePending()) {
                // The server stopped accepting: the rest count as failed, and the run goes on with those ready.
                opening.stream().filter(c -> c.channel == null).forEach(c -> fail(c, STALLED));
                break;
            }
            open(client);
            long now = System.nanoTime();
            if (now > nextReport) {
                report(readyBefore, started, now);
                nextReport = now + 1_000_000_000L;
            }
        }
        int n = opening.size();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (ready.get() - readyBefore + failed.get() - failedBefore < n && System.nanoTime() < deadline) {
            sleep(2);
        }
        long took = System.nanoTime() - started;
        report(readyBefore, started, System.nanoTime());
        return new Ramp(ready.get() - readyBefore, failed.get() - failedBefore, took, List.copyOf(errors));
    }

    private void report(int readyBefore, long started, long now) {
        int done = ready.get() - readyBefore;
        System.out.printf(
                "  ramp: %,d ready, %,d failed after %.1f s (%,.0f/s)%n",
                done, failed.get(), (now - started) / 1e9, done / ((now - started) / 1e9));
    }

    private boolean acquirePending() {
        try {
            return pending.tryAcquire(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void open(Client client) {
        try {
            SocketChannel channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            if (client.stuck) {
                channel.setOption(StandardSocketOptions.SO_RCVBUF, 4096);
            }
            bind(channel, client.index);
            client.channel = channel;
            boolean connected = channel.connect(target);
            loops.get(client.index % loops.size()).add(client, connected);
        } catch (IOException e) {
            fail(client, "connect: " + e);
        }
    }

    /**
     * Binds to a port chosen here, below the ephemeral range, rather than port 0: the kernel's
     * search for a free ephemeral port slows down as thousands are taken on one address. A port
     * someone else holds falls back to the kernel's choice.
     */
    private void bind(SocketChannel channel, int index) throws IOException {
        InetAddress address = sourceAddress(index);
        try {
            channel.bind(new InetSocketAddress(address, FIRST_SOURCE_PORT + index % clientsPerSourceAddress));
        } catch (BindException e) {
            channel.bind(new InetSocketAddress(address, 0));
        }
    }

    private InetAddress sourceAddress(int index) {
        int n = firstSourceAddress + index / clientsPerSourceAddress;
        try {
            return InetAddress.getByAddress(new byte[] {127, (byte) (n >> 16), (byte) (n >> 8), (byte) n});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many source addresses n clients use. */
    static int sourceAddressesFor(int n, int clientsPerSourceAddress) {
        return (n + clientsPerSourceAddress - 1) / clientsPerSourceAddress;
    }

    private void fail(Client client, String why) {
        if (client.done) {
            return;
        }
        client.done = true;
        failed.incrementAndGet();
        if (errors.size() < 5) {
            errors.add(why);
        }
        closeQuietly(client);
        pending.release();
    }

    /** Lets the clients that never read start reading again, to see whether the server closed them. */
    void unstick() {
        for (Loop loop : loops) {
            loop.tasks.add(() -> {
                for (SelectionKey key : loop.selector.keys()) {
                    Client client = (Client) key.attachment();
                    if (key.isValid() && client.stuck) {
                        key.interestOps(SelectionKey.OP_READ);
                    }
                }
            });
            loop.selector.wakeup();
        }
    }

    @Override
    public void close() {
        for (Loop loop : loops) {
            loop.running = false;
            loop.selector.wakeup();
        }
        for (Loop loop : loops) {
            try {
                loop.thread.join(5_000);
                loop.selector.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // closing anyway
            }
        }
        clients.forEach(ClientPool::closeQuietly);
    }

    private static void closeQuietly(Client client) {
        SocketChannel channel = client.channel;
        if (channel == null || !channel.isOpen()) {
            return;
        }
        try {
            // A reset, not a FIN: no TIME_WAIT, so the next run can reuse the ports at once.
            channel.setOption(StandardSocketOptions.SO_LINGER, 0);
        } catch (IOException e) {
            // closing anyway
        }
        try {
            channel.close();
        } catch (IOException e) {
            // nothing more to do
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One connection and what it received: the receipt time of each alert slot, 0 if none. */
    final class Client implements Session.Events {
        final int index;
        final Session session;
        final boolean stuck;
        final long[] received;
        SocketChannel channel;
        SelectionKey key;
        boolean ready;
        boolean done;
        boolean closed;
        private final ArrayDeque<ByteBuffer> outgoing = new ArrayDeque<>();

        Client(int index, Session session, boolean stuck, long[] received) {
            this.index = index;
            this.session = session;
            this.stuck = stuck;
            this.received = received;
        }

        @Override
        public void ready() {
            if (!ready) {
                ready = true;
                done = true;
                ClientPool.this.ready.incrementAndGet();
                pending.release();
                if (stuck) {
                    key.interestOps(0);
                }
            }
        }

        @Override
        public void event(long alertId, int payloadBytes, long receivedNanos) {
            int slot = deliveries.slotOf(alertId);
            if (slot < 0) {
                deliveries.unknown.incrementAndGet();
            } else if (received[slot] != 0) {
                deliveries.duplicates.incrementAndGet();
            } else {
                received[slot] = receivedNanos;
                deliveries.payloadBytes = payloadBytes;
                deliveries.received(slot);
            }
        }

        @Override
        public void send(ByteBuffer bytes) {
            outgoing.add(bytes);
            flush();
        }

        @Override
        public void failed(String why) {
            fail(this, why);
        }

        void flush() {
            try {
                while (!outgoing.isEmpty()) {
                    ByteBuffer next = outgoing.peek();
                    channel.write(next);
                    if (next.hasRemaining()) {
                        key.interestOps(key.interestOps() | SelectionKey.OP_WRITE);
                        return;
                    }
                    outgoing.poll();
                }
                if (key.isValid() && (key.interestOps() & SelectionKey.OP_WRITE) != 0) {
                    key.interestOps(key.interestOps() & ~SelectionKey.OP_WRITE);
                }
            } catch (IOException e) {
                lost("write: " + e);
            }
        }

        void lost(String why) {
            if (!done) {
                fail(this, why);
            } else if (!closed) {
                closed = true;
                closedByServer.incrementAndGet();
                closeQuietly(this);
            }
        }
    }

    /** One selector thread and the connections it serves. */
    private final class Loop implements Runnable {
        final Selector selector;
        final Thread thread;
        final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
        final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        volatile boolean running = true;

        Loop(int number) {
            try {
                selector = Selector.open();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            thread = new Thread(this, "harness-selector-" + number);
            thread.setDaemon(true);
        }

        void add(Client client, boolean connected) {
            tasks.add(() -> register(client, connected));
            selector.wakeup();
        }

        private void register(Client client, boolean connected) {
            try {
                client.key = client.channel.register(selector, connected ? 0 : SelectionKey.OP_CONNECT, client);
                if (connected) {
                    opened(client);
                }
            } catch (IOException e) {
                fail(client, "register: " + e);
            }
        }

        private void opened(Client client) {
            client.key.interestOps(SelectionKey.OP_READ);
            client.send(client.session.opening());
        }

        @Override
        public void run() {
            while (running) {
                try {
                    selector.select(100);
                } catch (IOException e) {
                    continue;
                }
                for (Runnable task; (task = tasks.poll()) != null; ) {
                    task.run();
                }
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    Client client = (Client) key.attachment();
                    if (!key.isValid()) {
                        continue;
                    }
                    if (key.isConnectable()) {
                        try {
                            client.channel.finishConnect();
                            opened(client);
                        } catch (IOException e) {
                            fail(client, "connect: " + e);
                            continue;
                        }
                    }
                    if (key.isValid() && key.isWritable()) {
                        client.flush();
                    }
                    if (key.isValid() && key.isReadable()) {
                        read(client);
                    }
                }
            }
        }

        private void read(Client client) {
            try {
                for (int reads = 0; reads < 4; reads++) {
                    buffer.clear();
                    int n = client.channel.read(buffer);
                    if (n < 0) {
                        client.lost("closed by the server");
                        return;
                    }
                    if (n == 0) {
                        return;
                    }
                    long now = System.nanoTime();
                    buffer.flip();
                    client.session.read(buffer, now, client);
                    if (client.closed || !client.channel.isOpen()) {
                        return;
                    }
                }
            } catch (IOException e) {
                client.lost("read: " + e);
            }
        }
    }
}
