-- The audit trail: every state change, who made it and when, each entry chained to the one
-- before it by SHA-256 so that a changed, removed or inserted entry shows (see audit/chain.rs).
CREATE TABLE audit_entry (
    seq         INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    -- NULL for Rastau itself: the retention sweep, the start-up checks, the command line.
    actor_iin   TEXT,
    actor_name  TEXT,
    action      TEXT NOT NULL,
    record_kind TEXT,
    record_id   INTEGER,
    detail      TEXT NOT NULL,
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL UNIQUE
) STRICT;

CREATE INDEX audit_entry_by_time ON audit_entry (at);

-- The application only appends; these stop a slip in its own code, not a person with the file.
CREATE TRIGGER audit_entry_never_changes BEFORE UPDATE ON audit_entry
BEGIN
    SELECT RAISE(ABORT, 'audit entries are never changed');
END;

CREATE TRIGGER audit_entry_never_removed BEFORE DELETE ON audit_entry
BEGIN
    SELECT RAISE(ABORT, 'audit entries are never removed');
END;

-- Retention removes the page images of visits older than six months too (rule 8 keeps the
-- copies, not the raw scans, any longer).
ALTER TABLE scan_page ADD COLUMN removed_on TEXT;

CREATE INDEX certified_copy_to_remove ON certified_copy (keep_until) WHERE removed_on IS NULL;
