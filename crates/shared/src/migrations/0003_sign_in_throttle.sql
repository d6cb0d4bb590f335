-- Wrong passwords given to staff_sign_in, counted here per person of a center. A counter's
-- installation role is in a file its clerk can read, so without this anyone at a counter could
-- try a supervisor's passwords against the server as fast as it answers, whatever the counter's
-- own count says (that count is in the clerk's own file). The rule is the counters' own: five
-- wrong in a row lock sign-in for 5, then 15, then 60 minutes; after a fourth lock it waits for
-- a new password. The count is of one password: a new one (a supervisor's, or the person's own
-- choice) starts it afresh.
CREATE TABLE staff_sign_in_throttle (
    center_code  TEXT NOT NULL,
    iin          TEXT NOT NULL,
    -- The verifier the attempts were made against.
    verifier     TEXT NOT NULL,
    failed       INT NOT NULL,
    lockouts     INT NOT NULL,
    locked_until TIMESTAMPTZ,
    PRIMARY KEY (center_code, iin)
);
REVOKE ALL ON staff_sign_in_throttle FROM PUBLIC;

-- As in 0002, but a locked person is refused before the password is looked at: SQLSTATE RS001
-- with the minutes left as its detail, RS002 when only a new password lifts the lock.
CREATE OR REPLACE FUNCTION staff_sign_in(p_iin TEXT, p_password TEXT) RETURNS TEXT
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
    AS $$
DECLARE
    me installation := calling_installation();
    known TEXT;
    tries staff_sign_in_throttle;
    token TEXT;
BEGIN
    SELECT v.verifier INTO known
      FROM current_staff s
      JOIN staff_verifier v USING (center_code, iin, version)
     WHERE s.center_code = me.center_code AND s.iin = p_iin AND s.active;
    IF known IS NULL THEN
        -- No one here to guess for: unknown, inactive, or carried in without a password.
        RETURN NULL;
    END IF;
    SELECT * INTO tries FROM staff_sign_in_throttle
     WHERE center_code = me.center_code AND iin = p_iin
       FOR UPDATE;
    IF NOT FOUND OR tries.verifier <> known THEN
        tries := ROW(me.center_code, p_iin, known, 0, 0, NULL);
    ELSIF tries.lockouts > 3 THEN
        RAISE EXCEPTION 'sign-in with this IIN waits for a new password'
            USING ERRCODE = 'RS002';
    ELSIF tries.locked_until > now() THEN
        RAISE EXCEPTION 'sign-in with this IIN is locked'
            USING ERRCODE = 'RS001',
                  DETAIL = ceil(extract(epoch FROM tries.locked_until - now()) / 60)::int::text;
    END IF;
    IF known <> crypt(encode(digest(p_password, 'sha256'), 'hex'), known) THEN
        tries.failed := tries.failed + 1;
        IF tries.failed >= 5 THEN
            tries.failed := 0;
            tries.lockouts := tries.lockouts + 1;
            -- Past the third lock, none of the three ends it: lockouts > 3 above.
            tries.locked_until := now() + make_interval(mins => (ARRAY[5, 15, 60])[tries.lockouts]);
        END IF;
        INSERT INTO staff_sign_in_throttle VALUES (tries.*)
        ON CONFLICT (center_code, iin) DO UPDATE
           SET verifier = excluded.verifier, failed = excluded.failed,
               lockouts = excluded.lockouts, locked_until = excluded.locked_until;
        RETURN NULL;
    END IF;
    DELETE FROM staff_sign_in_throttle WHERE center_code = me.center_code AND iin = p_iin;
    token := encode(gen_random_bytes(32), 'hex');
    DELETE FROM staff_session WHERE expires_at < now();
    INSERT INTO staff_session (token_sha256, center_code, iin, installation_code, expires_at)
    VALUES (encode(digest(token, 'sha256'), 'hex'), me.center_code, p_iin,
            me.installation_code, now() + interval '12 hours');
    RETURN token;
END
$$;
