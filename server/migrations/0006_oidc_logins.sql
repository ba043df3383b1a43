-- Sign-ins through the OpenID Connect provider that have started and not
-- yet come back: the state's hash (the state travels to the provider and
-- back), the hash of the browser cookie that started it (so a callback from
-- another browser is refused), the nonce and the PKCE verifier. Each row is
-- used once and lives ten minutes.
CREATE TABLE oidc_logins (
    state_hash VARCHAR(64) PRIMARY KEY,
    browser_hash VARCHAR(64) NOT NULL,
    nonce VARCHAR(200) NOT NULL,
    pkce_verifier VARCHAR(200) NOT NULL,
    next_path VARCHAR(500) NOT NULL,
    expires_at BIGINT NOT NULL
);
