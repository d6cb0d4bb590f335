-- Hand-overs of certified copies on electronic media (rule 7, stage 3). A row is written only
-- after every file was read back from the medium intact: a failed hand-over leaves none.
CREATE TABLE handover (
    id        INTEGER PRIMARY KEY,
    -- The folder's name on the medium (e.g. "Rastau 2026-000042 2026-11-23 14-05"), not a path
    -- of this machine.
    folder    TEXT NOT NULL,
    clerk_id  INTEGER NOT NULL REFERENCES account (id),
    handed_at TEXT NOT NULL
) STRICT;

CREATE TABLE handover_copy (
    handover_id INTEGER NOT NULL REFERENCES handover (id),
    copy_id     INTEGER NOT NULL REFERENCES certified_copy (id),
    PRIMARY KEY (handover_id, copy_id)
) STRICT;

CREATE INDEX handover_copy_by_copy ON handover_copy (copy_id);
