package org.cascadehub.platform.internal;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;

/** A chunked body (no Content-Length) counted as it is read, refused once past the limit. */
final class LimitedBodyRequest extends HttpServletRequestWrapper {

    /** Set on the request once the body went past the limit. */
    static final String TOO_LARGE = LimitedBodyRequest.class.getName() + ".tooLarge";

    private final long maxBytes;

    LimitedBodyRequest(HttpServletRequest request, long maxBytes) {
        super(request);
        this.maxBytes = maxBytes;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        ServletInputStream in = super.getInputStream();
        return new ServletInputStream() {
            private long read;

            @Override
            public int read() throws IOException {
                int b = in.read();
                if (b >= 0) {
                    count(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = in.read(buffer, offset, length);
                if (n > 0) {
                    count(n);
                }
                return n;
            }

            private void count(int n) throws BodyTooLarge {
                read += n;
                if (read > maxBytes) {
                    // Parsers wrap what the stream throws; the attribute survives any wrapping.
                    setAttribute(TOO_LARGE, message(maxBytes));
                    throw new BodyTooLarge(maxBytes);
                }
            }

            @Override
            public boolean isFinished() {
                return in.isFinished();
            }

            @Override
            public boolean isReady() {
                return in.isReady();
            }

            @Override
            public void setReadListener(ReadListener listener) {
                in.setReadListener(listener);
            }
        };
    }

    static String message(long maxBytes) {
        return "The request body is larger than the " + maxBytes + " bytes this endpoint accepts.";
    }

    /** Raised while reading; {@link ApiErrorResponses} answers it with 413. */
    static final class BodyTooLarge extends IOException {
        BodyTooLarge(long maxBytes) {
            super(message(maxBytes));
        }
    }
}
