-- Every version of every catalog record, as N-Quads of its named graph, with
-- the SHACL results it had when it was written. The RDF store holds the
-- current version; a row whose version is above the one in the RDF store
-- belongs to a write that never committed there and is ignored (and
-- replaced by the next write).
CREATE TABLE record_versions (
    record_iri TEXT NOT NULL,
    version BIGINT NOT NULL,
    created_at VARCHAR(40) NOT NULL,
    change VARCHAR(20) NOT NULL,
    nquads TEXT NOT NULL,
    results TEXT NOT NULL,
    PRIMARY KEY (record_iri, version)
);

-- Bearer tokens for the write API. Only a SHA-256 hash is kept: the token
-- itself is shown once, when it is created.
CREATE TABLE api_tokens (
    token_hash VARCHAR(64) PRIMARY KEY,
    name VARCHAR(200) NOT NULL UNIQUE,
    created_at VARCHAR(40) NOT NULL,
    last_used_at VARCHAR(40),
    revoked_at VARCHAR(40)
);
