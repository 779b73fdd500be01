-- Coded events name the coder's rules that made them: data file rows such as
-- "verb_patterns.tsv:57 + carrier_codes.tsv:26" (see `allies kb rules`). NULL for
-- imported events and for events coded before this column existed.
ALTER TABLE events ADD COLUMN rule VARCHAR;
