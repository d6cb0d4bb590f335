-- How the center signs. Its timestamp authority (RFC 3161; NCA RK runs one), asked for a token
-- over every signature, none by default. When a key's revocation status or a timestamp cannot
-- be had (the key's OCSP responder and CRL unreachable or none named, the authority silent):
-- refused by default (0); allowed (1) only where a supervisor chose so, and in the demo center,
-- whose keys name no responder. A copy records what was known when it was signed: its key's
-- status from OCSP or a CRL, or none; the time a timestamp authority vouched for, or none.
ALTER TABLE center ADD COLUMN sign_without_status INTEGER NOT NULL DEFAULT 0
    CHECK (sign_without_status IN (0, 1));
ALTER TABLE center ADD COLUMN timestamp_url TEXT;
UPDATE center SET sign_without_status = 1 WHERE is_demo = 1;
ALTER TABLE certified_copy ADD COLUMN key_status TEXT
    CHECK (key_status IN ('ocsp', 'crl', 'none'));
ALTER TABLE certified_copy ADD COLUMN timestamped_at TEXT;
