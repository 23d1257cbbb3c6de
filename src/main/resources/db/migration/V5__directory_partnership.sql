-- The directory in full: sectors, organisation details and status, people's contact details and
-- lead sectors, boroughs, sites, sharing groups and membership applications.

CREATE TABLE sector
(
  code     TEXT PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9-]{1,39}$'),
  name     TEXT NOT NULL,
  active   BOOLEAN NOT NULL DEFAULT TRUE,
  position INT NOT NULL
);
CREATE UNIQUE INDEX sector_name_key ON sector (lower(name));
INSERT INTO sector (code, name, position) VALUES
  ('retail', 'Retail', 1),
  ('hospitality', 'Hospitality', 2),
  ('night-time-economy', 'Night-time economy', 3),
  ('transport', 'Transport', 4),
  ('finance', 'Finance', 5),
  ('property', 'Property', 6),
  ('health', 'Health', 7),
  ('education', 'Education', 8),
  ('utilities', 'Utilities', 9),
  ('events', 'Events', 10),
  ('faith', 'Faith', 11),
  ('telecoms', 'Telecoms', 12),
  ('public-sector', 'Public sector', 13);

-- Status: APPLIED, VETTED, REJECTED, SUSPENDED (existing rows were vetted when created).
ALTER TABLE organisation
  ADD COLUMN contact_email     TEXT,
  ADD COLUMN contact_phone     TEXT,
  ADD COLUMN website           TEXT,
  ADD COLUMN address           TEXT,
  ADD COLUMN status_reason     TEXT,
  ADD COLUMN status_changed_at TIMESTAMP WITH TIME ZONE,
  ADD COLUMN status_changed_by TEXT;

CREATE TABLE organisation_sector
(
  organisation_id UUID NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
  sector_code     TEXT NOT NULL REFERENCES sector (code),
  PRIMARY KEY (organisation_id, sector_code)
);
CREATE INDEX organisation_sector_sector_idx ON organisation_sector (sector_code);

-- Status: PENDING (applied, not yet vetted), ACTIVE, SUSPENDED, ERASED (a tombstone).
ALTER TABLE person
  ADD COLUMN phone        TEXT,
  ADD COLUMN sia_licence  TEXT,
  ADD COLUMN notify_email BOOLEAN NOT NULL DEFAULT TRUE,
  ADD COLUMN notify_sms   BOOLEAN NOT NULL DEFAULT FALSE,
  ADD COLUMN erased_at    TIMESTAMP WITH TIME ZONE;

CREATE TABLE person_lead_sector
(
  person_id   UUID NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  sector_code TEXT NOT NULL REFERENCES sector (code),
  PRIMARY KEY (person_id, sector_code)
);

-- Boroughs come from a GeoJSON file at start-up; this table names them for references and joins.
CREATE TABLE borough
(
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);

CREATE TABLE site
(
  id              UUID PRIMARY KEY,
  organisation_id UUID NOT NULL REFERENCES organisation (id),
  name            TEXT NOT NULL,
  address         TEXT NOT NULL,
  latitude        DOUBLE PRECISION NOT NULL CHECK (latitude BETWEEN -90 AND 90),
  longitude       DOUBLE PRECISION NOT NULL CHECK (longitude BETWEEN -180 AND 180),
  borough_code    TEXT NOT NULL REFERENCES borough (code),
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
  updated_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
CREATE INDEX site_organisation_idx ON site (organisation_id);
CREATE INDEX site_borough_idx ON site (borough_code);

CREATE TABLE sharing_group
(
  id          UUID PRIMARY KEY,
  name        TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX sharing_group_name_key ON sharing_group (lower(name));

CREATE TABLE sharing_group_member
(
  sharing_group_id UUID NOT NULL REFERENCES sharing_group (id) ON DELETE CASCADE,
  organisation_id  UUID NOT NULL REFERENCES organisation (id),
  PRIMARY KEY (sharing_group_id, organisation_id)
);
CREATE INDEX sharing_group_member_organisation_idx ON sharing_group_member (organisation_id);

CREATE TABLE membership_application
(
  id                  UUID PRIMARY KEY,
  organisation_id     UUID NOT NULL REFERENCES organisation (id),
  applicant_person_id UUID NOT NULL REFERENCES person (id),
  message             TEXT NOT NULL DEFAULT '',
  submitted_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  decision            TEXT, -- APPROVED or REJECTED once decided
  reason              TEXT,
  decided_by          TEXT,
  decided_at          TIMESTAMP WITH TIME ZONE
);
CREATE INDEX membership_application_open_idx ON membership_application (submitted_at) WHERE decision IS NULL;
