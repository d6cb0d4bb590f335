-- Certified electronic copies: one per document, attached to the applicant's IIN/BIN through
-- the visit, kept until `keep_until` (rule 8: six months); the files live in the file store.
CREATE TABLE certified_copy (
    id             INTEGER PRIMARY KEY,
    visit_id       INTEGER NOT NULL REFERENCES visit (id),
    document_id    INTEGER NOT NULL UNIQUE REFERENCES document (id),
    pdf_hash       TEXT NOT NULL,
    signature_hash TEXT NOT NULL,
    page_count     INTEGER NOT NULL,
    page_hashes    TEXT NOT NULL,
    signer_name    TEXT NOT NULL,
    signer_iin     TEXT NOT NULL,
    signer_serial  TEXT NOT NULL,
    certified_at   TEXT NOT NULL,
    keep_until     TEXT NOT NULL,
    removed_on     TEXT
) STRICT;

CREATE INDEX certified_copy_by_visit ON certified_copy (visit_id);
