-- A visit's journal number carries the code of the installation that gave it, once the
-- installation has one (its first join to the shared store): offline counters cannot share one
-- counter, so each counts its own visits and the code makes the number unique across centers.
-- The code is kept with the visit as it was then; visits made before it stay NULL and print
-- as they always did.
ALTER TABLE visit ADD COLUMN installation_code TEXT;
