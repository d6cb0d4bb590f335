-- A supervisor's sign-off of a day's journal: the journal PDF signed with their EDS (PAdES
-- inside, CAdES beside), kept by hash. A signed day is locked: its visits change no more.
CREATE TABLE day_signoff (
    -- The local calendar day, YYYY-MM-DD.
    day            TEXT PRIMARY KEY,
    supervisor_id  INTEGER NOT NULL REFERENCES account (id),
    pdf_hash       TEXT NOT NULL,
    signature_hash TEXT NOT NULL,
    signer_name    TEXT NOT NULL,
    signer_iin     TEXT NOT NULL,
    signer_serial  TEXT NOT NULL,
    signed_at      TEXT NOT NULL
) STRICT;

-- A correction to a signed day: never an edit of what was signed, but a new entry, with who
-- wrote it and when, shown in every later export of that day.
CREATE TABLE journal_correction (
    id         INTEGER PRIMARY KEY,
    day        TEXT NOT NULL REFERENCES day_signoff (day),
    visit_id   INTEGER REFERENCES visit (id),
    account_id INTEGER NOT NULL REFERENCES account (id),
    written_at TEXT NOT NULL,
    text       TEXT NOT NULL
) STRICT;

CREATE INDEX journal_correction_by_day ON journal_correction (day);
