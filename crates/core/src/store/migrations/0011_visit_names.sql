-- The names as they were at the visit: the applicant's (a person's full name or the
-- organisation's), the clerk's, and a correction's author's. A signed-off day's journal reads
-- these, so a later visit that edits the applicant or a renamed account leaves it as signed.
ALTER TABLE visit ADD COLUMN applicant_name TEXT NOT NULL DEFAULT '';
ALTER TABLE visit ADD COLUMN clerk_name TEXT NOT NULL DEFAULT '';
ALTER TABLE journal_correction ADD COLUMN author_name TEXT NOT NULL DEFAULT '';

-- Visits made before: the names of today are the best knowledge of those at the visit.
UPDATE visit SET
    applicant_name = (
        SELECT CASE
            WHEN trim(a.organization) <> '' THEN trim(a.organization)
            ELSE ltrim(trim(a.surname)
                 || CASE WHEN trim(a.given_name) <> '' THEN ' ' || trim(a.given_name) ELSE '' END
                 || CASE WHEN trim(a.patronymic) <> '' THEN ' ' || trim(a.patronymic) ELSE '' END)
        END
        FROM applicant a WHERE a.id = visit.applicant_id),
    clerk_name = (SELECT k.full_name FROM account k WHERE k.id = visit.clerk_id);

UPDATE journal_correction SET
    author_name = (SELECT k.full_name FROM account k WHERE k.id = journal_correction.account_id);
