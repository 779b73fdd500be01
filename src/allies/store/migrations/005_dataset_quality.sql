-- What the datasets say about each row's weight and what happened (issue 14): GDELT's
-- IsRootEvent, NumMentions, NumSources and NumArticles (its URL is already in `url`),
-- ICEWS's Publisher and Event Text (its Story ID is already in `story_id`).
ALTER TABLE events ADD COLUMN is_root_event BOOLEAN;
ALTER TABLE events ADD COLUMN num_mentions INTEGER;
ALTER TABLE events ADD COLUMN num_sources INTEGER;
ALTER TABLE events ADD COLUMN num_articles INTEGER;
ALTER TABLE events ADD COLUMN publisher VARCHAR;
ALTER TABLE events ADD COLUMN event_text VARCHAR;

-- The relations cache counts one report per source article (see relations/cache.py):
-- `report` names the article a row comes from, `usable` is the row's own eligibility
-- (asserted, not negated, confident), and the quality columns let a question ask for
-- stricter rows than the default; the dataset's own words (actor names, event text,
-- publisher, story) are what evidence cites. The cache is rebuilt (its version changes).
ALTER TABLE rel_events ADD COLUMN report VARCHAR;
ALTER TABLE rel_events ADD COLUMN usable BOOLEAN;
ALTER TABLE rel_events ADD COLUMN is_root BOOLEAN;
ALTER TABLE rel_events ADD COLUMN num_sources INTEGER;
ALTER TABLE rel_events ADD COLUMN num_mentions INTEGER;
ALTER TABLE rel_events ADD COLUMN num_articles INTEGER;
ALTER TABLE rel_events ADD COLUMN source_text VARCHAR;
ALTER TABLE rel_events ADD COLUMN target_text VARCHAR;
ALTER TABLE rel_events ADD COLUMN event_text VARCHAR;
ALTER TABLE rel_events ADD COLUMN publisher VARCHAR;
ALTER TABLE rel_events ADD COLUMN story_id VARCHAR;
