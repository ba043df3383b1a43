//! Sign-in through the city's OpenID Connect provider: authorization code
//! flow with PKCE (S256), state and nonce, the ID token's signature,
//! issuer, audience, expiry and nonce verified by `openidconnect`. The
//! pending sign-in lives in SQL (so any Plaza instance can finish it) and is
//! bound to the browser that started it by a cookie. The first sign-in
//! links the provider's subject to the account with the same verified
//! email, or creates one.

use app::account::Notice;
use openidconnect::core::{CoreClient, CoreProviderMetadata, CoreResponseType};
use openidconnect::{
    AuthenticationFlow, AuthorizationCode, ClientId, ClientSecret, CsrfToken, IssuerUrl, Nonce,
    PkceCodeChallenge, PkceCodeVerifier, RedirectUrl, Scope, TokenResponse,
};
use serde_json::json;
use sqlx::{AnyConnection, Row};
use tokio::sync::RwLock;

use crate::auth::accounts::{
    NewAccount, account_by_email, create_account, mark_email_verified, remove_password,
};
use crate::auth::personal_data::{Erase, Export, PersonalData};
use crate::auth::{AccountId, end_account_sessions, random_secret, sha256_hex, unix_now};
use crate::config::OidcConfig;
use crate::store::{SqlStore, Timestamp};

/// How long a started sign-in may take.
const LOGIN_SECONDS: i64 = 600;

/// Why a sign-in through the provider failed. Logged in full; the person
/// sees one sentence (`oidc_failed` or `oidc_unverified`).
#[derive(Debug, thiserror::Error)]
pub enum OidcError {
    /// The provider's discovery document cannot be read.
    #[error("the provider's discovery document cannot be read: {0}")]
    Discovery(String),
    /// No pending sign-in with this state from this browser (forged,
    /// replayed, expired or from another browser).
    #[error("no pending sign-in matches this state and browser")]
    UnknownState,
    /// The provider answered with an error instead of a code.
    #[error("the provider refused: {0}")]
    Refused(String),
    /// The code could not be exchanged.
    #[error("the code exchange failed: {0}")]
    Exchange(String),
    /// The ID token is missing or does not verify.
    #[error("the ID token does not verify: {0}")]
    IdToken(String),
    /// The provider did not vouch for an email address.
    #[error("the provider gave no verified email")]
    Unverified,
    /// Storage failed.
    #[error("storage failed: {0}")]
    Sql(#[from] sqlx::Error),
    /// The account could not be made.
    #[error("the account could not be made: {0}")]
    Account(#[from] crate::auth::accounts::AccountError),
}

impl OidcError {
    /// The code the sign-in page shows a message for.
    pub fn code(&self) -> Notice {
        match self {
            OidcError::Unverified => Notice::OidcUnverified,
            _ => Notice::OidcFailed,
        }
    }
}

/// The provider, discovered on first use (Plaza starts when it is down).
pub struct OidcProvider {
    config: OidcConfig,
    redirect: RedirectUrl,
    /// The discovery document (with the signing keys) and when it was read.
    metadata: RwLock<Option<(CoreProviderMetadata, std::time::Instant)>>,
    http: openidconnect::reqwest::Client,
}

/// Where to send the browser, and the cookie that binds the sign-in to it.
pub struct Started {
    /// The provider's authorization URL.
    pub url: String,
    /// The browser secret for the `plaza_oidc` cookie.
    pub browser_secret: String,
}

impl OidcProvider {
    /// The provider of `config`; `public_url` gives the callback address.
    pub fn new(config: OidcConfig, public_url: &str) -> anyhow::Result<Self> {
        let redirect = RedirectUrl::new(format!("{public_url}/account/oidc/callback"))?;
        let http = openidconnect::reqwest::ClientBuilder::new()
            // The provider's answers are read as they are; never followed.
            .redirect(openidconnect::reqwest::redirect::Policy::none())
            .timeout(std::time::Duration::from_secs(10))
            .build()?;
        Ok(OidcProvider {
            config,
            redirect,
            metadata: RwLock::new(None),
            http,
        })
    }

    /// The provider's name on the sign-in button.
    pub fn name(&self) -> &str {
        &self.config.name
    }

    /// The discovery document, read again after an hour (or when `fresh`),
    /// so that the provider's new signing keys are picked up.
    async fn metadata(&self, fresh: bool) -> Result<CoreProviderMetadata, OidcError> {
        if !fresh
            && let Some((metadata, read)) = self.metadata.read().await.as_ref()
            && read.elapsed() < std::time::Duration::from_secs(3600)
        {
            return Ok(metadata.clone());
        }
        let issuer = IssuerUrl::new(self.config.issuer.clone())
            .map_err(|e| OidcError::Discovery(e.to_string()))?;
        let metadata = CoreProviderMetadata::discover_async(issuer, &self.http)
            .await
            .map_err(|e| OidcError::Discovery(error_chain(&e)))?;
        *self.metadata.write().await = Some((metadata.clone(), std::time::Instant::now()));
        Ok(metadata)
    }

    fn client(
        &self,
        metadata: CoreProviderMetadata,
    ) -> openidconnect::core::CoreClient<
        openidconnect::EndpointSet,
        openidconnect::EndpointNotSet,
        openidconnect::EndpointNotSet,
        openidconnect::EndpointNotSet,
        openidconnect::EndpointMaybeSet,
        openidconnect::EndpointMaybeSet,
    > {
        CoreClient::from_provider_metadata(
            metadata,
            ClientId::new(self.config.client_id.clone()),
            Some(ClientSecret::new(self.config.client_secret.clone())),
        )
        .set_redirect_uri(self.redirect.clone())
    }

    /// The origin of the authorization endpoint (for the CSP's
    /// `form-action`), once discovered.
    pub async fn authorization_origin(&self) -> Option<String> {
        let metadata = self.metadata(false).await.ok()?;
        let url = metadata.authorization_endpoint().url();
        Some(url.origin().ascii_serialization())
    }

    /// Starts a sign-in that comes back to `next`.
    pub async fn start(&self, sql: &SqlStore, next: &str) -> Result<Started, OidcError> {
        let client = self.client(self.metadata(false).await?);
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let (url, state, nonce) = client
            .authorize_url(
                AuthenticationFlow::<CoreResponseType>::AuthorizationCode,
                CsrfToken::new_random,
                Nonce::new_random,
            )
            .add_scope(Scope::new("email".into()))
            .add_scope(Scope::new("profile".into()))
            .set_pkce_challenge(challenge)
            .url();
        let browser_secret = random_secret();
        let db = &mut *sql.conn().await?;
        sqlx::query("DELETE FROM oidc_logins WHERE expires_at < $1")
            .bind(unix_now())
            .execute(&mut *db)
            .await?;
        sqlx::query(
            "INSERT INTO oidc_logins (state_hash, browser_hash, nonce, pkce_verifier, next_path, expires_at) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(sha256_hex(state.secret()))
        .bind(sha256_hex(&browser_secret))
        .bind(nonce.secret())
        .bind(verifier.secret())
        .bind(next)
        .bind(unix_now() + LOGIN_SECONDS)
        .execute(&mut *db)
        .await?;
        Ok(Started {
            url: url.to_string(),
            browser_secret,
        })
    }

    /// Finishes the sign-in that `state` names, started by the browser with
    /// `browser_secret`: returns the account id to sign in and where to go.
    pub async fn finish(
        &self,
        sql: &SqlStore,
        state: &str,
        browser_secret: Option<&str>,
        code: Result<&str, String>,
    ) -> Result<(AccountId, String), OidcError> {
        // The pending sign-in is used once, whatever happens next.
        let db = &mut *sql.conn().await?;
        let row = sqlx::query(
            "SELECT browser_hash, nonce, pkce_verifier, next_path, expires_at FROM oidc_logins WHERE state_hash = $1",
        )
        .bind(sha256_hex(state))
        .fetch_optional(&mut *db)
        .await?;
        sqlx::query("DELETE FROM oidc_logins WHERE state_hash = $1")
            .bind(sha256_hex(state))
            .execute(&mut *db)
            .await?;
        let Some(row) = row else {
            return Err(OidcError::UnknownState);
        };
        let same_browser =
            browser_secret.is_some_and(|secret| sha256_hex(secret) == row.get::<String, _>(0));
        if !same_browser || row.get::<i64, _>(4) < unix_now() {
            return Err(OidcError::UnknownState);
        }
        let code = code.map_err(OidcError::Refused)?;
        let nonce = Nonce::new(row.get(1));
        let verifier = PkceCodeVerifier::new(row.get(2));
        let next: String = row.get(3);
        let client = self.client(self.metadata(false).await?);
        let tokens = client
            .exchange_code(AuthorizationCode::new(code.to_owned()))
            .map_err(|e| OidcError::Exchange(e.to_string()))?
            .set_pkce_verifier(verifier)
            .request_async(&self.http)
            .await
            .map_err(|e| OidcError::Exchange(error_chain(&e)))?;
        let id_token = tokens
            .id_token()
            .ok_or_else(|| OidcError::IdToken("the provider sent no ID token".into()))?;
        let claims = match id_token.claims(&client.id_token_verifier(), &nonce) {
            Ok(claims) => claims.clone(),
            Err(first) => {
                // Perhaps the provider rotated its keys: read them again, once.
                tracing::info!(
                    "ID token did not verify ({first}); reading the provider's keys again"
                );
                let fresh = self.client(self.metadata(true).await?);
                id_token
                    .claims(&fresh.id_token_verifier(), &nonce)
                    .map_err(|e| OidcError::IdToken(error_chain(&e)))?
                    .clone()
            }
        };
        let identity = Identity {
            issuer: claims.issuer().to_string(),
            subject: claims.subject().to_string(),
            email: claims
                .email()
                .filter(|_| claims.email_verified() == Some(true))
                .map(|e| e.to_string()),
            name: claims
                .preferred_username()
                .map(|u| u.to_string())
                .or_else(|| {
                    claims
                        .name()
                        .and_then(|n| n.get(None))
                        .map(|n| n.to_string())
                }),
        };
        // Linking or creating the account is one change.
        let mut tx = sql.begin().await?;
        let account = account_for(&mut tx, &identity).await?;
        tx.commit().await?;
        Ok((account, next))
    }
}

/// What the provider vouched for.
#[derive(Debug, Clone)]
pub struct Identity {
    /// The issuer.
    pub issuer: String,
    /// The subject at the issuer.
    pub subject: String,
    /// The email, when the provider says it is verified.
    pub email: Option<String>,
    /// A name to start the pseudonym from.
    pub name: Option<String>,
}

/// The account of `identity`: the linked one; else the one with its
/// verified email (linked now; a password set by someone who never proved
/// the email is removed, and its sessions end); else a new one.
pub async fn account_for(
    db: &mut AnyConnection,
    identity: &Identity,
) -> Result<AccountId, OidcError> {
    let linked =
        sqlx::query("SELECT account_id FROM oidc_identities WHERE issuer = $1 AND subject = $2")
            .bind(&identity.issuer)
            .bind(&identity.subject)
            .fetch_optional(&mut *db)
            .await?;
    if let Some(row) = linked {
        return Ok(AccountId::from_stored(row.get::<String, _>(0)));
    }
    let Some(email) = &identity.email else {
        return Err(OidcError::Unverified);
    };
    let account = match account_by_email(db, email).await? {
        Some(existing) if !existing.deleted => {
            if !existing.email_verified {
                // Someone may have signed up with this email without owning
                // it: their password and sessions go.
                remove_password(db, &existing.id).await?;
                end_account_sessions(db, &existing.id).await?;
            }
            mark_email_verified(db, &existing.id).await?;
            existing.id
        }
        _ => create_with_free_pseudonym(db, email, identity.name.as_deref()).await?,
    };
    sqlx::query(
        "INSERT INTO oidc_identities (issuer, subject, account_id, created_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(&identity.issuer)
    .bind(&identity.subject)
    .bind(account.as_str())
    .bind(Timestamp::now().as_str())
    .execute(&mut *db)
    .await?;
    Ok(account)
}

async fn create_with_free_pseudonym(
    db: &mut AnyConnection,
    email: &str,
    name: Option<&str>,
) -> Result<AccountId, OidcError> {
    use crate::auth::accounts::AccountError;
    let base: String = name
        .unwrap_or("participant")
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, ' ' | '.' | '-' | '_'))
        .take(30)
        .collect();
    let base = if crate::auth::accounts::normalise_pseudonym(&base).is_ok() {
        base
    } else {
        "participant".to_owned()
    };
    for attempt in 0..20 {
        let pseudonym = if attempt == 0 {
            base.clone()
        } else {
            format!("{base} {}", 1000 + random_number() % 9000)
        };
        let made = create_account(
            db,
            NewAccount {
                email,
                password: None,
                pseudonym: &pseudonym,
                email_verified: true,
            },
        )
        .await;
        match made {
            Ok(account) => return Ok(account.id),
            Err(AccountError::PseudonymTaken(_)) => continue,
            Err(other) => return Err(other.into()),
        }
    }
    Err(AccountError::PseudonymTaken(base).into())
}

fn random_number() -> u32 {
    let mut bytes = [0u8; 4];
    getrandom::fill(&mut bytes).expect("the operating system gives randomness");
    u32::from_le_bytes(bytes)
}

fn error_chain(err: &dyn std::error::Error) -> String {
    let mut text = err.to_string();
    let mut source = err.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

/// Provider links as personal data: which provider and subject sign the
/// account in; erased with the account.
pub const PERSONAL_DATA: PersonalData = PersonalData {
    key: "sign_in_providers",
    table: "oidc_identities",
    columns: &["account_id", "subject"],
    export: Export::Rows {
        query: "SELECT issuer, subject, created_at FROM oidc_identities WHERE account_id = $1 ORDER BY created_at",
        row: |r| json!({ "issuer": r.get::<String, _>(0), "subject": r.get::<String, _>(1), "linked": r.get::<String, _>(2) }),
    },
    erase: Erase::Statement("DELETE FROM oidc_identities WHERE account_id = $1"),
};

/// The issuers the account signs in with, first linked first.
pub async fn issuers_of(
    db: &mut AnyConnection,
    id: &AccountId,
) -> Result<Vec<String>, sqlx::Error> {
    let rows =
        sqlx::query("SELECT issuer FROM oidc_identities WHERE account_id = $1 ORDER BY created_at")
            .bind(id.as_str())
            .fetch_all(&mut *db)
            .await?;
    Ok(rows.iter().map(|row| row.get(0)).collect())
}
