-- The center this installation serves: exactly one row.
CREATE TABLE center (
    id                INTEGER PRIMARY KEY CHECK (id = 1),
    name_kk           TEXT NOT NULL,
    name_ru           TEXT NOT NULL,
    region            TEXT NOT NULL,
    city              TEXT NOT NULL,
    district          TEXT NOT NULL,
    address           TEXT NOT NULL,
    phone             TEXT NOT NULL,
    idle_lock_minutes INTEGER NOT NULL DEFAULT 10,
    is_demo           INTEGER NOT NULL DEFAULT 0,
    created_at        TEXT NOT NULL
) STRICT;

CREATE TABLE account (
    id             INTEGER PRIMARY KEY,
    iin            TEXT NOT NULL UNIQUE,
    full_name      TEXT NOT NULL,
    position       TEXT NOT NULL,
    phone          TEXT NOT NULL DEFAULT '',
    role           TEXT NOT NULL CHECK (role IN ('clerk', 'supervisor')),
    password_hash  TEXT NOT NULL,
    language       TEXT NOT NULL DEFAULT 'kk' CHECK (language IN ('kk', 'ru')),
    active         INTEGER NOT NULL DEFAULT 1,
    failed_logins  INTEGER NOT NULL DEFAULT 0,
    locked_until   TEXT,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
) STRICT;

-- Small values that belong to the installation rather than to a user
-- (e.g. the language of the login screen).
CREATE TABLE setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;
