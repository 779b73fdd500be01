-- Which coder made each coded event: the allies coder version (with a digest of
-- its rule data) and the spaCy model, or 'rules' for the rule-based path.
-- Imported events leave both empty: their origin names the dataset.
ALTER TABLE events ADD COLUMN coder_version VARCHAR;
ALTER TABLE events ADD COLUMN coder_model VARCHAR;
