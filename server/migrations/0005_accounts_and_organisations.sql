-- People's accounts. The email is kept in lower case and is NULL once the
-- account is deleted (the row stays, so that public contributions can say
-- "a deleted participant"). password_hash is an Argon2id PHC string, NULL
-- for accounts that sign in through OpenID Connect only. role is the site
-- role: citizen, moderator or admin; being a publisher comes from
-- memberships of organisations.
CREATE TABLE accounts (
    id VARCHAR(32) PRIMARY KEY,
    email VARCHAR(320) UNIQUE,
    email_verified_at VARCHAR(40),
    password_hash VARCHAR(200),
    pseudonym VARCHAR(60) NOT NULL,
    role VARCHAR(20) NOT NULL,
    created_at VARCHAR(40) NOT NULL,
    deleted_at VARCHAR(40)
);
CREATE UNIQUE INDEX accounts_by_pseudonym ON accounts (lower(pseudonym));

-- One-time password reset links: only the hash of the secret is kept.
CREATE TABLE password_resets (
    token_hash VARCHAR(64) PRIMARY KEY,
    account_id VARCHAR(32) NOT NULL,
    created_at VARCHAR(40) NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at VARCHAR(40)
);
CREATE INDEX password_resets_by_account ON password_resets (account_id);

-- Accounts linked to an OpenID Connect provider's subject.
CREATE TABLE oidc_identities (
    issuer VARCHAR(500) NOT NULL,
    subject VARCHAR(255) NOT NULL,
    account_id VARCHAR(32) NOT NULL,
    created_at VARCHAR(40) NOT NULL,
    PRIMARY KEY (issuer, subject)
);
CREATE INDEX oidc_identities_by_account ON oidc_identities (account_id);

-- Publishing organisations; each is the catalog's foaf:Agent publisher
-- with IRI agent_iri. id is the short name used in URLs and `--org`.
CREATE TABLE organisations (
    id VARCHAR(64) PRIMARY KEY,
    name VARCHAR(200) NOT NULL,
    agent_iri VARCHAR(500) NOT NULL UNIQUE,
    created_at VARCHAR(40) NOT NULL
);

-- Who publishes for which organisation.
CREATE TABLE memberships (
    account_id VARCHAR(32) NOT NULL,
    organisation_id VARCHAR(64) NOT NULL,
    created_at VARCHAR(40) NOT NULL,
    PRIMARY KEY (account_id, organisation_id)
);
CREATE INDEX memberships_by_organisation ON memberships (organisation_id);

-- Tokens now belong to one organisation and remember who made them (NULL
-- when made on the command line). site_wide = 1 marks the operator's
-- tokens made with `plaza token create --all-organisations` (migrating a
-- whole catalog); tokens made before organisations existed have neither
-- and can no longer write.
ALTER TABLE api_tokens ADD COLUMN organisation_id VARCHAR(64);
ALTER TABLE api_tokens ADD COLUMN created_by VARCHAR(32);
ALTER TABLE api_tokens ADD COLUMN site_wide BIGINT NOT NULL DEFAULT 0;

-- What administrators and moderators did: who, what, when.
CREATE TABLE audit_log (
    id VARCHAR(32) PRIMARY KEY,
    at VARCHAR(40) NOT NULL,
    actor VARCHAR(32),
    actor_name VARCHAR(60) NOT NULL,
    action VARCHAR(60) NOT NULL,
    target VARCHAR(500) NOT NULL,
    detail TEXT NOT NULL
);
CREATE INDEX audit_log_by_time ON audit_log (at);

-- Secrets to show once on the next page of the same session (a new API
-- token), removed when shown or after ten minutes.
CREATE TABLE one_time_reveals (
    id VARCHAR(32) PRIMARY KEY,
    session_hash VARCHAR(64) NOT NULL,
    secret VARCHAR(200) NOT NULL,
    expires_at BIGINT NOT NULL
);
