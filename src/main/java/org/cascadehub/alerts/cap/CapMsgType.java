package org.cascadehub.alerts.cap;

/** An alert's {@code <msgType>}: the nature of the message. The constants are spelled exactly as CAP 1.2 spells them. */
public enum CapMsgType {
    Alert,
    Update,
    Cancel,
    Ack,
    Error;
}
