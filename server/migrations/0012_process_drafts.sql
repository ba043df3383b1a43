-- The consultation form's refused attempts (server/src/consult/
-- process_drafts.rs): what a moderator typed and why it was refused, so
-- that the form shows it again. target is the slug of the process edited,
-- or '' for a new one. input and problems are JSON.
CREATE TABLE consult_process_drafts (
    account_id VARCHAR(32) NOT NULL REFERENCES accounts (id),
    target VARCHAR(80) NOT NULL,
    input TEXT NOT NULL,
    problems TEXT NOT NULL,
    created_at VARCHAR(40) NOT NULL,
    PRIMARY KEY (account_id, target)
);
