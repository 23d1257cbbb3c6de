-- Reports back to the police (issue #6). A report is shared under a TLP 2.0 label with the police
-- (always) and, by choice, with organisations, sharing groups and named people; ReportPolicy (Java)
-- and ReportVisibility (SQL) decide who sees it. People and vehicles involved are structured
-- descriptions with fixed fields only: there is deliberately nowhere to write ethnicity, religion,
-- sexual orientation or health.
CREATE TABLE report
(
  id                UUID PRIMARY KEY,
  reporter_id       UUID NOT NULL REFERENCES person (id),
  reporter_name     TEXT NOT NULL,
  organisation_id   UUID NOT NULL REFERENCES organisation (id),
  organisation_name TEXT NOT NULL,
  type              TEXT NOT NULL,                          -- ReportType
  occurred_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  latitude          DOUBLE PRECISION NOT NULL CHECK (latitude BETWEEN -90 AND 90),
  longitude         DOUBLE PRECISION NOT NULL CHECK (longitude BETWEEN -180 AND 180),
  site_id           UUID REFERENCES site (id) ON DELETE SET NULL,
  borough_code      TEXT NOT NULL REFERENCES borough (code),  -- derived from the point
  description       TEXT NOT NULL,
  people            JSONB NOT NULL DEFAULT '[]',            -- [InvolvedPerson]
  vehicles          JSONB NOT NULL DEFAULT '[]',            -- [InvolvedVehicle]
  immediate_danger  BOOLEAN NOT NULL,
  tlp               TEXT NOT NULL,                          -- Tlp enum name: CLEAR .. AMBER_STRICT, RED
  status            TEXT NOT NULL,                          -- ReportStatus
  crime_reference   TEXT,
  outcome           TEXT,
  created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  first_response_at TIMESTAMP WITH TIME ZONE,               -- the police's first status change or message
  feedback_at       TIMESTAMP WITH TIME ZONE,               -- the first message the police shared with the reporter
  closed_at         TIMESTAMP WITH TIME ZONE,               -- retention counts from here
  search            TSVECTOR GENERATED ALWAYS AS (
                      to_tsvector('english', replace(type, '_', ' ') || ' ' || description)) STORED
);
CREATE INDEX report_created_idx ON report (created_at DESC, id);
CREATE INDEX report_status_idx ON report (status, borough_code);
CREATE INDEX report_occurred_idx ON report (occurred_at);
CREATE INDEX report_organisation_idx ON report (organisation_id);
CREATE INDEX report_closed_idx ON report (closed_at) WHERE status = 'CLOSED';
CREATE INDEX report_search_idx ON report USING GIN (search);
CREATE INDEX report_point_idx ON report (latitude, longitude);

-- Sharing: who besides the police and the reporter's organisation may see it (per the TLP label).
CREATE TABLE report_share_organisation
(
  report_id       UUID NOT NULL REFERENCES report (id) ON DELETE CASCADE,
  organisation_id UUID NOT NULL REFERENCES organisation (id),
  PRIMARY KEY (report_id, organisation_id)
);
CREATE INDEX report_share_organisation_idx ON report_share_organisation (organisation_id);

CREATE TABLE report_share_group
(
  report_id        UUID NOT NULL REFERENCES report (id) ON DELETE CASCADE,
  sharing_group_id UUID NOT NULL REFERENCES sharing_group (id) ON DELETE CASCADE,
  PRIMARY KEY (report_id, sharing_group_id)
);
CREATE INDEX report_share_group_idx ON report_share_group (sharing_group_id);

CREATE TABLE report_share_person
(
  report_id UUID NOT NULL REFERENCES report (id) ON DELETE CASCADE,
  person_id UUID NOT NULL REFERENCES person (id),
  PRIMARY KEY (report_id, person_id)
);
CREATE INDEX report_share_person_idx ON report_share_person (person_id);

-- Triage: every status change, with the message the police chose to share with the reporter.
CREATE TABLE report_status_change
(
  id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  report_id       UUID NOT NULL REFERENCES report (id) ON DELETE CASCADE,
  from_status     TEXT,
  to_status       TEXT NOT NULL,
  message         TEXT,
  crime_reference TEXT,
  outcome         TEXT,
  changed_by      UUID NOT NULL,
  changed_by_name TEXT NOT NULL,
  changed_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX report_status_change_report_idx ON report_status_change (report_id, id);

-- Two-way messages between the reporter's organisation and the police.
CREATE TABLE report_message
(
  id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  report_id       UUID NOT NULL REFERENCES report (id) ON DELETE CASCADE,
  author_id       UUID NOT NULL,
  author_name     TEXT NOT NULL,
  organisation_id UUID NOT NULL,
  from_police     BOOLEAN NOT NULL,
  body            TEXT NOT NULL,
  posted_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX report_message_report_idx ON report_message (report_id, id);

-- Related reports (same person, vehicle or place); one row per pair, the smaller id first.
CREATE TABLE report_link
(
  report_id    UUID NOT NULL REFERENCES report (id) ON DELETE CASCADE,
  related_id   UUID NOT NULL REFERENCES report (id) ON DELETE CASCADE,
  kind         TEXT NOT NULL,                              -- LinkKind
  note         TEXT NOT NULL DEFAULT '',
  linked_by    UUID NOT NULL,
  linked_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (report_id, related_id),
  CHECK (report_id < related_id)
);
CREATE INDEX report_link_related_idx ON report_link (related_id);

-- The report form's state as the person types, one per person, until they submit or discard it.
CREATE TABLE report_draft
(
  person_id  UUID PRIMARY KEY REFERENCES person (id) ON DELETE CASCADE,
  content    JSONB NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
