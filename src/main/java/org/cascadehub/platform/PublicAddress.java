package org.cascadehub.platform;

/**
 * The address people use to reach Cascade ({@code CASCADE_PUBLIC_URL}), for links in emails and
 * feeds. Without a trailing slash.
 */
public record PublicAddress(String url) {

    public PublicAddress {
        url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public String link(String path) {
        return url + (path.startsWith("/") ? path : "/" + path);
    }
}
