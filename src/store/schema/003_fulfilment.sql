-- avedi's state store, version 3: shipments (cartons, SSCCs, routing), invoices, and the
-- reconciliation of every group we send with Amazon's 997.

-- What the 3PL has packed for a PO line, in eaches; checked against what was accepted.
ALTER TABLE po_lines ADD COLUMN packed_units INTEGER NOT NULL DEFAULT 0;
ALTER TABLE po_lines ADD COLUMN invoiced_units INTEGER NOT NULL DEFAULT 0;

-- A shipment: cartons with the same ship-from, FC and ready date.
CREATE TABLE shipments (
  id                  INTEGER PRIMARY KEY,
  supplier_reference  TEXT    NOT NULL UNIQUE,   -- our reference in the 753, echoed by the 754
  ship_from           TEXT    NOT NULL,
  ship_to_fc          TEXT    NOT NULL,
  ready_date          TEXT    NOT NULL,          -- CCYYMMDD
  freight_terms       TEXT    NOT NULL,          -- collect / prepaid
  state               TEXT    NOT NULL,          -- routing_requested, ready, routed, shipped
  arn                 TEXT,                      -- Amazon Reference Number (collect)
  carrier_scac        TEXT,
  carrier_name        TEXT,
  pickup_date         TEXT,
  pickup_time         TEXT,
  ship_date           TEXT,
  bol_number          TEXT,
  pro_number          TEXT,
  tracking_number     TEXT,
  estimated_delivery  TEXT,
  file_id             INTEGER NOT NULL REFERENCES files(id),
  created_at          TEXT    NOT NULL
);

CREATE TABLE cartons (
  id            INTEGER PRIMARY KEY,
  shipment_id   INTEGER NOT NULL REFERENCES shipments(id),
  carton_ref    TEXT    NOT NULL,                -- the 3PL's carton id
  sscc          TEXT    NOT NULL UNIQUE,         -- 18 digits, never issued or shipped twice
  sscc_issued   INTEGER NOT NULL,                -- 1 when avedi issued it
  pallet_ref    TEXT,
  pallet_sscc   TEXT,
  weight_kg     TEXT    NOT NULL,
  length_cm     TEXT    NOT NULL,
  width_cm      TEXT    NOT NULL,
  height_cm     TEXT    NOT NULL,
  shipped       INTEGER NOT NULL DEFAULT 0,
  UNIQUE (shipment_id, carton_ref)
);

CREATE TABLE carton_items (
  id            INTEGER PRIMARY KEY,
  carton_id     INTEGER NOT NULL REFERENCES cartons(id),
  po_line_id    INTEGER NOT NULL REFERENCES po_lines(id),
  quantity      INTEGER NOT NULL,                -- eaches
  shipped_units INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX carton_items_by_line ON carton_items(po_line_id);

-- Invoices: one per PO part of a shipment.
CREATE TABLE invoices (
  id              INTEGER PRIMARY KEY,
  invoice_number  TEXT    NOT NULL UNIQUE,
  po_id           INTEGER NOT NULL REFERENCES purchase_orders(id),
  shipment_id     INTEGER NOT NULL REFERENCES shipments(id),
  total_cents     INTEGER NOT NULL,
  state           TEXT    NOT NULL,
  created_at      TEXT    NOT NULL,
  UNIQUE (po_id, shipment_id)
);

-- Amazon's 997 for each group we sent.
ALTER TABLE documents ADD COLUMN functional_id TEXT;      -- GS01 of what we sent
ALTER TABLE documents ADD COLUMN ack_status TEXT;         -- accepted, accepted_with_errors, partial, rejected
ALTER TABLE documents ADD COLUMN ack_codes TEXT;          -- AK5/AK9 codes Amazon gave
ALTER TABLE documents ADD COLUMN ack_at TEXT;
CREATE INDEX documents_by_group ON documents(partner, group_control);

CREATE VIEW v_shipments AS
  SELECT s.id, s.supplier_reference, s.state, s.ship_to_fc, s.ready_date, s.freight_terms, s.arn,
         s.carrier_scac, s.pickup_date, s.ship_date,
         (SELECT count(*) FROM cartons c WHERE c.shipment_id = s.id) AS cartons
  FROM shipments s ORDER BY s.id;
