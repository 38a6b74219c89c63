-- The daily summary's narrative in each language a caregiver reads it in (issue 15 part 4, decision 031):
-- {"es": {"text": "...", "source": "anthropic:<model>" | "template" | "template:<why>", "figures": "<fingerprint>"}}.
-- Written once per language for the figures it was made from; the `narrative` column stays the English template.
ALTER TABLE "daily_summaries" ADD COLUMN "narratives" JSONB NOT NULL DEFAULT '{}';
