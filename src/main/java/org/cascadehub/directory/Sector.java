package org.cascadehub.directory;

/** A sector of the economy that alerts can target and sector leads look after. */
public record Sector(String code, String name, boolean active) {}
