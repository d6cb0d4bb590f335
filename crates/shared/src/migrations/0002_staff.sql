-- The staff of each center: who may sign in, and as what. This is the authority a clerk must
-- not be able to rewrite on their own computer, so it lives here and counters keep a cache.
--
-- A counter cannot prove here who sits at it: its installation's role is in a file the clerk
-- can read. So every change of staff is made by a function that checks a person's password
-- itself, against a verifier (pgcrypto's bcrypt of the password's SHA-256) that no
-- installation can read. The Argon2 hash beside it is what counters check offline.
-- pgcrypto itself is created by `init` (an extension wants the database's administrator).

CREATE TABLE staff (
    center_code       TEXT NOT NULL REFERENCES center,
    iin               TEXT NOT NULL CHECK (iin ~ '^[0-9]{12}$'),
    -- Every change is a new version: history here is never updated.
    version           INT NOT NULL CHECK (version > 0),
    full_name         TEXT NOT NULL,
    position          TEXT NOT NULL,
    phone             TEXT NOT NULL,
    role              TEXT NOT NULL CHECK (role IN ('clerk', 'supervisor')),
    active            BOOLEAN NOT NULL,
    -- Argon2id, PHC string: the counters' cache, for signing in while offline.
    password_hash     TEXT NOT NULL,
    -- A supervisor set the password: its owner chooses their own at the next sign-in.
    must_choose       BOOLEAN NOT NULL,
    -- The supervisor who made the change; NULL for accounts an administrator carried in
    -- when their installation joined.
    changed_by        TEXT,
    installation_code TEXT NOT NULL REFERENCES installation,
    changed_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (center_code, iin, version)
);

-- The server's own check of each version's password. Accounts carried in at joining have
-- none until a password is set here: until then they sign in, but authorise nothing.
CREATE TABLE staff_verifier (
    center_code TEXT NOT NULL,
    iin         TEXT NOT NULL,
    version     INT NOT NULL,
    verifier    TEXT NOT NULL,
    PRIMARY KEY (center_code, iin, version),
    FOREIGN KEY (center_code, iin, version) REFERENCES staff
);

-- Proof that a person gave their password here, for the changes they make while signed in.
-- Only the token's SHA-256 is kept.
CREATE TABLE staff_session (
    token_sha256      TEXT PRIMARY KEY,
    center_code       TEXT NOT NULL,
    iin               TEXT NOT NULL,
    installation_code TEXT NOT NULL REFERENCES installation,
    expires_at        TIMESTAMPTZ NOT NULL
);

ALTER TABLE staff ENABLE ROW LEVEL SECURITY;
GRANT SELECT ON staff TO rastau_installation;
CREATE POLICY own_center_reads ON staff FOR SELECT TO rastau_installation
    USING (center_code = center_of(current_user));
CREATE TRIGGER append_only BEFORE UPDATE OR DELETE ON staff
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER append_only BEFORE UPDATE OR DELETE ON staff_verifier
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
REVOKE ALL ON staff_verifier, staff_session FROM PUBLIC;

-- Each person's latest version, read with the reader's own rights (and so its policies).
CREATE VIEW current_staff WITH (security_invoker = true) AS
SELECT DISTINCT ON (center_code, iin) *
  FROM staff
 ORDER BY center_code, iin, version DESC;
GRANT SELECT ON current_staff TO rastau_installation;

CREATE FUNCTION staff_verifier_of(p_password TEXT) RETURNS TEXT
    LANGUAGE sql VOLATILE SET search_path = public, pg_temp
    AS $$ SELECT crypt(encode(digest(p_password, 'sha256'), 'hex'), gen_salt('bf', 8)) $$;

-- Whether `p_password` is the one the server knows for this person's latest version.
CREATE FUNCTION staff_password_matches(p_center TEXT, p_iin TEXT, p_password TEXT)
    RETURNS BOOLEAN
    LANGUAGE sql STABLE SET search_path = public, pg_temp
    AS $$
SELECT coalesce(
    (SELECT v.verifier = crypt(encode(digest(p_password, 'sha256'), 'hex'), v.verifier)
       FROM current_staff s
       JOIN staff_verifier v USING (center_code, iin, version)
      WHERE s.center_code = p_center AND s.iin = p_iin),
    false)
$$;
REVOKE ALL ON FUNCTION staff_verifier_of(TEXT), staff_password_matches(TEXT, TEXT, TEXT)
    FROM PUBLIC;

-- Signing in at a counter of the person's center: a token for the changes they make while
-- signed in, or NULL when the password is not the one the server knows (the counter judges
-- the sign-in itself, against the cache it has just refreshed).
CREATE FUNCTION staff_sign_in(p_iin TEXT, p_password TEXT) RETURNS TEXT
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
    AS $$
DECLARE
    me installation := calling_installation();
    token TEXT;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM current_staff
                    WHERE center_code = me.center_code AND iin = p_iin AND active)
       OR NOT staff_password_matches(me.center_code, p_iin, p_password) THEN
        RETURN NULL;
    END IF;
    token := encode(gen_random_bytes(32), 'hex');
    DELETE FROM staff_session WHERE expires_at < now();
    INSERT INTO staff_session (token_sha256, center_code, iin, installation_code, expires_at)
    VALUES (encode(digest(token, 'sha256'), 'hex'), me.center_code, p_iin,
            me.installation_code, now() + interval '12 hours');
    RETURN token;
END
$$;

-- The person a token stands for, at the calling installation, while active; or an error.
CREATE FUNCTION staff_of_token(p_token TEXT) RETURNS staff
    LANGUAGE plpgsql STABLE SET search_path = public, pg_temp
    AS $$
DECLARE
    me installation := calling_installation();
    who staff;
BEGIN
    SELECT c.* INTO who
      FROM staff_session t
      JOIN current_staff c ON c.center_code = t.center_code AND c.iin = t.iin
     WHERE t.token_sha256 = encode(digest(p_token, 'sha256'), 'hex')
       AND t.installation_code = me.installation_code AND t.expires_at > now() AND c.active;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no one signed in here with the shared store stands for this change'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN who;
END
$$;
REVOKE ALL ON FUNCTION staff_of_token(TEXT) FROM PUBLIC;

-- Writes the next version of a person of the caller's center; `p_password` NULL keeps the
-- password of the version before (which must then exist).
CREATE FUNCTION staff_write(me installation, p_by TEXT, p_iin TEXT, p_full_name TEXT,
                            p_position TEXT, p_phone TEXT, p_role TEXT, p_active BOOLEAN,
                            p_password_hash TEXT, p_password TEXT, p_must_choose BOOLEAN)
    RETURNS staff
    LANGUAGE plpgsql VOLATILE SET search_path = public, pg_temp
    AS $$
DECLARE
    before staff;
    known BOOLEAN;
    written staff;
BEGIN
    SELECT * INTO before FROM current_staff
     WHERE center_code = me.center_code AND iin = p_iin;
    known := FOUND;
    IF p_password IS NULL AND NOT known THEN
        RAISE EXCEPTION 'a new member of staff needs a password'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    INSERT INTO staff (center_code, iin, version, full_name, position, phone, role, active,
                       password_hash, must_choose, changed_by, installation_code)
    VALUES (me.center_code, p_iin, coalesce(before.version, 0) + 1, p_full_name, p_position,
            p_phone, p_role, p_active,
            CASE WHEN p_password IS NULL THEN before.password_hash ELSE p_password_hash END,
            CASE WHEN p_password IS NULL THEN before.must_choose ELSE p_must_choose END,
            p_by, me.installation_code)
    RETURNING * INTO written;
    IF p_password IS NOT NULL THEN
        INSERT INTO staff_verifier
        VALUES (written.center_code, written.iin, written.version, staff_verifier_of(p_password));
    ELSE
        INSERT INTO staff_verifier
        SELECT written.center_code, written.iin, written.version, v.verifier
          FROM staff_verifier v
         WHERE v.center_code = before.center_code AND v.iin = before.iin
           AND v.version = before.version;
    END IF;
    RETURN written;
END
$$;
REVOKE ALL ON FUNCTION staff_write(installation, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, BOOLEAN,
                                   TEXT, TEXT, BOOLEAN) FROM PUBLIC;

-- A supervisor, signed in here, adds or changes a member of their center's staff. A password
-- set for someone else is theirs to replace at their next sign-in.
CREATE FUNCTION staff_change(p_token TEXT, p_iin TEXT, p_full_name TEXT, p_position TEXT,
                             p_phone TEXT, p_role TEXT, p_active BOOLEAN,
                             p_password_hash TEXT, p_password TEXT)
    RETURNS SETOF staff
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
    AS $$
DECLARE
    me installation := calling_installation();
    actor staff := staff_of_token(p_token);
BEGIN
    IF actor.role <> 'supervisor' THEN
        RAISE EXCEPTION 'only a supervisor of the center changes its staff'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEXT staff_write(me, actor.iin, p_iin, p_full_name, p_position, p_phone, p_role,
                            p_active, p_password_hash, p_password, p_iin <> actor.iin);
END
$$;

-- The signed-in person chooses their own password, giving the one they have.
CREATE FUNCTION staff_choose_password(p_token TEXT, p_current TEXT, p_password_hash TEXT,
                                      p_password TEXT)
    RETURNS SETOF staff
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
    AS $$
DECLARE
    me installation := calling_installation();
    actor staff := staff_of_token(p_token);
BEGIN
    IF NOT staff_password_matches(actor.center_code, actor.iin, p_current) THEN
        RAISE EXCEPTION 'the current password is not this person''s'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEXT staff_write(me, actor.iin, actor.iin, actor.full_name, actor.position,
                            actor.phone, actor.role, actor.active, p_password_hash, p_password,
                            false);
END
$$;
REVOKE ALL ON FUNCTION staff_sign_in(TEXT, TEXT),
                       staff_change(TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, BOOLEAN, TEXT, TEXT),
                       staff_choose_password(TEXT, TEXT, TEXT, TEXT) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION staff_sign_in(TEXT, TEXT),
                          staff_change(TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, BOOLEAN, TEXT, TEXT),
                          staff_choose_password(TEXT, TEXT, TEXT, TEXT)
    TO rastau_installation;
