-- avedi's state store, version 9: a PO's canonical text (what a resent 850 is compared with,
-- and the diff shown when it differs) is rebuilt from the PO's stored fields and lines instead of
-- being stored beside them: it doubled the bytes written for every PO received. POs received
-- before keep their stored text; new rows leave `canonical` empty ('', the column is NOT NULL)
-- and store BEG01, the one field of the text that had no column.
ALTER TABLE purchase_orders ADD COLUMN purpose TEXT;  -- BEG01
