-- What a center trusts and how its counters sign: the CAs a key must chain to, whether keys
-- sign when no revocation status or timestamp can be had, its timestamp authority, where its
-- people keep their keys. Authority a clerk must not be able to rewrite on their own
-- computer, so once a counter is linked it lives here, one version per change, made by a
-- supervisor signed in here; counters keep a copy. The document's shape is the counters'
-- (JSON); the server keeps its versions, who made each, and from which counter.
CREATE TABLE center_policy (
    center_code       TEXT NOT NULL REFERENCES center,
    version           INT NOT NULL CHECK (version > 0),
    policy            JSONB NOT NULL,
    -- The supervisor who made the change; NULL for the policy the center's first installation
    -- carried in when it joined.
    changed_by        TEXT,
    installation_code TEXT NOT NULL REFERENCES installation,
    changed_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (center_code, version)
);
ALTER TABLE center_policy ENABLE ROW LEVEL SECURITY;
GRANT SELECT ON center_policy TO rastau_installation;
CREATE POLICY own_center_reads ON center_policy FOR SELECT TO rastau_installation
    USING (center_code = center_of(current_user));
CREATE TRIGGER append_only BEFORE UPDATE OR DELETE ON center_policy
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();

CREATE VIEW current_center_policy WITH (security_invoker = true) AS
SELECT DISTINCT ON (center_code) *
  FROM center_policy
 ORDER BY center_code, version DESC;
GRANT SELECT ON current_center_policy TO rastau_installation;

-- A supervisor signed in here writes the next version of their center's policy, made from
-- version `p_from` (0: none yet). A version written meanwhile at another counter refuses it
-- (SQLSTATE RS003): that supervisor's change is not overwritten unseen.
CREATE FUNCTION center_policy_change(p_token TEXT, p_from INT, p_policy JSONB) RETURNS INT
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
    AS $$
DECLARE
    me installation := calling_installation();
    actor staff := staff_of_token(p_token);
    latest INT;
BEGIN
    IF actor.role <> 'supervisor' THEN
        RAISE EXCEPTION 'only a supervisor of the center changes its policy'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT coalesce(max(version), 0) INTO latest
      FROM center_policy WHERE center_code = me.center_code;
    IF latest <> p_from THEN
        RAISE EXCEPTION 'the center''s policy changed meanwhile' USING ERRCODE = 'RS003';
    END IF;
    INSERT INTO center_policy (center_code, version, policy, changed_by, installation_code)
    VALUES (me.center_code, latest + 1, p_policy, actor.iin, me.installation_code);
    RETURN latest + 1;
EXCEPTION
    WHEN unique_violation THEN
        RAISE EXCEPTION 'the center''s policy changed meanwhile' USING ERRCODE = 'RS003';
END
$$;
REVOKE ALL ON FUNCTION center_policy_change(TEXT, INT, JSONB) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION center_policy_change(TEXT, INT, JSONB) TO rastau_installation;
