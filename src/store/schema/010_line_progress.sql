-- avedi's state store, version 10: what the 3PL packed and shipped of a PO line, and what was
-- invoiced, move out of po_lines into a narrow table of their own. These counters change once
-- per carton and per invoice: an UPDATE of a po_lines row rewrites all of its columns (the
-- product ids, prices, decisions), ~4 µs a line at a million lines against ~1.5 µs for a row
-- of four integers. A line without a row here has nothing packed, shipped or invoiced.
CREATE TABLE line_progress (
  po_line_id      INTEGER PRIMARY KEY REFERENCES po_lines(id),
  packed_units    INTEGER NOT NULL DEFAULT 0,    -- eaches the 3PL packed (ready files)
  shipped_units   INTEGER NOT NULL DEFAULT 0,    -- eaches the 3PL shipped (shipped files)
  invoiced_units  INTEGER NOT NULL DEFAULT 0     -- eaches invoiced to Amazon (810s)
);
-- The lines of a store migrated in the middle of a flow keep what they had (a one-time scan).
INSERT INTO line_progress (po_line_id, packed_units, shipped_units, invoiced_units)
  SELECT id, packed_units, shipped_units, invoiced_units FROM po_lines
  WHERE packed_units <> 0 OR shipped_units <> 0 OR invoiced_units <> 0;
ALTER TABLE po_lines DROP COLUMN packed_units;
ALTER TABLE po_lines DROP COLUMN shipped_units;
ALTER TABLE po_lines DROP COLUMN invoiced_units;

-- The lines with their progress, for the sqlite3 shell.
CREATE VIEW v_line_progress AS
  SELECT o.po_number, l.position, l.line_id, l.sku, l.uom, l.units_per_uom,
         l.accepted * coalesce(l.units_per_uom, 0) AS accepted_units,
         coalesce(p.packed_units, 0) AS packed_units,
         coalesce(p.shipped_units, 0) AS shipped_units,
         coalesce(p.invoiced_units, 0) AS invoiced_units
  FROM po_lines l JOIN purchase_orders o ON o.id = l.po_id
  LEFT JOIN line_progress p ON p.po_line_id = l.id ORDER BY o.id, l.position;
