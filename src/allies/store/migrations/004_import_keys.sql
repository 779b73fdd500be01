-- Imported events keep the dataset's story (ICEWS Story ID, POLECAT story, ACLED event id)
-- so that duplicates "same date, actors, code and URL or story" can be folded against rows
-- already stored by an earlier import.
ALTER TABLE events ADD COLUMN story_id VARCHAR;
