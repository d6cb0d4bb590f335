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
    PRIMARY KEY (installation_code, id)
);
CREATE INDEX applicant_by_tax_id ON applicant (tax_id);

CREATE TABLE visit (
    center_code          TEXT NOT NULL REFERENCES center,
    installation_code    TEXT NOT NULL REFERENCES installation,
    id                   BIGINT NOT NULL,
    journal_year         INTEGER NOT NULL,
    journal_seq          INTEGER NOT NULL,
    applicant_id         BIGINT NOT NULL,
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
    UNIQUE (installation_code, journal_year, journal_seq),
    FOREIGN KEY (installation_code, applicant_id) REFERENCES applicant
);

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
    present           TEXT NOT NULL,
    present_name      TEXT,
    clerk_iin         TEXT NOT NULL,
    clerk_name        TEXT NOT NULL,
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
    day               DATE NOT NULL,
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
