package org.cascadehub.delivery;

import java.time.Instant;

/**
 * Someone texted Cascade: a reply that reached the SMS gateway, signed by it. {@code from} is the
 * sender's number in E.164 form; what the text means (such as {@code ACK <code>}) is for the
 * listener to decide.
 */
public record SmsReplyReceived(String from, String text, Instant at) {}
