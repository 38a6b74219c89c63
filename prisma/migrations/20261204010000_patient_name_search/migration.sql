-- Issue 16: the patient list's name search through a trigram index (docs/decisions/034-hot-paths.md). A search
-- term matches when any of first, last or preferred name contains it, case-insensitively; the terms hold no
-- spaces, so that is the same as the three names joined by spaces containing it, which this index serves.
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

CREATE INDEX "patients_names_trgm_idx" ON "patients" USING gin (("first_name" || ' ' || "last_name" || ' ' || COALESCE("preferred_name", '')) gin_trgm_ops);
