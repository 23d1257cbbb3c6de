package org.cascadehub.delivery;

/** A plain-text email to one recipient. */
public record Email(String to, String subject, String body) {}
