-- The directory: organisations and the people in them, with their roles.
CREATE TABLE organisation
(
  id         UUID PRIMARY KEY,
  name       TEXT NOT NULL,
  kind       TEXT NOT NULL,
  status     TEXT NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX organisation_name_key ON organisation (lower(name));

CREATE TABLE person
(
  id              UUID PRIMARY KEY,
  organisation_id UUID NOT NULL REFERENCES organisation (id),
  display_name    TEXT NOT NULL,
  email           TEXT NOT NULL,
  status          TEXT NOT NULL,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX person_email_key ON person (lower(email));
CREATE INDEX person_organisation_idx ON person (organisation_id);

CREATE TABLE person_role
(
  person_id UUID NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  role      TEXT NOT NULL,
  PRIMARY KEY (person_id, role)
);
