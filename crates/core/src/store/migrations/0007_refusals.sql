-- Notices of refusal (rule 6, Annex 2): electronic documents signed with the EDS of the
-- authorised person (PAdES inside, CAdES beside), kept by hash with the visit and so under
-- the applicant's IIN/BIN.
CREATE TABLE refusal_notice (
    id             INTEGER PRIMARY KEY,
    visit_id       INTEGER NOT NULL REFERENCES visit (id),
    -- The notice's number within the visit: `2026/000042-N1`.
    seq            INTEGER NOT NULL,
    languages      TEXT NOT NULL CHECK (languages IN ('kk', 'ru', 'both')),
    pdf_hash       TEXT NOT NULL,
    signature_hash TEXT NOT NULL,
    -- SHA-256s of the notice's rows, which the QR seal's digest covers.
    row_hashes     TEXT NOT NULL,
    signer_id      INTEGER NOT NULL REFERENCES account (id),
    signer_name    TEXT NOT NULL,
    signer_iin     TEXT NOT NULL,
    signer_serial  TEXT NOT NULL,
    issued_at      TEXT NOT NULL,
    UNIQUE (visit_id, seq)
) STRICT;

CREATE INDEX refusal_notice_by_pdf ON refusal_notice (pdf_hash);

-- Rule 9: a document the center refuses to certify. It may be withdrawn until its notice is
-- signed; from then on it is part of a signed document and stays.
CREATE TABLE refusal (
    id            INTEGER PRIMARY KEY,
    visit_id      INTEGER NOT NULL REFERENCES visit (id),
    document_id   INTEGER NOT NULL UNIQUE REFERENCES document (id),
    -- The subpoints of rule 9, ascending and space-separated: `1 3`.
    grounds       TEXT NOT NULL,
    justification TEXT NOT NULL,
    clerk_id      INTEGER NOT NULL REFERENCES account (id),
    refused_at    TEXT NOT NULL,
    notice_id     INTEGER REFERENCES refusal_notice (id)
) STRICT;

CREATE INDEX refusal_by_visit ON refusal (visit_id);

-- Every paper copy of a notice handed to the applicant, for the journal.
CREATE TABLE notice_print (
    id         INTEGER PRIMARY KEY,
    notice_id  INTEGER NOT NULL REFERENCES refusal_notice (id),
    account_id INTEGER NOT NULL REFERENCES account (id),
    printed_at TEXT NOT NULL
) STRICT;

CREATE INDEX notice_print_by_notice ON notice_print (notice_id);
