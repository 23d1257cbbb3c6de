package org.cascadehub.alerts.cap;

/**
 * A document {@link CapXml#read(byte[])} cannot turn into a {@link CapAlert}: not XML, refused
 * for safety, or a value the model cannot hold. {@link CapValidator} lists every problem; this
 * names the first.
 */
public final class CapFormatException extends RuntimeException {

    private final String path;
    private final String problem;

    public CapFormatException(String path, String problem) {
        super(problem + " (at " + path + ")");
        this.path = path;
        this.problem = problem;
    }

    /** Where, such as {@code /alert/info[1]/area[2]/polygon[1]}. */
    public String path() {
        return path;
    }

    /** What is wrong, in plain words naming the element. */
    public String problem() {
        return problem;
    }
}
