package org.cascadehub.platform;

/**
 * The thing asked for does not exist, or the asker may not know it does: the two are answered
 * alike (404), so a refusal never confirms that something exists.
 */
public class NotFound extends RuntimeException {

    public NotFound(String what) {
        super(what);
    }
}
