-- Relations engine: derived tables rebuilt from `events` (never edited by hand).
-- rel_events keeps the events that can bear on a relation, sorted by directed
-- dyad and date so that DuckDB's min/max zone maps skip every row group but the
-- dyad's own; rel_pair_months aggregates them per directed dyad, month and quad
-- for third-party and network questions. relations_state records the events
-- fingerprint they were built from (and the version of the built-in ties).

CREATE TABLE relations_state (
    key    VARCHAR PRIMARY KEY,
    value  VARCHAR
);

CREATE TABLE rel_events (
    event_id        BIGINT,
    origin          VARCHAR,
    article_id      BIGINT,
    sentence_index  INTEGER,
    date            DATE,
    month           DATE,
    source_country  VARCHAR,
    target_country  VARCHAR,
    source_sector   VARCHAR,
    target_sector   VARCHAR,
    cameo           VARCHAR,
    quad            VARCHAR,
    goldstein       DOUBLE,
    negated         BOOLEAN,
    modality        VARCHAR,
    voice           VARCHAR,   -- whose words: speaker_country, else the source of a verbal act
    confidence      DOUBLE,
    url             VARCHAR,
    counted         BOOLEAN,   -- asserted and not negated: counts for the relation
    claim           VARCHAR    -- 'ally' / 'not_ally' / 'partner': a statement about the tie itself
);

CREATE TABLE rel_pair_months (
    source_country  VARCHAR,
    target_country  VARCHAR,
    month           DATE,
    quad            VARCHAR,
    n               BIGINT,    -- counted events
    goldstein_sum   DOUBLE,
    ally_claims     BIGINT,
    not_ally_claims BIGINT
);
