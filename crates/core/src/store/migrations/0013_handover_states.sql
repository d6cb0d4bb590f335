-- A hand-over is recorded before its first file reaches the medium, so that no path (a pulled
-- stick, a full one, a crash) leaves copies outside the store without a record: `writing` until
-- every file was read back, then `done`, or `failed` with the reason once what was written has
-- been removed. A crash leaves `writing`: the copies may have left. The visit names the
-- applicant the copies were handed to. Earlier rows were written only once done.
ALTER TABLE handover ADD COLUMN visit_id INTEGER REFERENCES visit (id);
ALTER TABLE handover ADD COLUMN state TEXT NOT NULL DEFAULT 'done'
    CHECK (state IN ('writing', 'done', 'failed'));
ALTER TABLE handover ADD COLUMN failure TEXT;
