-- Relations engine: derived tables rebuilt from `events` (never edited by hand).
-- rel_events keeps the events that can bear on a relation, sorted by directed
-- dyad and date so that DuckDB's min/max zone maps skip every row group but the
-- dyad's own; rel_country_months aggregates them per country, partner, direction, month
-- and quad for third-party and network questions; rel_claims holds what
-- sentences say about alliances. relations_state records the events
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
    counted         BOOLEAN    -- asserted and not negated: counts for the relation
);

CREATE TABLE rel_country_months (
    country         VARCHAR,   -- every directed pair appears twice: once under each endpoint,
    other           VARCHAR,   -- so one country's relations are one contiguous run
    outgoing        BOOLEAN,   -- true: country acted on other; false: other acted on country
    month           DATE,
    quad            VARCHAR,
    n               BIGINT,    -- counted events
    goldstein_sum   DOUBLE
);

-- Statements about the tie itself: a stored sentence that speaks of an alliance
-- (or disputes one) and names both countries, once per sentence and pair.
CREATE TABLE rel_claims (
    article_id      BIGINT,
    sentence_index  INTEGER,
    date            DATE,
    country_a       VARCHAR,   -- country_a < country_b
    country_b       VARCHAR,
    voice           VARCHAR,   -- the speaker's country, else the first country named
    claim           VARCHAR    -- 'ally', 'partner' or 'not_ally'
);
