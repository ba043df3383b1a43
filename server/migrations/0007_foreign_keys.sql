-- Foreign keys for the tables that refer to accounts and organisations.
-- Neither SQLite nor PostgreSQL can add them to a table portably in place,
-- so each table is rebuilt: a new table with the keys, every row copied,
-- the old one dropped, the new one renamed, its indexes made again.
-- Rows whose account or organisation does not exist keep everything else:
-- import reports and drafts made by the first publishing pages' API-token
-- sessions (before accounts) have no author, so theirs becomes NULL.
-- Sessions keep no key: a session's subject was once a token.

CREATE TABLE memberships_new (
    account_id VARCHAR(32) NOT NULL REFERENCES accounts (id),
    organisation_id VARCHAR(64) NOT NULL REFERENCES organisations (id),
    created_at VARCHAR(40) NOT NULL,
    PRIMARY KEY (account_id, organisation_id)
);
INSERT INTO memberships_new (account_id, organisation_id, created_at)
    SELECT account_id, organisation_id, created_at FROM memberships
    WHERE account_id IN (SELECT id FROM accounts)
      AND organisation_id IN (SELECT id FROM organisations);
DROP TABLE memberships;
ALTER TABLE memberships_new RENAME TO memberships;
CREATE INDEX memberships_by_organisation ON memberships (organisation_id);

CREATE TABLE password_resets_new (
    token_hash VARCHAR(64) PRIMARY KEY,
    account_id VARCHAR(32) NOT NULL REFERENCES accounts (id),
    created_at VARCHAR(40) NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at VARCHAR(40)
);
INSERT INTO password_resets_new (token_hash, account_id, created_at, expires_at, used_at)
    SELECT token_hash, account_id, created_at, expires_at, used_at FROM password_resets
    WHERE account_id IN (SELECT id FROM accounts);
DROP TABLE password_resets;
ALTER TABLE password_resets_new RENAME TO password_resets;
CREATE INDEX password_resets_by_account ON password_resets (account_id);

CREATE TABLE oidc_identities_new (
    issuer VARCHAR(500) NOT NULL,
    subject VARCHAR(255) NOT NULL,
    account_id VARCHAR(32) NOT NULL REFERENCES accounts (id),
    created_at VARCHAR(40) NOT NULL,
    PRIMARY KEY (issuer, subject)
);
INSERT INTO oidc_identities_new (issuer, subject, account_id, created_at)
    SELECT issuer, subject, account_id, created_at FROM oidc_identities
    WHERE account_id IN (SELECT id FROM accounts);
DROP TABLE oidc_identities;
ALTER TABLE oidc_identities_new RENAME TO oidc_identities;
CREATE INDEX oidc_identities_by_account ON oidc_identities (account_id);

CREATE TABLE api_tokens_new (
    token_hash VARCHAR(64) PRIMARY KEY,
    name VARCHAR(200) NOT NULL UNIQUE,
    created_at VARCHAR(40) NOT NULL,
    last_used_at VARCHAR(40),
    revoked_at VARCHAR(40),
    organisation_id VARCHAR(64) REFERENCES organisations (id),
    created_by VARCHAR(32) REFERENCES accounts (id),
    site_wide BIGINT NOT NULL DEFAULT 0
);
INSERT INTO api_tokens_new
    (token_hash, name, created_at, last_used_at, revoked_at, organisation_id, created_by, site_wide)
    SELECT token_hash, name, created_at, last_used_at, revoked_at,
        CASE WHEN organisation_id IN (SELECT id FROM organisations) THEN organisation_id END,
        CASE WHEN created_by IN (SELECT id FROM accounts) THEN created_by END,
        site_wide
    FROM api_tokens;
DROP TABLE api_tokens;
ALTER TABLE api_tokens_new RENAME TO api_tokens;

CREATE TABLE audit_log_new (
    id VARCHAR(32) PRIMARY KEY,
    at VARCHAR(40) NOT NULL,
    actor VARCHAR(32) REFERENCES accounts (id),
    actor_name VARCHAR(60) NOT NULL,
    action VARCHAR(60) NOT NULL,
    target VARCHAR(500) NOT NULL,
    detail TEXT NOT NULL
);
INSERT INTO audit_log_new (id, at, actor, actor_name, action, target, detail)
    SELECT id, at, CASE WHEN actor IN (SELECT id FROM accounts) THEN actor END,
        actor_name, action, target, detail
    FROM audit_log;
DROP TABLE audit_log;
ALTER TABLE audit_log_new RENAME TO audit_log;
CREATE INDEX audit_log_by_time ON audit_log (at);

CREATE TABLE import_reports_new (
    id VARCHAR(32) PRIMARY KEY,
    subject VARCHAR(32) REFERENCES accounts (id),
    created_at VARCHAR(40) NOT NULL,
    file_name VARCHAR(300) NOT NULL,
    mode VARCHAR(10) NOT NULL,
    outcome VARCHAR(20) NOT NULL,
    report TEXT NOT NULL
);
INSERT INTO import_reports_new (id, subject, created_at, file_name, mode, outcome, report)
    SELECT id, CASE WHEN subject IN (SELECT id FROM accounts) THEN subject END,
        created_at, file_name, mode, outcome, report
    FROM import_reports;
DROP TABLE import_reports;
ALTER TABLE import_reports_new RENAME TO import_reports;
CREATE INDEX import_reports_by_subject ON import_reports (subject);

CREATE TABLE record_drafts_new (
    id VARCHAR(32) PRIMARY KEY,
    subject VARCHAR(32) REFERENCES accounts (id),
    created_at VARCHAR(40) NOT NULL,
    form TEXT NOT NULL,
    errors TEXT NOT NULL
);
INSERT INTO record_drafts_new (id, subject, created_at, form, errors)
    SELECT id, CASE WHEN subject IN (SELECT id FROM accounts) THEN subject END,
        created_at, form, errors
    FROM record_drafts;
DROP TABLE record_drafts;
ALTER TABLE record_drafts_new RENAME TO record_drafts;
CREATE INDEX record_drafts_by_subject ON record_drafts (subject);
