-- Access: how people prove who they are. Keyed by the directory's person id.
CREATE TABLE credential
(
  person_id           UUID PRIMARY KEY,
  password_hash       TEXT NOT NULL,
  password_changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
  totp_secret         TEXT,
  totp_enrolled_at    TIMESTAMP WITH TIME ZONE,
  -- The last TOTP time step accepted: a code is never accepted twice.
  totp_last_step      BIGINT
);

CREATE TABLE api_token
(
  id           UUID PRIMARY KEY,
  person_id    UUID NOT NULL,
  -- SHA-256 of the token: the token itself is shown once and never stored.
  token_hash   BYTEA NOT NULL UNIQUE,
  label        TEXT NOT NULL,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  last_used_at TIMESTAMP WITH TIME ZONE,
  revoked_at   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX api_token_person_idx ON api_token (person_id);
