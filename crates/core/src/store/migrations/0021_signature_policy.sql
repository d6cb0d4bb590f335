-- How the center signs when a key's revocation status cannot be had (its OCSP responder and CRL
-- unreachable, or none named): refused by default (0); allowed (1) only where a supervisor
-- chose so, and in the demo center, whose keys name no responder. A copy records what was known
-- of its key when it was signed: a status from OCSP or a CRL, or none.
ALTER TABLE center ADD COLUMN sign_without_status INTEGER NOT NULL DEFAULT 0
    CHECK (sign_without_status IN (0, 1));
UPDATE center SET sign_without_status = 1 WHERE is_demo = 1;
ALTER TABLE certified_copy ADD COLUMN key_status TEXT
    CHECK (key_status IN ('ocsp', 'crl', 'none'));
