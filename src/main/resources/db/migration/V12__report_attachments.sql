-- Files attached to incident reports (issue #6). The file itself lives outside the database, under
-- cascade.reports.attachments.dir, at <report id>/<attachment id>: no part of its path comes from the
-- person who uploaded it. A row exists only for a file that was completely written.
CREATE TABLE report_attachment
(
  id               UUID PRIMARY KEY,
  report_id        UUID NOT NULL REFERENCES report (id) ON DELETE CASCADE,
  file_name        TEXT NOT NULL,                -- the uploaded name, cleaned up for display
  content_type     TEXT NOT NULL,                -- decided from the bytes: image/jpeg, image/png, application/pdf
  size_bytes       BIGINT NOT NULL CHECK (size_bytes > 0),
  sha256           TEXT NOT NULL,                -- of the stored bytes (after metadata was removed)
  uploaded_by      UUID NOT NULL,
  uploaded_by_name TEXT NOT NULL,
  uploaded_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX report_attachment_report_idx ON report_attachment (report_id, uploaded_at);
