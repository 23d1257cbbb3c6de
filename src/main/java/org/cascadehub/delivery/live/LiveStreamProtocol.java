package org.cascadehub.delivery.live;

import org.apache.coyote.http11.Http11NioProtocol;

/**
 * Tomcat's NIO HTTP/1.1 connector with a 2 KB response buffer instead of 8 KB. Each connection's
 * response keeps a byte and a char buffer of this size (24 KB by default) while its request lasts,
 * and a stream's lasts for hours. Larger responses are sent in more, smaller writes, or set their
 * own buffer size. Public with a public constructor: Tomcat creates it by class name.
 */
public class LiveStreamProtocol extends Http11NioProtocol {

    static final int RESPONSE_BUFFER = 2048;

    @Override
    public int getDesiredBufferSize() {
        return RESPONSE_BUFFER;
    }
}
