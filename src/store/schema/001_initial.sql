-- avedi's state store, version 1. Read it with the sqlite3 shell: every table holds plain
-- text and numbers, and the v_* views at the end are what an operator usually wants.
-- Times are ISO 8601 UTC text ("2026-11-26T08:30:00Z").

-- One row per run of a job (cron or operator).
CREATE TABLE runs (
  id              INTEGER PRIMARY KEY,
  job             TEXT    NOT NULL,           -- avedi-receive, avedi-stock, ...
  started_at      TEXT    NOT NULL,
  ended_at        TEXT,                       -- NULL while running, or after a crash
  exit_code       INTEGER,
  files_processed INTEGER NOT NULL DEFAULT 0, -- archived or duplicate
  files_rejected  INTEGER NOT NULL DEFAULT 0, -- moved to error/
  documents_sent  INTEGER NOT NULL DEFAULT 0
);

-- Every file that entered avedi, whatever became of it.
CREATE TABLE files (
  id              INTEGER PRIMARY KEY,
  job             TEXT    NOT NULL,           -- the job that took it in
  original_name   TEXT    NOT NULL,
  original_folder TEXT    NOT NULL,
  work_path       TEXT    NOT NULL,           -- where the job holds it while processing
  size            INTEGER NOT NULL,
  sha256          TEXT,                       -- NULL until read (files refused unread)
  kind            TEXT    NOT NULL,           -- x12, csv
  state           TEXT    NOT NULL,           -- claiming, archived, duplicate, error, retried
  reason          TEXT,                       -- why it is in error/ (or a duplicate of what)
  stored_path     TEXT,                       -- its final place in archive/ or error/
  received_at     TEXT    NOT NULL,
  updated_at      TEXT    NOT NULL,
  run_id          INTEGER NOT NULL REFERENCES runs(id)
);
CREATE INDEX files_by_sha256 ON files(sha256);
CREATE INDEX files_by_state ON files(job, state);

-- Every interchange read from a file; the unique key detects a redelivery.
CREATE TABLE interchanges (
  id        INTEGER PRIMARY KEY,
  file_id   INTEGER NOT NULL REFERENCES files(id),
  sender    TEXT    NOT NULL,                 -- ISA05/ISA06, e.g. ZZ/AMAZON
  receiver  TEXT    NOT NULL,                 -- ISA07/ISA08
  control   TEXT    NOT NULL,                 -- ISA13
  version   TEXT    NOT NULL,                 -- ISA12
  status    TEXT    NOT NULL,                 -- accepted, accepted_with_errors, rejected
  UNIQUE (sender, receiver, control)
);

-- Every transaction set received. Its state tells which handler took it, or that none did.
CREATE TABLE transaction_sets (
  id              INTEGER PRIMARY KEY,
  interchange_id  INTEGER NOT NULL REFERENCES interchanges(id),
  functional_id   TEXT    NOT NULL,           -- GS01
  group_control   TEXT    NOT NULL,           -- GS06
  set_id          TEXT    NOT NULL,           -- ST01: 850, 754, 997, ...
  set_control     TEXT    NOT NULL,           -- ST02
  state           TEXT    NOT NULL,           -- rejected, unhandled, then per handler
  first_segment   INTEGER NOT NULL            -- byte offset of ST in the file
);

-- Per partner, the last number used of each kind (ISA13, GS06 for X12; a file sequence for
-- CSVs). Allocated inside the transaction that stores the document using it; never reused.
CREATE TABLE control_numbers (
  partner     TEXT    NOT NULL,
  kind        TEXT    NOT NULL,
  last_value  INTEGER NOT NULL,
  PRIMARY KEY (partner, kind)
);

-- Every outbound document, with its exact bytes: built in the same transaction as the state
-- change that caused it, then delivered (staging -> outbox). business_key names the business
-- event, so an event can never produce a second document.
CREATE TABLE documents (
  id                   INTEGER PRIMARY KEY,
  job                  TEXT    NOT NULL,      -- the job that built (and delivers) it
  type                 TEXT    NOT NULL,      -- 997, TA1, 855, ...
  business_key         TEXT    NOT NULL UNIQUE,
  partner              TEXT    NOT NULL,
  interchange_control  TEXT,                  -- ISA13 (NULL for a CSV)
  group_control        TEXT,                  -- GS06 (NULL for a TA1 alone)
  file_name            TEXT    NOT NULL UNIQUE,
  outbox               TEXT    NOT NULL,      -- where it goes: as2.outbox or tpl.outbox
  content              BLOB    NOT NULL,
  sha256               TEXT    NOT NULL,
  state                TEXT    NOT NULL,      -- built, delivered
  source_file_id       INTEGER REFERENCES files(id),
  created_at           TEXT    NOT NULL,
  delivered_at         TEXT,
  deliveries           INTEGER NOT NULL DEFAULT 0,
  run_id               INTEGER NOT NULL REFERENCES runs(id),
  UNIQUE (partner, interchange_control)
);
CREATE INDEX documents_by_state ON documents(job, state);
CREATE INDEX documents_by_source ON documents(source_file_id);

-- One row per state change of any entity (file, document, interchange, set, ...).
CREATE TABLE transitions (
  id           INTEGER PRIMARY KEY,
  entity_type  TEXT    NOT NULL,
  entity_id    INTEGER NOT NULL,
  from_state   TEXT,
  to_state     TEXT    NOT NULL,
  at           TEXT    NOT NULL,
  job          TEXT    NOT NULL,
  run_id       INTEGER REFERENCES runs(id),
  file_id      INTEGER REFERENCES files(id),
  detail       TEXT
);
CREATE INDEX transitions_by_entity ON transitions(entity_type, entity_id);

CREATE VIEW v_files AS
  SELECT id, job, original_name, state, size, kind, received_at, updated_at, stored_path,
         substr(reason, 1, 120) AS reason
  FROM files ORDER BY id;

CREATE VIEW v_transitions AS
  SELECT t.id, t.at, t.job, t.entity_type, t.entity_id, t.from_state, t.to_state,
         f.original_name AS file, t.detail
  FROM transitions t LEFT JOIN files f ON f.id = t.file_id ORDER BY t.id;

CREATE VIEW v_documents AS
  SELECT id, type, file_name, interchange_control, group_control, state, deliveries,
         created_at, delivered_at, source_file_id
  FROM documents ORDER BY id;

CREATE VIEW v_runs AS
  SELECT id, job, started_at, ended_at, exit_code, files_processed, files_rejected,
         documents_sent
  FROM runs ORDER BY id;

CREATE VIEW v_interchanges AS
  SELECT i.id, i.sender, i.receiver, i.control, i.version, i.status, f.original_name AS file,
         (SELECT count(*) FROM transaction_sets s WHERE s.interchange_id = i.id) AS sets
  FROM interchanges i JOIN files f ON f.id = i.file_id ORDER BY i.id;
