package org.cascadehub.platform;

/** The caller may see this thing but may not do this to it (403). */
public class NotAllowed extends RuntimeException {

    public NotAllowed(String why) {
        super(why);
    }
}
