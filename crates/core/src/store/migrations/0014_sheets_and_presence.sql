-- Rule 2.1: the copy reproduces the whole original. The clerk counts the paper original's
-- sheets when listing it, and a copy is certified only from as many scanned pages. Documents
-- listed before take the page count of the copy made of them; the others' count is unknown
-- (NULL) and must be listed again to be certified.
ALTER TABLE document ADD COLUMN sheets INTEGER CHECK (sheets >= 1);
UPDATE document
SET sheets = (SELECT c.page_count FROM certified_copy c WHERE c.document_id = document.id);

-- Rule 2.1: the consent is given in the applicant's personal presence. Registering it records
-- who signed it in front of the clerk (the applicant, or the representative), by name as at
-- the visit, and who registered it. Consents registered before stay without (NULL).
ALTER TABLE visit ADD COLUMN consent_present TEXT
    CHECK (consent_present IN ('applicant', 'representative'));
ALTER TABLE visit ADD COLUMN consent_present_name TEXT;
ALTER TABLE visit ADD COLUMN consent_clerk_id INTEGER REFERENCES account (id);
ALTER TABLE visit ADD COLUMN consent_clerk_name TEXT;
