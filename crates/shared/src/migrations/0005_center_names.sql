-- A center's name in Russian beside the Kazakh one (`name`): a clerk and an applicant at
-- another center read where a copy was certified in the language they chose. Empty for a
-- center registered before; its next joining installation fills it in.
ALTER TABLE center ADD COLUMN name_ru TEXT NOT NULL DEFAULT '';

-- As in 0001, with the Russian name last (a view only grows at its end).
CREATE OR REPLACE VIEW kept_copy AS
SELECT v.center_code, ce.name AS center_name, c.installation_code, c.id AS copy_id,
       v.journal_year, v.journal_seq, d.title, d.number, d.issued_on, d.issuer, c.page_count,
       c.signer_name, c.signer_iin, c.certified_at, c.keep_until, c.pdf_sha256, c.p7s_sha256,
       v.applicant_tax_id, ce.name_ru AS center_name_ru
  FROM certified_copy c
  JOIN visit v ON v.installation_code = c.installation_code AND v.id = c.visit_id
  JOIN document d ON d.installation_code = c.installation_code AND d.id = c.document_id
  JOIN center ce ON ce.center_code = v.center_code
 WHERE c.removed_on IS NULL AND c.keep_until::timestamptz > now();
