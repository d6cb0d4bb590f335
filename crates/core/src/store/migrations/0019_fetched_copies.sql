-- Rule 8: the applicant uses the copies at a center of their choice. A copy certified at another
-- counter or center, fetched from the shared store for the applicant at this one, checked
-- (hash and signature) and kept here to be handed over. It is the other counter's
-- certification, not this one's: its own table, naming where it was made, never a row of
-- certified_copy (whose rows this counter's journal counts as its work).
CREATE TABLE fetched_copy (
    id                INTEGER PRIMARY KEY,
    -- The visit at this counter it was fetched for: the applicant's, who takes it.
    visit_id          INTEGER NOT NULL REFERENCES visit (id),
    center_code       TEXT NOT NULL,
    center_name       TEXT NOT NULL,
    installation_code TEXT NOT NULL,
    origin_copy_id    INTEGER NOT NULL,
    journal_year      INTEGER NOT NULL,
    journal_seq       INTEGER NOT NULL,
    title             TEXT NOT NULL,
    applicant_tax_id  TEXT NOT NULL,
    signer_name       TEXT NOT NULL,
    signer_iin        TEXT NOT NULL,
    certified_at      TEXT NOT NULL,
    keep_until        TEXT NOT NULL,
    pdf_hash          TEXT NOT NULL,
    signature_hash    TEXT NOT NULL,
    fetched_by        INTEGER NOT NULL REFERENCES account (id),
    fetched_at        TEXT NOT NULL,
    -- Retention removes it here at keep_until, as the copies certified here.
    removed_on        TEXT,
    UNIQUE (visit_id, installation_code, origin_copy_id)
) STRICT;

CREATE INDEX fetched_copy_by_pdf ON fetched_copy (pdf_hash);
CREATE INDEX fetched_copy_by_signature ON fetched_copy (signature_hash);
CREATE INDEX fetched_copy_to_remove ON fetched_copy (keep_until) WHERE removed_on IS NULL;

-- The fetched copies a hand-over carried, beside those certified here (handover_copy).
CREATE TABLE handover_fetched (
    handover_id INTEGER NOT NULL REFERENCES handover (id),
    fetched_id  INTEGER NOT NULL REFERENCES fetched_copy (id),
    PRIMARY KEY (handover_id, fetched_id)
) STRICT;
