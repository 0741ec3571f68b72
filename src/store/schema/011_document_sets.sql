-- avedi's state store, version 11: several transaction sets in one interchange. A documents row
-- stays one file (one interchange, one group, one ISA13 and GS06); a document that carries
-- several business events (a batch's 855s, 753s, 856s or 810s) has one row here per set,
-- and the set's business key is found here, never in documents. Amazon's 997 answers the group
-- (documents.ack_status) and, when it lists AK2s, each set (ack_status here).
CREATE TABLE document_sets (
  id              INTEGER PRIMARY KEY,
  document_id     INTEGER NOT NULL REFERENCES documents(id),
  set_control     TEXT NOT NULL,           -- ST02, 0001.. within the group
  business_key    TEXT NOT NULL UNIQUE,    -- "855:po:<id>": one set per business event, ever
  content_offset  INTEGER NOT NULL,        -- where the set's ST starts in the document's bytes
  content_length  INTEGER NOT NULL,        -- bytes from ST to the line break after SE
  ack_status      TEXT,                    -- Amazon's 997 for this set: accepted, rejected, ...
  ack_codes       TEXT,
  ack_at          TEXT
);
CREATE INDEX document_sets_of_document ON document_sets(document_id, set_control);
