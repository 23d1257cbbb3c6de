package org.cascadehub.harness;

import java.util.Arrays;

/** A growable byte array for the parts of a protocol that arrive split across reads. */
final class Bytes {

    byte[] array = new byte[256];
    int length;

    void add(byte b) {
        if (length == array.length) {
            array = Arrays.copyOf(array, length * 2);
        }
        array[length++] = b;
    }

    void add(byte[] from, int offset, int count) {
        if (length + count > array.length) {
            array = Arrays.copyOf(array, Math.max(array.length * 2, length + count));
        }
        System.arraycopy(from, offset, array, length, count);
        length += count;
    }

    void clear() {
        length = 0;
    }

    boolean startsWith(String ascii) {
        if (length < ascii.length()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (array[i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    String ascii(int from) {
        return new String(array, from, Math.max(0, length - from), java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
