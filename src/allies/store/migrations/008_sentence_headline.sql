-- A sentence that is its article's headline, coded as a sentence of its own.
ALTER TABLE sentences ADD COLUMN is_headline BOOLEAN DEFAULT false;
