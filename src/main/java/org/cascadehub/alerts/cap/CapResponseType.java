package org.cascadehub.alerts.cap;

/** An info's {@code <responseType>}: the action recommended to the audience. The constants are spelled exactly as CAP 1.2 spells them. */
public enum CapResponseType {
    Shelter,
    Evacuate,
    Prepare,
    Execute,
    Avoid,
    Monitor,
    Assess,
    AllClear,
    None;
}
