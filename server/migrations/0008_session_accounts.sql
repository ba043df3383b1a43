-- Sessions belong to accounts. A session's subject was once an API token
-- (subject_kind 'token', subject the token's hash: the first publishing
-- pages, before accounts); since accounts, the only code that starts a
-- session takes an account, and only sessions of kind 'account' sign
-- anyone in. So the table is rebuilt, as in 0007, with account_id
-- referring to accounts (id) instead of subject_kind and subject.
-- Only sessions of an existing account are copied. The others are
-- dropped: token sessions and sessions of an account that does not exist
-- cannot be used anyway (no code reads them), so nobody is signed out.

CREATE TABLE sessions_new (
    id_hash VARCHAR(64) PRIMARY KEY,
    account_id VARCHAR(32) NOT NULL REFERENCES accounts (id),
    created_at VARCHAR(40) NOT NULL,
    expires_at BIGINT NOT NULL
);
INSERT INTO sessions_new (id_hash, account_id, created_at, expires_at)
    SELECT id_hash, subject, created_at, expires_at FROM sessions
    WHERE subject_kind = 'account' AND subject IN (SELECT id FROM accounts);
DROP TABLE sessions;
ALTER TABLE sessions_new RENAME TO sessions;
-- Signing out everywhere and "download my data" find an account's sessions.
CREATE INDEX sessions_by_account ON sessions (account_id);
