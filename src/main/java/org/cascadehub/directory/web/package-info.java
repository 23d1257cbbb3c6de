/**
 * The directory's JSON API ({@code *Api}) and its pages ({@code *Pages}, {@code ApplyPage}). Both ask
 * the same services, which ask {@code DirectoryPolicy}, so a page never shows or allows more than the
 * API does.
 */
@NullMarked
package org.cascadehub.directory.web;

import org.jspecify.annotations.NullMarked;
