package org.cascadehub.reports;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Report attachment settings ({@code cascade.reports.attachments.*}).
 *
 * @param dir where the files are kept, outside the web root; by default {@code attachments} beside
 *     demo mode's database directory ({@code .cascade/attachments}), a temporary directory when the
 *     database is temporary (tests), and {@code .cascade/attachments} in production (set it there)
 * @param maxBytes the largest file accepted; uploads are also bounded by
 *     {@code spring.servlet.multipart.max-file-size}, so raise both together
 * @param maxPerReport how many files one report may carry
 */
@ConfigurationProperties("cascade.reports.attachments")
record AttachmentSettings(
        @Nullable Path dir,
        @DefaultValue("10MB") DataSize maxBytes,
        @DefaultValue("20") int maxPerReport) {}
