-- Rule 2.1: the copy reproduces the whole original. The clerk counts the paper original's
-- sheets when listing it, and a copy is certified only from as many scanned pages. Documents
-- listed before take the page count of the copy made of them; the others' count is unknown
-- (NULL) and must be listed again to be certified.
ALTER TABLE document ADD COLUMN sheets INTEGER CHECK (sheets >= 1);
UPDATE document
SET sheets = (SELECT c.page_count FROM certified_copy c WHERE c.document_id = document.id);
