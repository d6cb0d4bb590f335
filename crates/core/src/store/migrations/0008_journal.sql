-- The journal reads visits by the moment their documents were accepted.
CREATE INDEX visit_by_start ON visit (started_at);

-- Every paper receipt handed to the applicant, for the journal.
CREATE TABLE receipt_print (
    id         INTEGER PRIMARY KEY,
    visit_id   INTEGER NOT NULL REFERENCES visit (id),
    account_id INTEGER NOT NULL REFERENCES account (id),
    printed_at TEXT NOT NULL
) STRICT;

CREATE INDEX receipt_print_by_visit ON receipt_print (visit_id);
