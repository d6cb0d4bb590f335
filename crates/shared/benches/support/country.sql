-- The country's six months in a shared store, made in PostgreSQL itself with generate_series,
-- for the lookup bench (`support/country.rs` runs it on a database `init` has made, as the
-- cluster's superuser, one step at a time, and fills in the {names}).
--
-- {centers} centers with {per_center} installations each; {visits} visits spread evenly over
-- the installations and the 182 days before the day it is made, in the order of the clock, as pushes
-- from every counter would interleave them; 1 to 3 documents a visit (55/33/12 %), 95.5 %
-- certified, each copy with its two files. Applicants come from a population of {population}
-- IIN/BINs (6 % BINs of organizations), valid with their check digits; two visits in five are
-- of the first tenth (people who come back), the rest of anyone. Every row satisfies the
-- schema; the foreign-key triggers are switched off while writing (the rows point where they
-- should by construction) and the rows are written with the tables' indexes in place.
--
-- Left out, since the lookup does not read them: file bytes (NULL, as retention leaves them;
-- `size` says how large each was), applicants' rows, consents, notices, hand-overs, sign-offs
-- and the audit trail.

-- step: settings
SET session_replication_role = replica;
SET synchronous_commit = off;
SET maintenance_work_mem = '256MB';
SET work_mem = '128MB';
SET TimeZone = 'UTC';
CREATE SCHEMA IF NOT EXISTS bench;

-- step: centers and installations
INSERT INTO center (center_code, name)
SELECT 'KZ-' || lpad(c::text, 3, '0'), 'Халыққа қызмет көрсету орталығы № ' || c
  FROM generate_series(1, {centers}) c;
INSERT INTO installation (installation_code, center_code, role_name, joined_at)
SELECT format('KZ-%s-%s', lpad(c::text, 3, '0'), i), 'KZ-' || lpad(c::text, 3, '0'),
       format('rastau_i_kz_%s_%s', lpad(c::text, 3, '0'), i), date_trunc('day', now()) - INTERVAL '200 days'
  FROM generate_series(1, {centers}) c, generate_series(1, {per_center}) i;
CREATE UNLOGGED TABLE bench.installation AS
SELECT row_number() OVER (ORDER BY installation_code) AS n, installation_code, center_code
  FROM installation WHERE installation_code ~ '^KZ-[0-9]{3}-[0-9]+$';
CREATE UNIQUE INDEX ON bench.installation (n);

-- step: keys and indexes off
-- Writing millions of rows into indexed tables costs far more than building the indexes
-- afterwards (pg_restore does the same): the constraints and indexes of the tables filled
-- here are noted as their definitions, dropped, and made again from the same text at the end.
CREATE TABLE bench.ddl AS
SELECT CASE contype WHEN 'f' THEN 2 ELSE 1 END AS phase, conrelid::regclass::text AS tbl,
       conname AS name, contype::text AS kind,
       format('ALTER TABLE %s ADD CONSTRAINT %I %s', conrelid::regclass, conname,
              pg_get_constraintdef(oid)) AS sql
  FROM pg_constraint
 WHERE contype IN ('p', 'u', 'f') AND connamespace = 'public'::regnamespace
   AND (conrelid::regclass::text IN ('visit', 'document', 'certified_copy', 'file')
        OR confrelid::regclass::text IN ('visit', 'document', 'certified_copy', 'file'))
UNION ALL
SELECT 3, tablename, indexname, 'i', indexdef
  FROM pg_indexes
 WHERE schemaname = 'public' AND tablename IN ('visit', 'document', 'certified_copy', 'file')
   AND indexname NOT IN (SELECT conname FROM pg_constraint);
DO $$
DECLARE
    d RECORD;
BEGIN
    FOR d IN SELECT * FROM bench.ddl ORDER BY phase DESC LOOP
        IF d.kind = 'i' THEN
            EXECUTE format('DROP INDEX %I', d.name);
        ELSE
            EXECUTE format('ALTER TABLE %I DROP CONSTRAINT %I', d.tbl, d.name);
        END IF;
    END LOOP;
END
$$;

-- step: population
-- The first 11 digits of an IIN (birth date, century and sex, serial) or a BIN (year and
-- month of registration, 40 for a resident head office, serial); the check digit after.
CREATE UNLOGGED TABLE bench.population AS
WITH base AS MATERIALIZED (
    SELECT k,
           CASE WHEN k % 50 < 3 THEN
                lpad(((95 + (k / 50) % 30) % 100)::text, 2, '0')
                || lpad((1 + (k / 1500) % 12)::text, 2, '0') || '40'
                || lpad(((k * 7919) % 100000)::text, 5, '0')
           ELSE
                to_char(DATE '1940-01-01' + (abs(hashint8extended(k, 11)) % 24820)::int, 'YYMMDD')
                || CASE WHEN DATE '1940-01-01' + (abs(hashint8extended(k, 11)) % 24820)::int
                             < DATE '2000-01-01'
                        THEN 3 ELSE 5 END + (k % 2)
                || lpad(((k / 2) % 10000)::text, 4, '0')
           END AS b
      FROM generate_series(0::bigint, {population} - 1) k
), sums AS (
    SELECT k, b,
           ({sum1}) % 11 AS c1,
           ({sum2}) % 11 AS c2
      FROM base
)
SELECT k, b || CASE WHEN c1 < 10 THEN c1 ELSE c2 END AS tax_id
  FROM sums
 WHERE c1 < 10 OR c2 < 10;
-- The few bases without a check digit are left out; every k below must have a number.
CREATE UNLOGGED TABLE bench.people AS
SELECT row_number() OVER (ORDER BY k) - 1 AS k, tax_id FROM bench.population;
CREATE UNIQUE INDEX ON bench.people (k);

-- step: visits planned
CREATE UNLOGGED TABLE bench.visit AS
WITH g AS (
    SELECT g,
           g % {installations} + 1 AS n,
           g / {installations} + 1 AS id,
           abs(hashint8extended(g, 1))::float8 / 9223372036854775807 AS r1,
           abs(hashint8extended(g, 2))::float8 / 9223372036854775807 AS r2,
           abs(hashint8extended(g, 3))::float8 / 9223372036854775807 AS r3
      FROM generate_series(0::bigint, {visits} - 1) g
)
SELECT g.g, i.installation_code, i.center_code, g.id,
       date_trunc('day', now()) - INTERVAL '182 days'
         + (g.g::float8 / {visits}) * INTERVAL '182 days' AS started_at,
       CASE WHEN g.r1 < 0.4 THEN floor(g.r2 * (SELECT count(*) FROM bench.people) / 10)
            ELSE floor(g.r2 * (SELECT count(*) FROM bench.people)) END::bigint AS k,
       CASE WHEN g.r3 < 0.55 THEN 1 WHEN g.r3 < 0.88 THEN 2 ELSE 3 END AS documents
  FROM g JOIN bench.installation i ON i.n = g.n;

-- step: visits
INSERT INTO visit (center_code, installation_code, id, journal_year, journal_seq, applicant_id,
                   applicant_tax_id, applicant_name, clerk_iin, clerk_name, copies_on_media,
                   started_at, ended_at)
SELECT v.center_code, v.installation_code, v.id, 2026, v.id, v.k, p.tax_id,
       (ARRAY['Нұрланова Әлия Серікқызы', 'Серікбаев Арман Қайратұлы', 'Иванова Мария Петровна',
              'Жұмабеков Нұрлан Серікұлы', 'Ким Денис Александрович', 'ТОО «Алтын Дала»',
              'Оспанова Динара Ерланқызы', 'Ахметов Ержан Бауыржанұлы'])[1 + v.k % 8],
       '8' || lpad((v.g % 97)::text, 11, '0'),
       (ARRAY['Ғабитов Ұлан Маратұлы', 'Сейітқали Айгерім Болатқызы', 'Петренко Ольга Викторовна',
              'Мұқанова Гүлжан Әділқызы'])[1 + v.g % 4],
       v.g % 8 = 0,
       to_char(v.started_at, 'YYYY-MM-DD HH24:MI:SS.US') || '+00:00',
       to_char(v.started_at + INTERVAL '9 minutes', 'YYYY-MM-DD HH24:MI:SS.US') || '+00:00'
  FROM bench.visit v JOIN bench.people p ON p.k = v.k
 ORDER BY v.g;

-- step: documents planned
CREATE UNLOGGED TABLE bench.document AS
SELECT v.g, v.installation_code, v.center_code, v.id AS visit_id, d AS position,
       v.id * 4 + d AS id,
       v.started_at + d * INTERVAL '2 minutes' AS certified_at,
       abs(hashint8extended(v.g * 4 + d, 4))::float8 / 9223372036854775807 < 0.955 AS certified,
       1 + (abs(hashint8extended(v.g * 4 + d, 5)) % 100 >= 50)::int
         + (abs(hashint8extended(v.g * 4 + d, 5)) % 100 >= 85)::int AS pages
  FROM bench.visit v, generate_series(1, v.documents) d;

-- step: documents
INSERT INTO document (center_code, installation_code, id, visit_id, position, title, number,
                      issued_on, issuer, sheets)
SELECT center_code, installation_code, id, visit_id, position,
       (ARRAY['Туу туралы куәлік', 'Диплом с приложением', 'Еңбек кітапшасы',
              'Свидетельство о браке', 'Устав ТОО', 'Технический паспорт'])[1 + g % 6],
       'ЖБ-II ' || lpad((g % 1000000)::text, 6, '0'),
       to_char(DATE '1990-01-01' + (g % 12000)::int, 'DD.MM.YYYY'),
       (ARRAY['АХАТ бөлімі', 'ҚарМУ', 'Отдел ЗАГС', 'СпецЦОН'])[1 + g % 4],
       pages
  FROM bench.document ORDER BY g, position;

-- step: certified copies
INSERT INTO certified_copy (center_code, installation_code, id, visit_id, document_id,
                            pdf_sha256, p7s_sha256, page_count, page_hashes, signer_name,
                            signer_iin, signer_serial, certified_at, keep_until)
SELECT center_code, installation_code, id, visit_id, id,
       md5('pdf' || installation_code || id) || md5('pdf2' || installation_code || id),
       md5('p7s' || installation_code || id) || md5('p7s2' || installation_code || id),
       pages,
       array_to_string(ARRAY(SELECT md5(p || installation_code || id) || md5(installation_code || id || p)
                               FROM generate_series(1, pages) p), ' '),
       (ARRAY['Ғабитов Ұлан Маратұлы', 'Сейітқали Айгерім Болатқызы', 'Петренко Ольга Викторовна',
              'Мұқанова Гүлжан Әділқызы'])[1 + g % 4],
       '8' || lpad((g % 97)::text, 11, '0'),
       upper(md5('serial' || g % 97)),
       to_char(certified_at, 'YYYY-MM-DD HH24:MI:SS.US') || '+00:00',
       to_char(certified_at + INTERVAL '6 months', 'YYYY-MM-DD HH24:MI:SS.US') || '+00:00'
  FROM bench.document WHERE certified ORDER BY g, position;

-- step: files
INSERT INTO file (sha256, center_code, installation_code, bytes, size, keep_until)
SELECT h.sha256, d.center_code, d.installation_code, NULL, h.size,
       to_char(d.certified_at + INTERVAL '6 months', 'YYYY-MM-DD HH24:MI:SS.US') || '+00:00'
  FROM bench.document d,
       LATERAL (VALUES
         (md5('pdf' || d.installation_code || d.id) || md5('pdf2' || d.installation_code || d.id),
          d.pages * 250000 + (d.g % 50000)),
         (md5('p7s' || d.installation_code || d.id) || md5('p7s2' || d.installation_code || d.id),
          3000 + (d.g % 2000))) h (sha256, size)
 WHERE d.certified ORDER BY d.g, d.position;

-- step: the lookup's applicants
-- The IIN/BINs the bench looks up, in this order: the applicants of visits drawn at random,
-- as those who come to a counter are.
CREATE TABLE bench.lookup_iin AS
SELECT row_number() OVER (ORDER BY abs(hashint8extended(g, 6))) AS n, p.tax_id
  FROM bench.visit v JOIN bench.people p ON p.k = v.k
 ORDER BY abs(hashint8extended(g, 6)) LIMIT {lookups};

-- step: keys and indexes made again
DO $$
DECLARE
    d RECORD;
BEGIN
    FOR d IN SELECT * FROM bench.ddl ORDER BY phase, tbl, name LOOP
        EXECUTE d.sql;
    END LOOP;
END
$$;

-- step: clean up

DROP TABLE bench.visit, bench.document, bench.population, bench.people, bench.installation,
           bench.ddl;
RESET session_replication_role;

-- step: analyze
VACUUM ANALYZE;
