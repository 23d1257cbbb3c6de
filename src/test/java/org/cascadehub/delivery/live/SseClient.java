package org.cascadehub.delivery.live;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * A real HTTP client reading a Server-Sent Events stream line by line, as blocks (the lines
 * between two blank lines). Every wait is bounded.
 */
final class SseClient implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(10);

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private static final Block END = new Block(List.of("(end of stream)"));

    /** The lines of one block: an event, a comment, or a {@code retry:}. */
    record Block(List<String> lines) {

        Optional<String> field(String name) {
            return lines.stream()
                    .filter(line -> line.startsWith(name + ":"))
                    .map(line -> line.substring(name.length() + 1).stripLeading())
                    .findFirst();
        }

        String data() {
            return lines.stream()
                    .filter(line -> line.startsWith("data:"))
                    .map(line -> line.substring(5).startsWith(" ") ? line.substring(6) : line.substring(5))
                    .collect(Collectors.joining("\n"));
        }

        long id() {
            return Long.parseLong(field("id").orElseThrow(() -> new AssertionError("no id in " + lines)));
        }

        boolean isEvent() {
            return field("data").isPresent();
        }

        boolean isComment() {
            return lines.stream().allMatch(line -> line.startsWith(":"));
        }
    }

    private final BlockingQueue<Block> blocks = new LinkedBlockingQueue<>();
    private final CompletableFuture<HttpResponse.ResponseInfo> response = new CompletableFuture<>();
    private final CompletableFuture<Flow.Subscription> subscription = new CompletableFuture<>();

    private SseClient() {}

    static SseClient open(int port, String path, String... headers) {
        SseClient client = new SseClient();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HTTP.sendAsync(request.build(), info -> {
                    client.response.complete(info);
                    return HttpResponse.BodySubscribers.fromLineSubscriber(client.new Lines());
                })
                .whenComplete((done, failure) -> client.blocks.add(END));
        return client;
    }

    int status() {
        try {
            return response.get(WAIT.toSeconds(), TimeUnit.SECONDS).statusCode();
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError("no response", e);
        }
    }

    Optional<String> header(String name) {
        status();
        return response.join().headers().firstValue(name);
    }

    /** The next block, whatever it is; fails if none comes in time or the stream ends. */
    Block next() {
        try {
            Block block = blocks.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (block == null) {
                throw new AssertionError("nothing arrived within " + WAIT);
            }
            if (block == END) {
                throw new AssertionError("the stream ended");
            }
            if (block.lines().getFirst().startsWith("(stream failed: ")) {
                throw new AssertionError("the stream ended: " + block.lines().getFirst());
            }
            return block;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The next event, skipping comments and {@code retry:} blocks. */
    Block nextEvent() {
        Block block = next();
        while (!block.isEvent()) {
            block = next();
        }
        return block;
    }

    /** Events up to and including the first whose data contains {@code marker}. */
    List<Block> eventsUntil(String marker) {
        List<Block> events = new ArrayList<>();
        Block event;
        do {
            event = nextEvent();
            events.add(event);
        } while (!event.data().contains(marker));
        return events;
    }

    /** Whether the server ended the stream within the wait (anything still unread is skipped). */
    boolean ends() {
        long deadline = System.nanoTime() + WAIT.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                Block block = blocks.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (block == END) {
                    return true;
                }
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        subscription.thenAccept(Flow.Subscription::cancel);
    }

    private final class Lines implements Flow.Subscriber<String> {

        private final List<String> current = new ArrayList<>();

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription.complete(s);
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (line.isEmpty()) {
                if (!current.isEmpty()) {
                    blocks.add(new Block(List.copyOf(current)));
                    current.clear();
                }
            } else {
                current.add(line);
            }
        }

        @Override
        public void onError(Throwable failure) {
            // said, so a stream that ends early shows whether the client or the server ended it
            StringBuilder why = new StringBuilder(failure.toString());
            for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
                why.append(", caused by ").append(cause);
            }
            blocks.add(new Block(List.of("(stream failed: " + why + ")")));
            blocks.add(END);
        }

        @Override
        public void onComplete() {
            if (!current.isEmpty()) {
                blocks.add(new Block(List.copyOf(current)));
            }
            blocks.add(END);
        }
    }
}
