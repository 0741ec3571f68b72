-- avedi's state store, version 2: purchase orders, their lines, and the 3PL's stock.

-- One row per Amazon purchase order (850). po_number is unique: a PO is never a second order.
CREATE TABLE purchase_orders (
  id                  INTEGER PRIMARY KEY,
  po_number           TEXT    NOT NULL UNIQUE,   -- BEG03
  vendor_code         TEXT    NOT NULL,          -- REF*CR
  order_type          TEXT    NOT NULL,          -- BEG02
  order_date          TEXT    NOT NULL,          -- BEG05, CCYYMMDD
  ship_to_fc          TEXT    NOT NULL,          -- N1*ST N104
  deliver_not_before  TEXT    NOT NULL,          -- DTM*064
  deliver_not_after   TEXT    NOT NULL,          -- DTM*063
  backorder_allowed   INTEGER NOT NULL,          -- CSH01 Y = 1
  fob_payment         TEXT,                      -- FOB01
  freight_terms       TEXT    NOT NULL,          -- collect / prepaid (config, per vendor code)
  state               TEXT    NOT NULL,          -- received, acknowledged, released, ...
  canonical           TEXT    NOT NULL,          -- every business field, for duplicates and diffs
  transaction_set_id  INTEGER NOT NULL REFERENCES transaction_sets(id),
  received_at         TEXT    NOT NULL,
  ack_due_at          TEXT    NOT NULL,          -- received_at + acknowledge.deadline_hours
  acknowledged_at     TEXT
);
CREATE INDEX purchase_orders_by_state ON purchase_orders(state, id);

-- The lines of a PO with what became of each unit.
CREATE TABLE po_lines (
  id              INTEGER PRIMARY KEY,
  po_id           INTEGER NOT NULL REFERENCES purchase_orders(id),
  position        INTEGER NOT NULL,              -- 1, 2, ... in 850 order
  line_id         TEXT    NOT NULL,              -- PO101
  quantity        INTEGER NOT NULL,              -- PO102, in `uom`
  uom             TEXT    NOT NULL,              -- PO103: EA or CA
  unit_price      TEXT    NOT NULL,              -- PO104, exact decimal text
  price_basis     TEXT,                          -- PO105
  product_ids     TEXT    NOT NULL,              -- "BP=B0..;UP=0123..." as the 850 sent them
  sku             TEXT,                          -- our SKU, once resolved by the catalog
  units_per_uom   INTEGER,                       -- 1 for EA, case_pack for CA
  accepted        INTEGER NOT NULL DEFAULT 0,    -- in `uom`
  backordered     INTEGER NOT NULL DEFAULT 0,
  rejected        INTEGER NOT NULL DEFAULT 0,
  shipped_units   INTEGER NOT NULL DEFAULT 0,    -- eaches the 3PL shipped (later issues)
  ship_date       TEXT,                          -- ACK date of the accepted part
  backorder_date  TEXT,                          -- ACK date of the backordered part
  resolution      TEXT,                          -- why a part was backordered or rejected
  UNIQUE (po_id, position)
);
CREATE INDEX po_lines_by_sku ON po_lines(sku);

-- Every inventory snapshot the 3PL sent; the newest by as_of is the stock avedi allocates.
CREATE TABLE stock_snapshots (
  id          INTEGER PRIMARY KEY,
  file_id     INTEGER NOT NULL REFERENCES files(id),
  as_of       TEXT    NOT NULL,                  -- from the file, else its arrival time
  warehouse   TEXT,
  loaded_at   TEXT    NOT NULL,
  sku_count   INTEGER NOT NULL
);
CREATE INDEX stock_snapshots_by_as_of ON stock_snapshots(as_of, id);

CREATE TABLE stock_levels (
  snapshot_id  INTEGER NOT NULL REFERENCES stock_snapshots(id),
  sku          TEXT    NOT NULL,
  available    INTEGER NOT NULL,
  PRIMARY KEY (snapshot_id, sku)
);

CREATE VIEW v_orders AS
  SELECT o.id, o.po_number, o.state, o.vendor_code, o.ship_to_fc, o.received_at, o.ack_due_at,
         o.acknowledged_at, count(l.id) AS lines,
         sum(l.quantity) AS ordered, sum(l.accepted) AS accepted,
         sum(l.backordered) AS backordered, sum(l.rejected) AS rejected
  FROM purchase_orders o LEFT JOIN po_lines l ON l.po_id = o.id GROUP BY o.id ORDER BY o.id;

CREATE VIEW v_order_lines AS
  SELECT o.po_number, l.position, l.line_id, l.sku, l.quantity, l.uom, l.unit_price,
         l.accepted, l.backordered, l.rejected, l.ship_date, l.backorder_date, l.resolution,
         l.product_ids
  FROM po_lines l JOIN purchase_orders o ON o.id = l.po_id ORDER BY o.id, l.position;

CREATE VIEW v_stock AS
  SELECT s.id AS snapshot, s.as_of, s.warehouse, l.sku, l.available
  FROM stock_levels l JOIN stock_snapshots s ON s.id = l.snapshot_id
  WHERE s.id = (SELECT id FROM stock_snapshots ORDER BY as_of DESC, id DESC LIMIT 1)
  ORDER BY l.sku;
