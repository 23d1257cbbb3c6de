package org.cascadehub.harness;

/**
 * Waits, after the warm-up, until a Java server's just-in-time compiler has finished what the
 * warm-up gave it, so that the measured alerts do not share the cores with it: on 2 cores a C2
 * compilation (Cascade's recipient encoding took 0.6 s of a core) landing among the measured
 * alerts moves the p99 more than anything the server does. A long-running server compiled these
 * paths long ago; measuring that steady state is the aim, as a JMH warm-up is. Processes without
 * compiler threads (NATS, Mosquitto) settle at once.
 */
final class CompilerSettling {

    /** The compiler threads may use at most this share of a core over one second. */
    static final double SETTLED_SHARE = 0.05;

    private CompilerSettling() {}

    /** Waits at most {@code maxMillis}; answers how long it waited, in seconds. */
    static double await(long pid, long maxMillis) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + maxMillis * 1_000_000;
        long before = ServerThreads.of(pid).compilerTicks();
        while (System.nanoTime() < deadline) {
            Thread.sleep(1_000);
            long now = ServerThreads.of(pid).compilerTicks();
            if (now - before <= SETTLED_SHARE * ProcStats.TICKS_PER_SECOND) {
                break;
            }
            before = now;
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
