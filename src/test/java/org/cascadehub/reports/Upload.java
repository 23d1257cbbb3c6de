package org.cascadehub.reports;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A multipart/form-data body with one file part, as a browser sends it (the part's type is the client's claim). */
record Upload(String contentType, byte[] body) {

    static Upload of(String field, String fileName, String claimedType, byte[] content) {
        String boundary = "----cascade-attachment-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                        + fileName + "\"\r\nContent-Type: " + claimedType + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return new Upload("multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    static Upload file(String fileName, byte[] content) {
        return of("file", fileName, "image/jpeg", content);
    }
}
