-- Wrong sign-in attempts per IIN typed, kept alike whether an account has that IIN or not, so
-- that neither the answers nor the lockout tell which IINs have accounts. `lockouts` counts the
-- runs of wrong attempts that ended in a lock; each lock is longer than the one before.
CREATE TABLE sign_in_throttle (
    iin          TEXT PRIMARY KEY CHECK (length(iin) = 12),
    failed       INTEGER NOT NULL DEFAULT 0,
    lockouts     INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT
) STRICT;

INSERT INTO sign_in_throttle (iin, failed, lockouts, locked_until)
SELECT iin, failed_logins, locked_until IS NOT NULL, locked_until
FROM account
WHERE failed_logins > 0 OR locked_until IS NOT NULL;

ALTER TABLE account DROP COLUMN failed_logins;
ALTER TABLE account DROP COLUMN locked_until;
