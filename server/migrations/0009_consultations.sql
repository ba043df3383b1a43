-- Consultations (server/src/consult/): processes with phases, proposals,
-- the catalog records they cite, supports, and the proposal form's
-- refused attempts. Each table has one owning module in server/src/consult.

-- A process. area_kind is place (area holds a place IRI), bbox (area holds
-- "west,south,east,north" in WGS 84 degrees) or polygon (area holds a
-- GeoJSON Polygon); both NULL for no area. body is Markdown, rendered and
-- sanitised when shown. proposal_numbers is the last number given to a
-- proposal: taking the next one is an UPDATE, so two new proposals never
-- get the same number. max_supports is the most supports a citizen may give
-- in the process (NULL: no limit); support_threshold the supports that make
-- a proposal "accepted for study" (NULL: none).
CREATE TABLE consult_processes (
    id VARCHAR(32) PRIMARY KEY,
    slug VARCHAR(80) NOT NULL UNIQUE,
    title VARCHAR(200) NOT NULL,
    summary VARCHAR(600) NOT NULL,
    body TEXT NOT NULL,
    area_kind VARCHAR(10),
    area TEXT,
    organisation_id VARCHAR(64) REFERENCES organisations (id),
    cover_file VARCHAR(100),
    cover_alt VARCHAR(300),
    max_supports BIGINT,
    support_threshold BIGINT,
    proposal_numbers BIGINT NOT NULL DEFAULT 0,
    created_at VARCHAR(40) NOT NULL,
    updated_at VARCHAR(40) NOT NULL
);

-- A process's phases: each kind at most once, in order, not overlapping
-- (checked by app::consult::Timeline before they are written).
CREATE TABLE consult_phases (
    process_id VARCHAR(32) NOT NULL REFERENCES consult_processes (id),
    kind VARCHAR(20) NOT NULL,
    starts_at VARCHAR(40) NOT NULL,
    ends_at VARCHAR(40) NOT NULL,
    PRIMARY KEY (process_id, kind)
);

-- A proposal, numbered within its process. supports and comments are
-- counters kept in the transaction that adds or removes a support or a
-- comment. shuffle is a random number drawn at creation, from which the
-- random order is computed with the visitor's seed. hidden_at is set by
-- moderation (hidden content is shown to no one but its author), with the
-- reason reported most (hidden_reason).
-- erased_at is set when the author erased their contributions with their
-- account: title and body are then empty.
CREATE TABLE consult_proposals (
    process_id VARCHAR(32) NOT NULL REFERENCES consult_processes (id),
    number BIGINT NOT NULL,
    author_id VARCHAR(32) NOT NULL REFERENCES accounts (id),
    title VARCHAR(200) NOT NULL,
    body TEXT NOT NULL,
    latitude DOUBLE PRECISION,
    longitude DOUBLE PRECISION,
    place VARCHAR(200),
    state VARCHAR(20) NOT NULL,
    answer TEXT,
    answered_at VARCHAR(40),
    answered_by VARCHAR(32) REFERENCES accounts (id),
    supports BIGINT NOT NULL DEFAULT 0,
    comments BIGINT NOT NULL DEFAULT 0,
    shuffle BIGINT NOT NULL,
    hidden_at VARCHAR(40),
    hidden_reason VARCHAR(20),
    created_at VARCHAR(40) NOT NULL,
    edited_at VARCHAR(40),
    erased_at VARCHAR(40),
    PRIMARY KEY (process_id, number)
);
CREATE INDEX consult_proposals_by_author ON consult_proposals (author_id);
CREATE INDEX consult_proposals_by_supports ON consult_proposals (process_id, supports);
CREATE INDEX consult_proposals_by_created ON consult_proposals (process_id, created_at);

-- The catalog records a process (proposal_number 0) or a proposal cites,
-- with the record's version when it was first cited.
CREATE TABLE consult_citations (
    process_id VARCHAR(32) NOT NULL REFERENCES consult_processes (id),
    proposal_number BIGINT NOT NULL,
    record_iri VARCHAR(2000) NOT NULL,
    record_version BIGINT NOT NULL,
    position BIGINT NOT NULL,
    cited_at VARCHAR(40) NOT NULL,
    PRIMARY KEY (process_id, proposal_number, record_iri)
);
CREATE INDEX consult_citations_by_record ON consult_citations (record_iri);

-- One support per citizen per proposal: the primary key refuses a second.
CREATE TABLE consult_supports (
    process_id VARCHAR(32) NOT NULL,
    proposal_number BIGINT NOT NULL,
    account_id VARCHAR(32) NOT NULL REFERENCES accounts (id),
    created_at VARCHAR(40) NOT NULL,
    PRIMARY KEY (process_id, proposal_number, account_id),
    FOREIGN KEY (process_id, proposal_number) REFERENCES consult_proposals (process_id, number)
);
CREATE INDEX consult_supports_by_account ON consult_supports (account_id, process_id);

-- What a citizen typed in the proposal form when it was refused, so that
-- nothing typed is lost: one per account, process and target (0 for a new
-- proposal, else the number of the proposal edited). input and problems
-- are JSON.
CREATE TABLE consult_proposal_drafts (
    account_id VARCHAR(32) NOT NULL REFERENCES accounts (id),
    process_id VARCHAR(32) NOT NULL REFERENCES consult_processes (id),
    target BIGINT NOT NULL,
    input TEXT NOT NULL,
    problems TEXT NOT NULL,
    saved_at VARCHAR(40) NOT NULL,
    PRIMARY KEY (account_id, process_id, target)
);
