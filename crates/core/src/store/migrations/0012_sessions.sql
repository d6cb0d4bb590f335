-- A session ends at its next command once its account has moved on: the account's epoch is
-- bumped when its password changes or it is deactivated, and a session opened under an older
-- epoch is refused (read on every command, so a window and the CLI on one store, or a
-- supervisor at another counter, end each other's sessions too). epoch_reason says why it last
-- moved, for the message the person sees.
ALTER TABLE account ADD COLUMN session_epoch INTEGER NOT NULL DEFAULT 0;
ALTER TABLE account ADD COLUMN epoch_reason TEXT
    CHECK (epoch_reason IN ('deactivated', 'password-changed'));
-- 1 while the password is one a supervisor set: its owner must choose their own before
-- anything else. Accounts from before this migration are not asked (no one knows who set them).
ALTER TABLE account ADD COLUMN must_choose_password INTEGER NOT NULL DEFAULT 0
    CHECK (must_choose_password IN (0, 1));

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
