-- The scan of the applicant's signed consent (Annex 1), kept with the visit: the SHA-256 of the
-- file in the file store. NULL until the clerk scans the signed paper.
ALTER TABLE visit ADD COLUMN consent_scan_hash TEXT;
