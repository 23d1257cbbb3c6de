package org.cascadehub.platform;

/** The request is valid, but the thing is not in a state that allows it (409). */
public class Conflict extends RuntimeException {

    public Conflict(String why) {
        super(why);
    }
}
