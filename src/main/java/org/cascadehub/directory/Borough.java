package org.cascadehub.directory;

/** One of the city's boroughs (local authority areas). {@code code} is a stable slug of its name. */
public record Borough(String code, String name) {}
