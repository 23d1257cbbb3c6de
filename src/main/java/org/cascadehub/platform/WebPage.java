package org.cascadehub.platform;

/**
 * Marks a page controller (HTML, not the API): a refusal from a service becomes the site's error
 * page, and every page starts with no form problems to show.
 */
public interface WebPage {}
