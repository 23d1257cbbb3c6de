-- The audit log: append-only and hash-chained. Each entry's hash covers its own fields and the
-- previous entry's hash, so changing or removing any entry breaks every link after it.
CREATE TABLE audit_entry
(
  seq           BIGINT PRIMARY KEY,
  at            TIMESTAMP WITH TIME ZONE NOT NULL,
  actor         TEXT NOT NULL,
  address       TEXT,
  action        TEXT NOT NULL,
  detail        TEXT NOT NULL,
  previous_hash TEXT NOT NULL,
  hash          TEXT NOT NULL
);
CREATE INDEX audit_entry_at_idx ON audit_entry (at);

CREATE FUNCTION audit_entry_append_only() RETURNS trigger AS
$$
BEGIN
  RAISE EXCEPTION 'audit_entry is append-only: % refused', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_entry_no_update_or_delete
  BEFORE UPDATE OR DELETE ON audit_entry
  FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();
CREATE TRIGGER audit_entry_no_truncate
  BEFORE TRUNCATE ON audit_entry
  FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only();
