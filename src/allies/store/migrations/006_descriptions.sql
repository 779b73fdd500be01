-- What sentences say the relation between two states is ("tensions between X
-- and Y escalated", "Belarus, a longtime ally of Russia"), found by
-- allies.nlp.descriptions and written with their article in one transaction.
-- country_a < country_b; state is one of allies.model.DESCRIBED_STATES;
-- describer is reporter, side or third_party (describer_country: the speaker's
-- state, when known); only asserted, non-negated rows count.
CREATE TABLE descriptions (
    article_id         BIGINT NOT NULL,
    sentence_index     INTEGER NOT NULL,
    date               DATE,
    country_a          VARCHAR NOT NULL,
    country_b          VARCHAR NOT NULL,
    state              VARCHAR NOT NULL,
    polarity           INTEGER NOT NULL,     -- +1 good, -1 bad
    describer          VARCHAR NOT NULL,
    describer_country  VARCHAR,
    speaker_text       VARCHAR,
    negated            BOOLEAN DEFAULT false,
    modality           VARCHAR DEFAULT 'asserted',
    trigger            VARCHAR
);
