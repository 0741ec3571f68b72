-- avedi's state store, version 5: a carton of a shipment that left without it is marked left
-- behind; its packed units go back to its PO lines so the 3PL can pack them again.
ALTER TABLE cartons ADD COLUMN left_behind INTEGER NOT NULL DEFAULT 0;
