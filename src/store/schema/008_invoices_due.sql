-- avedi's state store, version 8: the invoices still due, one row per PO part of a shipped
-- shipment, so avedi-invoice reads what it has to do instead of walking every shipment ever
-- shipped. avedi-ship adds the row in the transaction that ships the shipment (only for a PO
-- it shipped units of); avedi-invoice removes it in the transaction that stores the invoice.
-- A refused invoice (price or quantity gate) stays due and is tried again by the next run.
CREATE TABLE invoices_due (
  shipment_id  INTEGER NOT NULL REFERENCES shipments(id),
  po_id        INTEGER NOT NULL REFERENCES purchase_orders(id),
  PRIMARY KEY (shipment_id, po_id)
);

INSERT INTO invoices_due (shipment_id, po_id)
  SELECT DISTINCT c.shipment_id, l.po_id
  FROM shipments s
  JOIN cartons c ON c.shipment_id = s.id
  JOIN carton_items i ON i.carton_id = c.id
  JOIN po_lines l ON l.id = i.po_line_id
  WHERE s.state = 'shipped' AND i.shipped_units > 0
    AND NOT EXISTS (SELECT 1 FROM invoices v WHERE v.po_id = l.po_id
                    AND v.shipment_id = c.shipment_id);
