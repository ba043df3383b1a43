-- Notifications (server/src/notify/): what people follow, what they are
-- told, the phase starts already told, and who asked for a daily digest.

-- A person follows a process (proposal_number 0) or one of its proposals.
-- Authors follow their own proposals, commenters what they commented on.
CREATE TABLE notify_follows (
    account_id VARCHAR(32) NOT NULL REFERENCES accounts (id),
    process_id VARCHAR(32) NOT NULL REFERENCES consult_processes (id),
    proposal_number BIGINT NOT NULL,
    created_at VARCHAR(40) NOT NULL,
    PRIMARY KEY (account_id, process_id, proposal_number)
);
CREATE INDEX notify_follows_by_subject ON notify_follows (process_id, proposal_number);

-- One notification for one person. kind and detail are an
-- app::account::NotificationEvent as stored; the text is written when it
-- is shown, in the reader's language. comment_id: the comment it is about,
-- if any. read_at: when its reader marked it read.
CREATE TABLE notifications (
    id VARCHAR(32) PRIMARY KEY,
    account_id VARCHAR(32) NOT NULL REFERENCES accounts (id),
    kind VARCHAR(20) NOT NULL,
    detail VARCHAR(20) NOT NULL,
    process_id VARCHAR(32) NOT NULL REFERENCES consult_processes (id),
    proposal_number BIGINT NOT NULL,
    comment_id VARCHAR(32) REFERENCES consult_comments (id),
    created_at VARCHAR(40) NOT NULL,
    read_at VARCHAR(40)
);
CREATE INDEX notifications_by_account ON notifications (account_id, created_at);
CREATE INDEX notifications_unread ON notifications (account_id, read_at);

-- The phase starts whose followers were told: the primary key makes sure
-- that of several instances only one tells them.
CREATE TABLE notify_phase_starts (
    process_id VARCHAR(32) NOT NULL REFERENCES consult_processes (id),
    kind VARCHAR(20) NOT NULL,
    told_at VARCHAR(40) NOT NULL,
    PRIMARY KEY (process_id, kind)
);

-- The people who asked for a daily digest by email (a row: yes), and when
-- the last one was sent.
CREATE TABLE notify_digests (
    account_id VARCHAR(32) PRIMARY KEY REFERENCES accounts (id),
    created_at VARCHAR(40) NOT NULL,
    last_sent_at VARCHAR(40)
);
