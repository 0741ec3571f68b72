-- avedi's state store, version 4: when a file arrived in its inbox (its modification time).
-- Amazon's clocks (the 855 within 24 hours) start then, not when avedi got to the file.
ALTER TABLE files ADD COLUMN arrived_at TEXT;
