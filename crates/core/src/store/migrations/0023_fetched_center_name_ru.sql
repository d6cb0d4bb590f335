-- Where a fetched copy was certified, in Russian too (the shared store's `center.name_ru`):
-- the receipt and the window name that center in the language chosen. Empty for copies fetched
-- before, and from a center the shared store has no Russian name for; the Kazakh one stands.
ALTER TABLE fetched_copy ADD COLUMN center_name_ru TEXT NOT NULL DEFAULT '';
