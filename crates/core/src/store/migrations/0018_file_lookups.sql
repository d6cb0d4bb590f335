-- Whether a record names a stored file, answered by an index per column: the start-up sweep
-- asks it of each file on disk, so that its cost follows the files kept, not every record ever
-- made (refusal_notice.pdf_hash has its index since 0007).
CREATE INDEX certified_copy_by_pdf ON certified_copy (pdf_hash);
CREATE INDEX certified_copy_by_signature ON certified_copy (signature_hash);
CREATE INDEX refusal_notice_by_signature ON refusal_notice (signature_hash);
CREATE INDEX day_signoff_by_pdf ON day_signoff (pdf_hash);
CREATE INDEX day_signoff_by_signature ON day_signoff (signature_hash);
CREATE INDEX visit_by_consent_scan ON visit (consent_scan_hash) WHERE consent_scan_hash IS NOT NULL;
CREATE INDEX scan_page_by_image ON scan_page (image_hash);
CREATE INDEX scan_page_by_thumb ON scan_page (thumb_hash);
-- The pages still kept, for the retention sweep to find those due without reading every visit.
CREATE INDEX scan_page_kept ON scan_page (visit_id) WHERE removed_on IS NULL;
