package org.cascadehub.directory.web;

import org.cascadehub.platform.WebPage;

/** Marks the directory's page controllers; their refusals become error pages (platform's {@link WebPage}). */
interface DirectoryPage extends WebPage {}
