-- The shared store's first schema. Runs as rastau_owner, which owns every object here; the
-- roles themselves are made by `init` before any migration (they belong to the cluster, not to
-- this database).
--
-- Every history row is keyed by the installation that made it and that installation's own
-- SQLite id, so sync maps rows 1:1 and a retried push meets the same key. Times are kept as
-- the counters wrote them.

CREATE TABLE center (
    center_code TEXT PRIMARY KEY,
    name        TEXT NOT NULL
);

-- One row per counter. role_name is the PostgreSQL role the installation logs in as: the
-- policies below find an installation, and so its center, through current_user.
CREATE TABLE installation (
    installation_code TEXT PRIMARY KEY,
    center_code       TEXT NOT NULL REFERENCES center,
    role_name         NAME NOT NULL UNIQUE,
    joined_at         TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE applicant (
    center_code       TEXT NOT NULL REFERENCES center,
    installation_code TEXT NOT NULL REFERENCES installation,
    id                BIGINT NOT NULL,
    tax_id            TEXT NOT NULL,
    kind              TEXT NOT NULL CHECK (kind IN ('iin', 'bin')),
    surname           TEXT NOT NULL DEFAULT '',
    given_name        TEXT NOT NULL DEFAULT '',
    patronymic        TEXT NOT NULL DEFAULT '',
    organization      TEXT NOT NULL DEFAULT '',
    address           TEXT NOT NULL DEFAULT '',
    phone             TEXT NOT NULL DEFAULT '',
    updated_at        TEXT NOT NULL,
    -- A counter edits its applicants (a new address, a phone): each version it pushed is a
    -- row, since history here is never updated.
    PRIMARY KEY (installation_code, id, updated_at)
);
CREATE INDEX applicant_by_tax_id ON applicant (tax_id);

CREATE TABLE visit (
    center_code          TEXT NOT NULL REFERENCES center,
    installation_code    TEXT NOT NULL REFERENCES installation,
    id                   BIGINT NOT NULL,
    journal_year         INTEGER NOT NULL,
    journal_seq          INTEGER NOT NULL,
    applicant_id         BIGINT NOT NULL,
    -- The IIN/BIN the copies are attached to (rule 7.2): what a lookup at any center asks.
    applicant_tax_id     TEXT NOT NULL,
    applicant_name       TEXT NOT NULL DEFAULT '',
    clerk_iin            TEXT NOT NULL,
    clerk_name           TEXT NOT NULL DEFAULT '',
    representative_name  TEXT,
    representative_iin   TEXT,
    poa_number           TEXT,
    poa_issued_on        TEXT,
    poa_valid_until      TEXT,
    copies_on_media      BOOLEAN NOT NULL DEFAULT false,
    started_at           TEXT NOT NULL,
    ended_at             TEXT,
    PRIMARY KEY (installation_code, id),
    -- Journal numbers are gap-free per installation and year, never across counters.
    UNIQUE (installation_code, journal_year, journal_seq)
);
CREATE INDEX visit_by_applicant_tax_id ON visit (applicant_tax_id);

CREATE TABLE document (
    center_code       TEXT NOT NULL REFERENCES center,
    installation_code TEXT NOT NULL REFERENCES installation,
    id                BIGINT NOT NULL,
    visit_id          BIGINT NOT NULL,
    position          INTEGER NOT NULL,
    title             TEXT NOT NULL,
    number            TEXT NOT NULL DEFAULT '',
    issued_on         TEXT NOT NULL DEFAULT '',
    issuer            TEXT NOT NULL DEFAULT '',
    sheets            INTEGER CHECK (sheets >= 1),
    PRIMARY KEY (installation_code, id),
    UNIQUE (installation_code, visit_id, position),
    FOREIGN KEY (installation_code, visit_id) REFERENCES visit
);

-- Rule 7.1's registration of the signed consent (columns of the local visit row).
CREATE TABLE consent (
    center_code       TEXT NOT NULL REFERENCES center,
    installation_code TEXT NOT NULL REFERENCES installation,
    visit_id          BIGINT NOT NULL,
    -- Who signed in front of the clerk and who registered it: unknown (NULL) for consents
    -- registered before the counters recorded them.
    present           TEXT CHECK (present IN ('applicant', 'representative')),
    present_name      TEXT,
    clerk_iin         TEXT,
    clerk_name        TEXT,
    received_at       TEXT NOT NULL,
    scan_sha256       TEXT,
    PRIMARY KEY (installation_code, visit_id),
    FOREIGN KEY (installation_code, visit_id) REFERENCES visit
);

-- Every file once, by the SHA-256 of its bytes: a copy handed over at two centers is one row.
-- bytes becomes NULL when retention removes it; the row stays as the record.
CREATE TABLE file (
    sha256            TEXT PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    center_code       TEXT NOT NULL REFERENCES center,
    installation_code TEXT NOT NULL REFERENCES installation,
    bytes             BYTEA,
    size              BIGINT NOT NULL,
    keep_until        TEXT,
    removed_on        TEXT
);

CREATE TABLE certified_copy (
    center_code       TEXT NOT NULL REFERENCES center,
    installation_code TEXT NOT NULL REFERENCES installation,
    id                BIGINT NOT NULL,
    visit_id          BIGINT NOT NULL,
    document_id       BIGINT NOT NULL,
    pdf_sha256        TEXT NOT NULL REFERENCES file,
    p7s_sha256        TEXT NOT NULL REFERENCES file,
    page_count        INTEGER NOT NULL,
    page_hashes       TEXT NOT NULL,
    signer_name       TEXT NOT NULL,
    signer_iin        TEXT NOT NULL,
    signer_serial     TEXT NOT NULL,
    certified_at      TEXT NOT NULL,
    keep_until        TEXT NOT NULL,
    removed_on        TEXT,
    PRIMARY KEY (installation_code, id),
    UNIQUE (installation_code, document_id),
    FOREIGN KEY (installation_code, visit_id) REFERENCES visit,
    FOREIGN KEY (installation_code, document_id) REFERENCES document
);
CREATE INDEX certified_copy_by_visit ON certified_copy (installation_code, visit_id);

-- A notice of refusal (Annex 2) with its rows as the counter signed them.
CREATE TABLE notice (
    center_code       TEXT NOT NULL REFERENCES center,
    installation_code TEXT NOT NULL REFERENCES installation,
    id                BIGINT NOT NULL,
    visit_id          BIGINT NOT NULL,
    seq               INTEGER NOT NULL,
    languages         TEXT NOT NULL CHECK (languages IN ('kk', 'ru', 'both')),
    pdf_sha256        TEXT NOT NULL REFERENCES file,
    p7s_sha256        TEXT NOT NULL REFERENCES file,
    row_hashes        TEXT NOT NULL,
    signer_name       TEXT NOT NULL,
    signer_iin        TEXT NOT NULL,
    signer_serial     TEXT NOT NULL,
    issued_at         TEXT NOT NULL,
    PRIMARY KEY (installation_code, id),
    UNIQUE (installation_code, visit_id, seq),
    FOREIGN KEY (installation_code, visit_id) REFERENCES visit
);

CREATE TABLE handover (
    center_code       TEXT NOT NULL REFERENCES center,
    installation_code TEXT NOT NULL REFERENCES installation,
    id                BIGINT NOT NULL,
    visit_id          BIGINT,
    folder            TEXT NOT NULL,
    clerk_iin         TEXT NOT NULL,
    state             TEXT NOT NULL,
    handed_at         TEXT NOT NULL,
    -- The copies handed over, which may come from another installation (rule 8).
    copies            JSONB NOT NULL DEFAULT '[]',
    PRIMARY KEY (installation_code, id)
);

CREATE TABLE signoff (
    center_code       TEXT NOT NULL REFERENCES center,
    installation_code TEXT NOT NULL REFERENCES installation,
    day               TEXT NOT NULL CHECK (day ~ '^\d{4}-\d{2}-\d{2}$'),
    supervisor_iin    TEXT NOT NULL,
    pdf_sha256        TEXT NOT NULL REFERENCES file,
    p7s_sha256        TEXT NOT NULL REFERENCES file,
    signer_name       TEXT NOT NULL,
    signer_iin        TEXT NOT NULL,
    signer_serial     TEXT NOT NULL,
    signed_at         TEXT NOT NULL,
    PRIMARY KEY (installation_code, day)
);

-- Each installation's own hash chain, as its local audit trail holds it.
CREATE TABLE audit_entry (
    center_code       TEXT NOT NULL REFERENCES center,
    installation_code TEXT NOT NULL REFERENCES installation,
    seq               BIGINT NOT NULL,
    at                TEXT NOT NULL,
    actor_iin         TEXT,
    actor_name        TEXT,
    action            TEXT NOT NULL,
    record_kind       TEXT,
    record_id         BIGINT,
    detail            TEXT NOT NULL,
    prev_hash         TEXT NOT NULL,
    hash              TEXT NOT NULL,
    PRIMARY KEY (installation_code, seq),
    UNIQUE (installation_code, hash)
);

-- How far each installation's push has got; moves in the transaction of the rows it covers.
CREATE TABLE push_mark (
    center_code       TEXT NOT NULL REFERENCES center,
    installation_code TEXT PRIMARY KEY REFERENCES installation,
    high_water        BIGINT NOT NULL DEFAULT 0,
    moved_at          TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The installation and center of a role, for the policies. SECURITY DEFINER so that members
-- need no right to read the installation table; the role is passed in because inside the
-- function current_user is its owner.
CREATE FUNCTION installation_of(role NAME) RETURNS TEXT
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
    AS $$ SELECT installation_code FROM installation WHERE role_name = role $$;
CREATE FUNCTION center_of(role NAME) RETURNS TEXT
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
    AS $$ SELECT center_code FROM installation WHERE role_name = role $$;
REVOKE ALL ON FUNCTION installation_of(NAME), center_of(NAME) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION installation_of(NAME), center_of(NAME) TO rastau_installation;

-- History is append-only. The grants below give installations no UPDATE or DELETE; this
-- trigger is the second line, should a grant ever be given by mistake. Only the owner (the
-- retention job, later) changes history.
CREATE FUNCTION refuse_history_change() RETURNS trigger
    LANGUAGE plpgsql SET search_path = public, pg_temp
    AS $$
BEGIN
    IF NOT pg_has_role(current_user, 'rastau_owner', 'MEMBER') THEN
        RAISE EXCEPTION 'shared history is append-only: % on % refused', TG_OP, TG_TABLE_NAME
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
END
$$;

DO $$
DECLARE
    history TEXT[] := ARRAY['applicant', 'visit', 'document', 'consent', 'file',
                            'certified_copy', 'notice', 'handover', 'signoff', 'audit_entry'];
    t TEXT;
BEGIN
    FOREACH t IN ARRAY history LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('GRANT SELECT, INSERT ON %I TO rastau_installation', t);
        -- A member reads its own center's rows and writes only rows of its own installation.
        EXECUTE format('CREATE POLICY own_center_reads ON %I FOR SELECT TO rastau_installation
                            USING (center_code = center_of(current_user))', t);
        EXECUTE format('CREATE POLICY own_installation_writes ON %I FOR INSERT TO rastau_installation
                            WITH CHECK (installation_code = installation_of(current_user)
                                        AND center_code = center_of(current_user))', t);
        EXECUTE format('CREATE TRIGGER append_only BEFORE UPDATE OR DELETE ON %I
                            FOR EACH ROW EXECUTE FUNCTION refuse_history_change()', t);
    END LOOP;
END
$$;

-- The one table an installation updates: its own mark, nobody else's.
ALTER TABLE push_mark ENABLE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE ON push_mark TO rastau_installation;
CREATE POLICY own_mark ON push_mark FOR ALL TO rastau_installation
    USING (installation_code = installation_of(current_user))
    WITH CHECK (installation_code = installation_of(current_user)
                AND center_code = center_of(current_user));

-- Rule 8: the applicant uses the copies at a center of their choice. Another center's rows are
-- read through the two functions below only, and each call is written here first: which
-- installation and clerk, serving which visit (its journal number), about which applicant.
CREATE TABLE lookup (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    center_code       TEXT NOT NULL REFERENCES center,
    installation_code TEXT NOT NULL REFERENCES installation,
    clerk_iin         TEXT NOT NULL,
    visit_number      TEXT NOT NULL,
    tax_id            TEXT NOT NULL,
    -- The copy whose files were fetched; NULL for a list of the applicant's copies.
    copy_installation TEXT,
    copy_id           BIGINT,
    at                TIMESTAMPTZ NOT NULL DEFAULT now()
);
ALTER TABLE lookup ENABLE ROW LEVEL SECURITY;
GRANT SELECT ON lookup TO rastau_installation;
CREATE POLICY own_center_reads ON lookup FOR SELECT TO rastau_installation
    USING (center_code = center_of(current_user));
CREATE TRIGGER append_only BEFORE UPDATE OR DELETE ON lookup
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();

-- Whose call it is: inside a SECURITY DEFINER function current_user is the owner, and the
-- installation is the role that logged in.
CREATE FUNCTION calling_installation() RETURNS installation
    LANGUAGE plpgsql STABLE SET search_path = public, pg_temp
    AS $$
DECLARE
    me installation;
BEGIN
    SELECT * INTO me FROM installation WHERE role_name = session_user;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'only an installation of the shared store looks up copies'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN me;
END
$$;
REVOKE ALL ON FUNCTION calling_installation() FROM PUBLIC;

-- Every copy still kept, with what a clerk elsewhere needs to know of it. Owned by the owner
-- and granted to nobody: the functions below read it for the installations.
CREATE VIEW kept_copy AS
SELECT v.center_code, ce.name AS center_name, c.installation_code, c.id AS copy_id,
       v.journal_year, v.journal_seq, d.title, d.number, d.issued_on, d.issuer, c.page_count,
       c.signer_name, c.signer_iin, c.certified_at, c.keep_until, c.pdf_sha256, c.p7s_sha256,
       v.applicant_tax_id
  FROM certified_copy c
  JOIN visit v ON v.installation_code = c.installation_code AND v.id = c.visit_id
  JOIN document d ON d.installation_code = c.installation_code AND d.id = c.document_id
  JOIN center ce ON ce.center_code = v.center_code
 WHERE c.removed_on IS NULL AND c.keep_until::timestamptz > now();

-- The applicant's copies kept anywhere in the shared store, newest first.
CREATE FUNCTION applicant_copies(p_tax_id TEXT, p_clerk_iin TEXT, p_visit_number TEXT)
    RETURNS SETOF kept_copy
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
    AS $$
DECLARE
    me installation := calling_installation();
BEGIN
    INSERT INTO lookup (center_code, installation_code, clerk_iin, visit_number, tax_id)
    VALUES (me.center_code, me.installation_code, p_clerk_iin, p_visit_number, p_tax_id);
    RETURN QUERY
    SELECT * FROM kept_copy k WHERE k.applicant_tax_id = p_tax_id
     ORDER BY k.certified_at DESC, k.installation_code, k.copy_id;
END
$$;

-- One copy with its PDF and signature, to be checked and handed over at the calling counter.
CREATE FUNCTION copy_files(p_installation TEXT, p_copy BIGINT, p_clerk_iin TEXT,
                           p_visit_number TEXT)
    RETURNS TABLE (copy kept_copy, pdf BYTEA, p7s BYTEA)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
    AS $$
DECLARE
    me installation := calling_installation();
    chosen kept_copy;
BEGIN
    SELECT * INTO chosen FROM kept_copy k
     WHERE k.installation_code = p_installation AND k.copy_id = p_copy;
    IF NOT FOUND THEN
        RETURN;
    END IF;
    INSERT INTO lookup (center_code, installation_code, clerk_iin, visit_number, tax_id,
                        copy_installation, copy_id)
    VALUES (me.center_code, me.installation_code, p_clerk_iin, p_visit_number,
            chosen.applicant_tax_id, p_installation, p_copy);
    RETURN QUERY
    SELECT chosen, f.bytes, s.bytes FROM file f, file s
     WHERE f.sha256 = chosen.pdf_sha256 AND s.sha256 = chosen.p7s_sha256
       AND f.bytes IS NOT NULL AND s.bytes IS NOT NULL;
END
$$;
REVOKE ALL ON kept_copy FROM PUBLIC;
REVOKE ALL ON FUNCTION applicant_copies(TEXT, TEXT, TEXT),
                       copy_files(TEXT, BIGINT, TEXT, TEXT) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION applicant_copies(TEXT, TEXT, TEXT),
                          copy_files(TEXT, BIGINT, TEXT, TEXT) TO rastau_installation;
