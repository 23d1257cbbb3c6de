package org.cascadehub.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A process's resident memory and CPU time, read from /proc (Linux), as the kernel counts them. */
record ProcStats(long rssKb, long cpuTicks, long atNanos) {

    /** Linux's USER_HZ: /proc's CPU times are in 1/100 s on every platform the JVM runs on. */
    static final double TICKS_PER_SECOND = 100.0;

    static ProcStats of(long pid) {
        long now = System.nanoTime();
        if (pid <= 0) {
            return new ProcStats(0, 0, now);
        }
        try {
            long rss = 0;
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // Fields after the command name (which may hold spaces) start at field 3: utime is 14, stime 15.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return new ProcStats(rss, ticks, now);
        } catch (IOException | RuntimeException e) {
            return new ProcStats(0, 0, now);
        }
    }

    /** CPU used since {@code earlier}, as a percentage of one core. */
    double cpuPercentSince(ProcStats earlier) {
        double seconds = (atNanos - earlier.atNanos) / 1e9;
        return seconds <= 0 ? 0 : 100.0 * (cpuTicks - earlier.cpuTicks) / TICKS_PER_SECOND / seconds;
    }
}
