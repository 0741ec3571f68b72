-- avedi's state store, version 7: avedi-acknowledge no longer looks lines up by SKU. The
-- po_lines(sku) index cost every acknowledged line a random insert into a million-entry index
-- (the sku is only known once the catalog resolves it), which made each batch's commit rewrite
-- most of that index. The units held by open orders are now summed per SKU once per run over
-- the lines of the orders still holding stock (by state), see store::allocated_units_by_sku.
DROP INDEX po_lines_by_sku;
