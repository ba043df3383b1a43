-- Comments and moderation (server/src/consult/).

-- Comments on processes (proposal_number 0) and proposals, threaded: a
-- reply names its parent and is one level deeper (depth 0 to 2: three
-- levels). alignment is favour, against or neutral. ups and downs are
-- counters kept in the transaction that adds, changes or removes a vote.
-- deleted_at: its author deleted it (the text goes, the thread stays);
-- hidden_at: moderation hid it; erased_at: its author erased their
-- contributions with their account.
CREATE TABLE consult_comments (
    id VARCHAR(32) PRIMARY KEY,
    process_id VARCHAR(32) NOT NULL REFERENCES consult_processes (id),
    proposal_number BIGINT NOT NULL,
    parent_id VARCHAR(32) REFERENCES consult_comments (id),
    depth BIGINT NOT NULL,
    author_id VARCHAR(32) NOT NULL REFERENCES accounts (id),
    body TEXT NOT NULL,
    alignment VARCHAR(10) NOT NULL,
    ups BIGINT NOT NULL DEFAULT 0,
    downs BIGINT NOT NULL DEFAULT 0,
    created_at VARCHAR(40) NOT NULL,
    edited_at VARCHAR(40),
    deleted_at VARCHAR(40),
    hidden_at VARCHAR(40),
    hidden_reason VARCHAR(20),
    erased_at VARCHAR(40)
);
CREATE INDEX consult_comments_by_thread ON consult_comments (process_id, proposal_number, created_at);
CREATE INDEX consult_comments_by_author ON consult_comments (author_id, created_at);

-- One vote per citizen per comment: 1 up, -1 down.
CREATE TABLE consult_comment_votes (
    comment_id VARCHAR(32) NOT NULL REFERENCES consult_comments (id),
    account_id VARCHAR(32) NOT NULL REFERENCES accounts (id),
    vote BIGINT NOT NULL,
    created_at VARCHAR(40) NOT NULL,
    PRIMARY KEY (comment_id, account_id)
);
CREATE INDEX consult_comment_votes_by_account ON consult_comment_votes (account_id);

-- Reports of a proposal (target_kind 'proposal', target its number) or a
-- comment ('comment', target its id), one per person and item. reason is
-- spam, offensive, off_topic, does_not_belong or other (details then say
-- what). resolved_at and resolution (hidden, unhidden, dismissed) are set
-- when a moderator decides; open reports are those without.
CREATE TABLE consult_reports (
    id VARCHAR(32) PRIMARY KEY,
    process_id VARCHAR(32) NOT NULL REFERENCES consult_processes (id),
    target_kind VARCHAR(10) NOT NULL,
    target VARCHAR(40) NOT NULL,
    account_id VARCHAR(32) NOT NULL REFERENCES accounts (id),
    reason VARCHAR(20) NOT NULL,
    details VARCHAR(1000) NOT NULL,
    created_at VARCHAR(40) NOT NULL,
    resolved_at VARCHAR(40),
    resolution VARCHAR(10),
    UNIQUE (process_id, target_kind, target, account_id)
);
CREATE INDEX consult_reports_open ON consult_reports (resolved_at, created_at);
