-- Pages scanned or imported during a visit, kept as they arrive so that a crash or a scanner
-- fault loses nothing already scanned. The image is in the file store under its SHA-256 (the
-- JPEG's bytes, or the raw pixels), which is also the hash printed on the certification sheet.
CREATE TABLE scan_page (
    id         INTEGER PRIMARY KEY,
    visit_id   INTEGER NOT NULL REFERENCES visit (id),
    -- The listed document the page belongs to (1-based), or NULL while unassigned.
    position   INTEGER,
    seq        INTEGER NOT NULL,
    image_hash TEXT NOT NULL,
    thumb_hash TEXT NOT NULL,
    channels   INTEGER,
    width_px   INTEGER NOT NULL,
    height_px  INTEGER NOT NULL,
    dpi        INTEGER NOT NULL,
    rotation   INTEGER NOT NULL DEFAULT 0 CHECK (rotation IN (0, 90, 180, 270)),
    source     TEXT NOT NULL CHECK (source IN ('flatbed', 'feeder', 'file', 'folder')),
    added_at   TEXT NOT NULL,
    -- Deleted pages stay until the visit ends, so a deletion can be undone.
    deleted_at TEXT
) STRICT;

CREATE INDEX scan_page_by_visit ON scan_page (visit_id, seq);
