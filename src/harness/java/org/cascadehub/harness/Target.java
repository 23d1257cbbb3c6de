package org.cascadehub.harness;

import java.util.Map;

/** A system under test, running: what the load client needs to reach it, and its process. */
interface Target extends AutoCloseable {

    /** The row's name in the table. */
    String name();

    /** The load client's settings for this system: protocol, port, publisher and the like. */
    Map<String, String> clientSettings();

    /** The server's process id, for its memory and CPU; 0 if unknown. */
    long pid();

    /** A note for the table (what was measured, or why nothing was). */
    default String note() {
        return "";
    }

    @Override
    void close();
}
