//! What the account, administration and token pages show
//! (`app::account::Accounts`), read from the SQL store for the person the
//! request's session belongs to.

use app::account::Accounts;
use app::account::{
    AccountRow, AdminView, AuditRow, OrganisationRow, OrganisationView, ResetLink, SignInOptions,
    TokenRow, TokensView, Viewer,
};
use app::services::{ServiceError, ServiceFuture};

use crate::auth::organisations::{list_organisations, members_of, organisations_of};
use crate::auth::resets::{ResetError, check_reset};
use crate::auth::{
    Caller, Organisation, Permission, accounts, audit, caller_of_session, decide,
    organisation_tokens, reveals,
};
use crate::store::SqlStore;

/// The account pages' service.
#[derive(Clone)]
pub struct AccountPages {
    sql: SqlStore,
    https: bool,
    provider: Option<String>,
}

impl AccountPages {
    /// The service over `sql`; `https` says which cookie name is in use,
    /// `provider` is the OpenID Connect provider's name if one is set.
    pub fn new(sql: SqlStore, https: bool, provider: Option<String>) -> Self {
        AccountPages {
            sql,
            https,
            provider,
        }
    }

    async fn caller(&self, headers: &http::HeaderMap) -> Result<Caller, ServiceError> {
        caller_of_session(&self.sql, headers, self.https)
            .await
            .map_err(unavailable)
    }

    async fn db(&self) -> Result<sqlx::pool::PoolConnection<sqlx::Any>, ServiceError> {
        self.sql.conn().await.map_err(unavailable)
    }
}

fn unavailable(err: impl std::fmt::Display) -> ServiceError {
    ServiceError::Unavailable(err.to_string())
}

fn view(org: &Organisation) -> OrganisationView {
    OrganisationView {
        id: org.id.to_string(),
        name: org.name.clone(),
        agent_iri: org.agent_iri.clone(),
    }
}

impl Accounts for AccountPages {
    fn viewer(&self, headers: http::HeaderMap) -> ServiceFuture<'_, Option<Viewer>> {
        Box::pin(async move {
            let Caller::Person(person) = self.caller(&headers).await? else {
                return Ok(None);
            };
            let providers =
                crate::auth::oidc::issuers_of(&mut *self.db().await?, &person.account.id)
                    .await
                    .map_err(unavailable)?;
            Ok(Some(Viewer {
                pseudonym: person.account.pseudonym.clone(),
                email: person.account.email.clone().unwrap_or_default(),
                role: person.account.role.as_str().to_owned(),
                organisations: person.organisations.iter().map(view).collect(),
                has_password: person.account.has_password,
                providers,
                created_at: person.account.created_at.clone(),
            }))
        })
    }

    fn sign_in_options(&self) -> ServiceFuture<'_, SignInOptions> {
        Box::pin(async move {
            Ok(SignInOptions {
                provider: self.provider.clone(),
            })
        })
    }

    fn reset_link(&self, token: String) -> ServiceFuture<'_, ResetLink> {
        Box::pin(async move {
            Ok(match check_reset(&mut *self.db().await?, &token).await {
                Ok(_) => ResetLink::Valid,
                Err(ResetError::Expired) => ResetLink::Expired,
                Err(ResetError::Used) => ResetLink::Used,
                Err(ResetError::Sql(err)) => return Err(unavailable(err)),
                Err(_) => ResetLink::Unknown,
            })
        })
    }

    fn admin(&self, headers: http::HeaderMap) -> ServiceFuture<'_, AdminView> {
        Box::pin(async move {
            decide(&self.caller(&headers).await?, Permission::Administer)?;
            let db = &mut *self.db().await?;
            let everyone = accounts::list_accounts(db).await.map_err(unavailable)?;
            let mut rows = Vec::new();
            for account in &everyone {
                let organisations = organisations_of(db, &account.id)
                    .await
                    .map_err(unavailable)?;
                rows.push(AccountRow {
                    id: account.id.to_string(),
                    pseudonym: account.pseudonym.clone(),
                    email: account.email.clone().unwrap_or_default(),
                    role: account.role.as_str().to_owned(),
                    organisations: organisations.into_iter().map(|o| o.name).collect(),
                });
            }
            let mut organisations = Vec::new();
            for org in list_organisations(db).await.map_err(unavailable)? {
                let ids = members_of(db, &org.id).await.map_err(unavailable)?;
                let members = everyone
                    .iter()
                    .filter(|a| ids.contains(&a.id))
                    .map(|a| (a.pseudonym.clone(), a.email.clone().unwrap_or_default()))
                    .collect();
                organisations.push(OrganisationRow {
                    organisation: view(&org),
                    members,
                });
            }
            Ok(AdminView {
                organisations,
                accounts: rows,
            })
        })
    }

    fn audit(&self, headers: http::HeaderMap) -> ServiceFuture<'_, Vec<AuditRow>> {
        Box::pin(async move {
            decide(&self.caller(&headers).await?, Permission::Administer)?;
            let entries = audit::entries(&mut *self.db().await?, 500)
                .await
                .map_err(unavailable)?;
            Ok(entries
                .into_iter()
                .map(|e| AuditRow {
                    at: e.at,
                    actor: e.actor,
                    action: e.action,
                    target: e.target,
                    detail: e.detail,
                })
                .collect())
        })
    }

    fn tokens(
        &self,
        headers: http::HeaderMap,
        reveal: Option<String>,
    ) -> ServiceFuture<'_, TokensView> {
        Box::pin(async move {
            let caller = self.caller(&headers).await?;
            let person = caller.person_who_may(Permission::Publish)?;
            let db = &mut *self.db().await?;
            let organisations = if caller.writes_everything() {
                list_organisations(db).await.map_err(unavailable)?
            } else {
                person.organisations.clone()
            };
            let mut listed = Vec::new();
            for org in &organisations {
                let tokens = organisation_tokens(db, &org.id)
                    .await
                    .map_err(unavailable)?
                    .into_iter()
                    .map(|t| TokenRow {
                        name: t.name,
                        hash: t.hash,
                        created_at: t.created_at,
                        last_used_at: t.last_used_at,
                        revoked_at: t.revoked_at,
                    })
                    .collect();
                listed.push((view(org), tokens));
            }
            let revealed = match reveal {
                Some(id) => reveals::take(db, &person.session_hash, &id)
                    .await
                    .map_err(unavailable)?,
                None => None,
            };
            Ok(TokensView {
                organisations: listed,
                revealed,
            })
        })
    }
}
