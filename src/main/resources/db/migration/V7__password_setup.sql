-- One-time links to set a password: for people added by a security manager, an administrator or an
-- import, and for applicants once their organisation is vetted. Only the token's hash is stored.
CREATE TABLE password_setup
(
  token_hash BYTEA PRIMARY KEY,
  person_id  UUID NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
  used_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX password_setup_person_idx ON password_setup (person_id);
