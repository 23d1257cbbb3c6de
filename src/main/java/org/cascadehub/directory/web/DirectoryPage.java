package org.cascadehub.directory.web;

/** Marks the directory's page controllers, whose refusals {@link DirectoryPageErrors} turns into error pages. */
interface DirectoryPage {}
