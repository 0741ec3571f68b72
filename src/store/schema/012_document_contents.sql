-- avedi's state store, version 12: a document's bytes move out of its row into a table of their
-- own. An interchange of a hundred sets is hundreds of KB (an 856 batch half a MB, a release CSV
-- over one), and the columns after a BLOB are read through all of its overflow pages: reading a
-- document's state (delivery, a 997's group look-up, avedi order) walked the whole file, and
-- every UPDATE of the row (delivered, Amazon's 997) wrote it all again. The rows are now small;
-- the bytes are written once and read where they are needed.
CREATE TABLE document_contents (
  document_id  INTEGER PRIMARY KEY REFERENCES documents(id),
  content      BLOB NOT NULL          -- the exact bytes delivered (documents.sha256 is theirs)
);
-- Every document's bytes, copied once (a one-time scan of the documents).
INSERT INTO document_contents (document_id, content) SELECT id, content FROM documents;
ALTER TABLE documents DROP COLUMN content;
