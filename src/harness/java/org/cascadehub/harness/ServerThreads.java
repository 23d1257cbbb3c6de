package org.cascadehub.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * CPU time of a Java server's own machinery, its JIT compiler threads and its garbage collector's,
 * read from {@code /proc/<pid>/task} (Linux). On two cores a C2 compilation of a few hundred
 * milliseconds landing on a broadcast moves that alert's p99 more than anything the server's code
 * does (docs/performance.md, "Session 8"); the harness prints this beside each measured alert and
 * the idle figure, so a run says which of its slow alerts shared the cores with them. {@code jvm}
 * is false for a process without compiler threads (NATS, Mosquitto), whose collectors, if any, do
 * not run on named threads.
 */
record ServerThreads(long compilerTicks, long gcTicks, boolean jvm) {

    static final ServerThreads NONE = new ServerThreads(0, 0, false);

    static ServerThreads of(long pid) {
        if (pid <= 0) {
            return NONE;
        }
        long compiler = 0;
        long gc = 0;
        boolean jvm = false;
        try (Stream<Path> threads = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path thread : (Iterable<Path>) threads::iterator) {
                String stat;
                try {
                    stat = Files.readString(thread.resolve("stat"));
                } catch (IOException ended) {
                    continue; // the thread ended meanwhile
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                boolean isCompiler = name.contains("CompilerThre"); // "C1 CompilerThre", "C2 CompilerThre"
                if (!isCompiler && !isCollector(name)) {
                    continue;
                }
                // Fields after the command name start at field 3: utime is 14, stime 15.
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                if (isCompiler) {
                    compiler += ticks;
                    jvm = true;
                } else {
                    gc += ticks;
                }
            }
        } catch (IOException | RuntimeException gone) {
            return NONE;
        }
        return new ServerThreads(compiler, gc, jvm);
    }

    /** HotSpot's collector threads as the kernel names them (15 characters at most). */
    private static boolean isCollector(String name) {
        return name.startsWith("GC Thread") // G1's and Parallel's workers, which do the pauses
                || name.startsWith("G1 ") // G1's concurrent marking, refinement and service threads
                || name.startsWith("ZWorker")
                || name.startsWith("ZDriver")
                || name.startsWith("ZDirector");
    }

    /** What these threads used since {@code earlier}. */
    ServerThreads since(ServerThreads earlier) {
        return new ServerThreads(compilerTicks - earlier.compilerTicks, gcTicks - earlier.gcTicks, jvm && earlier.jvm);
    }

    /** For an interval's difference: ", JIT 0.41 s, GC 0.02 s of CPU meanwhile", or nothing for a non-JVM. */
    String asSeconds() {
        return jvm
                ? String.format(
                        Locale.ROOT,
                        ", JIT %.2f s, GC %.2f s of CPU meanwhile",
                        compilerTicks / ProcStats.TICKS_PER_SECOND,
                        gcTicks / ProcStats.TICKS_PER_SECOND)
                : "";
    }

    /** For an interval's difference of {@code seconds}: " (JIT 2.1 %, GC 0.3 %)", or nothing for a non-JVM. */
    String asShares(double seconds) {
        return jvm && seconds > 0
                ? String.format(
                        Locale.ROOT,
                        " (JIT compiler %.1f %%, GC %.1f %%)",
                        100 * compilerTicks / ProcStats.TICKS_PER_SECOND / seconds,
                        100 * gcTicks / ProcStats.TICKS_PER_SECOND / seconds)
                : "";
    }
}
