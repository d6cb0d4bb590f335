-- Applicants are remembered by IIN/BIN so a returning one is filled in at once.
CREATE TABLE applicant (
    id           INTEGER PRIMARY KEY,
    tax_id       TEXT NOT NULL UNIQUE,
    kind         TEXT NOT NULL CHECK (kind IN ('iin', 'bin')),
    surname      TEXT NOT NULL DEFAULT '',
    given_name   TEXT NOT NULL DEFAULT '',
    patronymic   TEXT NOT NULL DEFAULT '',
    organization TEXT NOT NULL DEFAULT '',
    address      TEXT NOT NULL DEFAULT '',
    phone        TEXT NOT NULL DEFAULT '',
    updated_at   TEXT NOT NULL
) STRICT;

-- The last journal number issued in each year: numbers are taken inside the transaction that
-- creates the visit, so a failed attempt takes none and the sequence has no gaps.
CREATE TABLE journal_counter (
    year INTEGER PRIMARY KEY,
    last INTEGER NOT NULL
) STRICT;

CREATE TABLE visit (
    id                  INTEGER PRIMARY KEY,
    journal_year        INTEGER NOT NULL,
    journal_seq         INTEGER NOT NULL,
    applicant_id        INTEGER NOT NULL REFERENCES applicant (id),
    clerk_id            INTEGER NOT NULL REFERENCES account (id),
    representative_name TEXT,
    representative_iin  TEXT,
    poa_number          TEXT,
    poa_issued_on       TEXT,
    poa_valid_until     TEXT,
    copies_on_media     INTEGER NOT NULL DEFAULT 0,
    consent_received_at TEXT,
    started_at          TEXT NOT NULL,
    ended_at            TEXT,
    UNIQUE (journal_year, journal_seq)
) STRICT;

CREATE INDEX visit_by_applicant ON visit (applicant_id);
CREATE INDEX visit_by_clerk_open ON visit (clerk_id, ended_at);

-- The documents the applicant asks to certify, in the order of the consent form.
CREATE TABLE document (
    id        INTEGER PRIMARY KEY,
    visit_id  INTEGER NOT NULL REFERENCES visit (id),
    position  INTEGER NOT NULL,
    title     TEXT NOT NULL,
    number    TEXT NOT NULL DEFAULT '',
    issued_on TEXT NOT NULL DEFAULT '',
    issuer    TEXT NOT NULL DEFAULT '',
    UNIQUE (visit_id, position)
) STRICT;
