-- avedi's state store, version 13: what was invoiced of a PO line is no longer counted per line.
-- An invoice bills every unit its shipment shipped of its PO (avedi-invoice refuses it
-- otherwise), so a line's invoiced eaches are its carton items' shipped units in the shipments
-- invoiced for its PO: `invoices` and `carton_items` hold them already. The counter cost
-- avedi-invoice an UPDATE per line, about a fifth of its time at 20,000 invoices.
-- What is left to invoice of a PO is its rows in invoices_due (one per shipment not invoiced
-- yet); after an invoice of a PO with nothing left to ship, avedi-invoice asks for them by PO.
DROP VIEW v_line_progress;
ALTER TABLE line_progress DROP COLUMN invoiced_units;
CREATE INDEX invoices_due_by_po ON invoices_due(po_id);

-- The lines with their progress, for the sqlite3 shell. invoiced_units is derived as above.
CREATE VIEW v_line_progress AS
  SELECT o.po_number, l.position, l.line_id, l.sku, l.uom, l.units_per_uom,
         l.accepted * coalesce(l.units_per_uom, 0) AS accepted_units,
         coalesce(p.packed_units, 0) AS packed_units,
         coalesce(p.shipped_units, 0) AS shipped_units,
         (SELECT coalesce(sum(i.shipped_units), 0) FROM carton_items i
            JOIN cartons c ON c.id = i.carton_id
            JOIN invoices v ON v.po_id = l.po_id AND v.shipment_id = c.shipment_id
          WHERE i.po_line_id = l.id) AS invoiced_units
  FROM po_lines l JOIN purchase_orders o ON o.id = l.po_id
  LEFT JOIN line_progress p ON p.po_line_id = l.id ORDER BY o.id, l.position;
