//! "Download my data": everything Plaza keeps that is tied to an account,
//! as one JSON document (GDPR articles 15 and 20).

use serde_json::{Value, json};
use sqlx::Row;

use crate::auth::Account;
use crate::auth::organisations::organisations_of;
use crate::store::{SqlStore, now_rfc3339};

/// The account's data.
pub async fn export(sql: &SqlStore, account: &Account) -> Result<Value, sqlx::Error> {
    let id = account.id.as_str();
    let organisations: Vec<Value> = organisations_of(sql, id)
        .await?
        .into_iter()
        .map(|o| json!({ "id": o.id, "name": o.name, "publisher": o.agent_iri }))
        .collect();
    let rows = |query: &'static str| async move {
        sqlx::query(query).bind(id).fetch_all(sql.pool()).await
    };
    let sessions: Vec<Value> = rows(
        "SELECT created_at, expires_at FROM sessions WHERE subject_kind = 'account' AND subject = $1 ORDER BY created_at",
    )
    .await?
    .iter()
    .map(|r| json!({ "started": r.get::<String, _>(0), "expires_unix": r.get::<i64, _>(1) }))
    .collect();
    let identities: Vec<Value> = rows(
        "SELECT issuer, subject, created_at FROM oidc_identities WHERE account_id = $1 ORDER BY created_at",
    )
    .await?
    .iter()
    .map(|r| json!({ "issuer": r.get::<String, _>(0), "subject": r.get::<String, _>(1), "linked": r.get::<String, _>(2) }))
    .collect();
    let resets: Vec<Value> = rows(
        "SELECT created_at, used_at FROM password_resets WHERE account_id = $1 ORDER BY created_at",
    )
    .await?
    .iter()
    .map(|r| json!({ "asked": r.get::<String, _>(0), "used": r.get::<Option<String>, _>(1) }))
    .collect();
    let tokens: Vec<Value> = rows(
        "SELECT name, organisation_id, created_at, last_used_at, revoked_at FROM api_tokens WHERE created_by = $1 ORDER BY created_at",
    )
    .await?
    .iter()
    .map(|r| {
        json!({
            "name": r.get::<String, _>(0),
            "organisation": r.get::<Option<String>, _>(1),
            "created": r.get::<String, _>(2),
            "last_used": r.get::<Option<String>, _>(3),
            "revoked": r.get::<Option<String>, _>(4),
        })
    })
    .collect();
    let drafts: Vec<Value> = rows(
        "SELECT id, created_at, form FROM record_drafts WHERE subject = $1 ORDER BY created_at",
    )
    .await?
    .iter()
    .map(|r| {
        let form: Value = serde_json::from_str(&r.get::<String, _>(2)).unwrap_or(Value::Null);
        json!({ "id": r.get::<String, _>(0), "created": r.get::<String, _>(1), "form": form })
    })
    .collect();
    let imports: Vec<Value> = rows(
        "SELECT id, created_at, file_name, mode, outcome FROM import_reports WHERE subject = $1 ORDER BY created_at",
    )
    .await?
    .iter()
    .map(|r| {
        json!({
            "id": r.get::<String, _>(0),
            "created": r.get::<String, _>(1),
            "file": r.get::<String, _>(2),
            "mode": r.get::<String, _>(3),
            "outcome": r.get::<String, _>(4),
        })
    })
    .collect();
    let actions: Vec<Value> =
        rows("SELECT at, action, target, detail FROM audit_log WHERE actor = $1 ORDER BY at")
            .await?
            .iter()
            .map(|r| {
                json!({
                    "at": r.get::<String, _>(0),
                    "action": r.get::<String, _>(1),
                    "target": r.get::<String, _>(2),
                    "detail": r.get::<String, _>(3),
                })
            })
            .collect();
    Ok(json!({
        "exported": now_rfc3339(),
        "about": "Everything Plaza keeps that is tied to your account. Public catalog records you published belong to your organisation and are not included; their history names no person.",
        "account": {
            "id": account.id,
            "email": account.email,
            "email_verified": account.email_verified,
            "signs_in_with_password": account.has_password,
            "pseudonym": account.pseudonym,
            "role": account.role.as_str(),
            "created": account.created_at,
        },
        "organisations": organisations,
        "sign_in_providers": identities,
        "sessions": sessions,
        "password_resets": resets,
        "api_tokens_created": tokens,
        "record_form_drafts": drafts,
        "import_reports": imports,
        "moderation_and_administration": actions,
    }))
}
