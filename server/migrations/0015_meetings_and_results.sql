-- Meetings and results of a process (server/src/consult/meetings.rs owns
-- consult_meetings; meeting_registrations.rs owns
-- consult_meeting_registrations; meeting_outcomes.rs owns
-- consult_meeting_outcomes).

-- A meeting, numbered within its process. starts_at and ends_at are UTC
-- instants (2026-05-01T17:00:00Z); time_zone is the IANA zone its local
-- day and times were given in. registered and waiting count the
-- registrations of each status, changed in the transaction that changes
-- them; capacity NULL means no limit. revision counts the changes that
-- calendars must see (iCalendar SEQUENCE).
CREATE TABLE consult_meetings (
    process_id VARCHAR(32) NOT NULL REFERENCES consult_processes (id),
    number BIGINT NOT NULL,
    title VARCHAR(200) NOT NULL,
    format VARCHAR(20) NOT NULL,
    starts_at VARCHAR(40) NOT NULL,
    ends_at VARCHAR(40) NOT NULL,
    time_zone VARCHAR(64) NOT NULL,
    address VARCHAR(300),
    latitude DOUBLE PRECISION,
    longitude DOUBLE PRECISION,
    online_url TEXT,
    agenda TEXT NOT NULL,
    capacity BIGINT,
    registered BIGINT NOT NULL DEFAULT 0,
    waiting BIGINT NOT NULL DEFAULT 0,
    minutes TEXT,
    attendance BIGINT,
    minutes_at VARCHAR(40),
    revision BIGINT NOT NULL DEFAULT 0,
    created_at VARCHAR(40) NOT NULL,
    updated_at VARCHAR(40) NOT NULL,
    PRIMARY KEY (process_id, number)
);
CREATE INDEX consult_meetings_by_start ON consult_meetings (process_id, starts_at);

-- A citizen's registration: a seat (registered) or a place on the waiting
-- list (waiting), in the order of registered_at and then seq.
CREATE TABLE consult_meeting_registrations (
    process_id VARCHAR(32) NOT NULL,
    meeting_number BIGINT NOT NULL,
    account_id VARCHAR(32) NOT NULL REFERENCES accounts (id),
    status VARCHAR(20) NOT NULL,
    registered_at VARCHAR(40) NOT NULL,
    seq BIGINT NOT NULL,
    PRIMARY KEY (process_id, meeting_number, account_id),
    FOREIGN KEY (process_id, meeting_number) REFERENCES consult_meetings (process_id, number)
);
CREATE INDEX consult_meeting_registrations_queue ON consult_meeting_registrations
    (process_id, meeting_number, status, seq);

-- The proposals a meeting led to or discussed, in the order given.
CREATE TABLE consult_meeting_outcomes (
    process_id VARCHAR(32) NOT NULL,
    meeting_number BIGINT NOT NULL,
    proposal_number BIGINT NOT NULL,
    ordinal BIGINT NOT NULL,
    PRIMARY KEY (process_id, meeting_number, proposal_number),
    FOREIGN KEY (process_id, meeting_number) REFERENCES consult_meetings (process_id, number),
    FOREIGN KEY (process_id, proposal_number) REFERENCES consult_proposals (process_id, number)
);

-- What came out of a process (server/src/consult/results.rs): the city's
-- summary, and the results dataset published in the catalog with the
-- hash of the graph last published (so an unchanged result is not
-- imported again).
CREATE TABLE consult_results (
    process_id VARCHAR(32) PRIMARY KEY REFERENCES consult_processes (id),
    summary TEXT NOT NULL DEFAULT '',
    summary_at VARCHAR(40),
    dataset_iri VARCHAR(2000),
    published_hash VARCHAR(64),
    published_at VARCHAR(40)
);
