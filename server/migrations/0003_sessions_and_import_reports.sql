-- Sessions of people signed in to the site. The cookie holds a random id;
-- only its SHA-256 hash is stored, so a database leak gives no session.
-- Until accounts exist, a publisher signs in with an API token:
-- subject_kind 'token', subject the token's hash.
CREATE TABLE sessions (
    id_hash VARCHAR(64) PRIMARY KEY,
    subject_kind VARCHAR(20) NOT NULL,
    subject VARCHAR(200) NOT NULL,
    created_at VARCHAR(40) NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX sessions_by_subject ON sessions (subject_kind, subject);

-- The reports of imports made on the publishers' import page, so that the
-- report has an address (post, then redirect, then read).
CREATE TABLE import_reports (
    id VARCHAR(32) PRIMARY KEY,
    subject VARCHAR(200) NOT NULL,
    created_at VARCHAR(40) NOT NULL,
    file_name VARCHAR(300) NOT NULL,
    mode VARCHAR(10) NOT NULL,
    outcome VARCHAR(20) NOT NULL,
    report TEXT NOT NULL
);
