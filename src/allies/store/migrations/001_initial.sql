-- Initial schema. Each migration file NNN_name.sql runs once, in order, in one
-- transaction; schema_version records what has run.

CREATE SEQUENCE IF NOT EXISTS article_ids START 1;

CREATE TABLE articles (
    article_id    BIGINT PRIMARY KEY DEFAULT nextval('article_ids'),
    content_hash  VARCHAR NOT NULL UNIQUE,   -- sha256 of the normalised text
    title         VARCHAR,
    date          DATE,
    source        VARCHAR,                   -- outlet
    url           VARCHAR,
    path          VARCHAR,                   -- file it was read from
    text          VARCHAR NOT NULL,
    ingested_at   TIMESTAMP DEFAULT current_timestamp
);

CREATE TABLE sentences (
    article_id      BIGINT NOT NULL,
    sentence_index  INTEGER NOT NULL,
    text            VARCHAR NOT NULL,
    start_char      INTEGER,
    end_char        INTEGER,
    PRIMARY KEY (article_id, sentence_index)
);

CREATE TABLE actor_mentions (
    article_id      BIGINT NOT NULL,
    sentence_index  INTEGER NOT NULL,
    start_char      INTEGER,
    end_char        INTEGER,
    text            VARCHAR,
    code            VARCHAR,
    country         VARCHAR,
    sector          VARCHAR,
    person          VARCHAR
);

-- Events from every origin: coded from stored articles ('coded') or imported
-- from a dataset ('gdelt', 'icews', 'polecat', 'acled'). No primary key index:
-- bulk imports of millions of rows must not pay for index upkeep; event_id is
-- unique by construction (max + row_number inside the one writer).
CREATE TABLE events (
    event_id         BIGINT NOT NULL,
    origin           VARCHAR NOT NULL,
    article_id       BIGINT,            -- coded events: the article ...
    sentence_index   INTEGER,           -- ... and the sentence they come from
    import_run_id    BIGINT,            -- imported events: the run, file and row
    source_file      VARCHAR,
    source_row       BIGINT,
    external_id      VARCHAR,           -- the dataset's own event id
    date             DATE,
    source_text      VARCHAR,
    source_code      VARCHAR,
    source_country   VARCHAR,
    source_sector    VARCHAR,
    target_text      VARCHAR,
    target_code      VARCHAR,
    target_country   VARCHAR,
    target_sector    VARCHAR,
    cameo            VARCHAR,
    cameo_root       VARCHAR,           -- first two digits, e.g. '04'
    plover           VARCHAR,
    quad             VARCHAR,
    goldstein        DOUBLE,
    negated          BOOLEAN DEFAULT false,
    modality         VARCHAR DEFAULT 'asserted',
    speaker_text     VARCHAR,
    speaker_code     VARCHAR,
    speaker_country  VARCHAR,
    confidence       DOUBLE,
    trigger          VARCHAR,
    url              VARCHAR,
    geo_country      VARCHAR,
    geo_name         VARCHAR,
    latitude         DOUBLE,
    longitude        DOUBLE,
    duplicates       INTEGER DEFAULT 0  -- rows folded into this one as duplicates
);

-- Formal ties: treaties, blocs and declarations (built-in list or ATOP).
CREATE TABLE formal_ties (
    tie_id        VARCHAR NOT NULL,     -- stable id, e.g. 'nato', 'rus-aze-2022'
    name          VARCHAR NOT NULL,
    kind          VARCHAR,              -- treaty, bloc, declaration, atop
    country_a     VARCHAR NOT NULL,     -- ISO3
    country_b     VARCHAR NOT NULL,     -- ISO3
    organisation  VARCHAR,              -- bloc code when the tie is a membership link
    signed        DATE,
    in_force      DATE,
    ended         DATE,
    suspended     DATE,
    obligations   VARCHAR,              -- comma list: defence,offence,neutrality,non_aggression,consultation,strategic_partnership
    origin        VARCHAR NOT NULL,     -- builtin, atop
    note          VARCHAR
);

-- ATOP directed dyad-years, kept as imported for year-by-year questions.
CREATE TABLE alliance_years (
    country_a     VARCHAR NOT NULL,
    country_b     VARCHAR NOT NULL,
    year          INTEGER NOT NULL,
    defense       BOOLEAN,
    offense       BOOLEAN,
    neutrality    BOOLEAN,
    nonaggression BOOLEAN,
    consultation  BOOLEAN
);

CREATE SEQUENCE IF NOT EXISTS import_run_ids START 1;

CREATE TABLE import_runs (
    run_id         BIGINT PRIMARY KEY DEFAULT nextval('import_run_ids'),
    dataset        VARCHAR NOT NULL,
    path           VARCHAR,
    started_at     TIMESTAMP DEFAULT current_timestamp,
    finished_at    TIMESTAMP,
    rows_read      BIGINT,
    rows_imported  BIGINT,
    rows_skipped   BIGINT,
    duplicates     BIGINT,
    status         VARCHAR,              -- ok, failed
    report         VARCHAR               -- JSON: skipped rows with line numbers and reasons
);
