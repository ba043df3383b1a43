//! The daily digest by email, for people who ask for it (off by default;
//! offered only when the city's mail server is set): the table
//! `notify_digests` (a row: yes), the task that sends what is due, and the
//! signed unsubscribe link that works without signing in.

use std::time::Duration;

use hmac::{Hmac, Mac};
use serde_json::json;
use sha2::Sha256;
use sqlx::{AnyConnection, Row};

use crate::auth::AccountId;
use crate::auth::personal_data::{Erase, Export, PersonalData};
use crate::mail::Mailer;
use crate::notify::inbox::{self, Stored};
use crate::store::settings::{self, SettingName};
use crate::store::{SqlStore, Timestamp};

/// The key unsubscribe links are signed with: drawn on first use, shared
/// by every instance through the database.
const SIGNING_KEY: SettingName = SettingName::new("notify_signing_key");

/// The most notifications one digest lists.
const DIGEST_ITEMS: u32 = 50;

/// A day, in seconds.
const DAY: u64 = 24 * 60 * 60;

/// `account` gets the digest from now on.
pub async fn enable(db: &mut AnyConnection, account: &AccountId) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO notify_digests (account_id, created_at) VALUES ($1, $2) \
         ON CONFLICT DO NOTHING",
    )
    .bind(account.as_str())
    .bind(Timestamp::now().as_str())
    .execute(&mut *db)
    .await?;
    Ok(())
}

/// `account` no longer gets the digest.
pub async fn disable(db: &mut AnyConnection, account: &AccountId) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM notify_digests WHERE account_id = $1")
        .bind(account.as_str())
        .execute(&mut *db)
        .await?;
    Ok(())
}

/// Whether `account` gets the digest.
pub async fn enabled(db: &mut AnyConnection, account: &AccountId) -> Result<bool, sqlx::Error> {
    let row = sqlx::query("SELECT 1 FROM notify_digests WHERE account_id = $1")
        .bind(account.as_str())
        .fetch_optional(&mut *db)
        .await?;
    Ok(row.is_some())
}

async fn signing_key(db: &mut AnyConnection) -> Result<Vec<u8>, sqlx::Error> {
    if settings::get(db, SIGNING_KEY).await?.is_none() {
        // Two instances may both draw one: the first written wins.
        sqlx::query(
            "INSERT INTO plaza_settings (name, value, updated_at) VALUES ($1, $2, $3) \
             ON CONFLICT (name) DO NOTHING",
        )
        .bind(SIGNING_KEY.as_str())
        .bind(crate::auth::random_secret())
        .bind(Timestamp::now().as_str())
        .execute(&mut *db)
        .await?;
    }
    let key = settings::get(db, SIGNING_KEY).await?.unwrap_or_default();
    Ok(key.into_bytes())
}

fn mac(key: &[u8], account: &AccountId) -> Hmac<Sha256> {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes a key of any length");
    mac.update(b"unsubscribe:");
    mac.update(account.as_str().as_bytes());
    mac
}

/// The signature in `account`'s unsubscribe link.
pub async fn signature(db: &mut AnyConnection, account: &AccountId) -> Result<String, sqlx::Error> {
    let key = signing_key(db).await?;
    Ok(hex::encode(mac(&key, account).finalize().into_bytes()))
}

/// Whether `signature` is `account`'s (compared in constant time).
pub async fn signed(
    db: &mut AnyConnection,
    account: &AccountId,
    signature: &str,
) -> Result<bool, sqlx::Error> {
    let Ok(bytes) = hex::decode(signature.trim()) else {
        return Ok(false);
    };
    let key = signing_key(db).await?;
    Ok(mac(&key, account).verify_slice(&bytes).is_ok())
}

/// The address of `account`'s unsubscribe page under `base`.
pub async fn unsubscribe_url(
    db: &mut AnyConnection,
    base: &str,
    account: &AccountId,
) -> Result<String, sqlx::Error> {
    let signature = signature(db, account).await?;
    Ok(format!(
        "{base}/notifications/unsubscribe?account={}&signature={signature}",
        account.as_str()
    ))
}

/// The people whose digest is due at `now`: last sent a day ago or never
/// (then since is empty: every unread notification is new to the mail).
async fn due(db: &mut AnyConnection, now: u64) -> Result<Vec<(AccountId, String)>, sqlx::Error> {
    let day_ago = Timestamp::from_unix(now.saturating_sub(DAY));
    let rows = sqlx::query(
        "SELECT account_id, COALESCE(last_sent_at, '') FROM notify_digests \
         WHERE last_sent_at IS NULL OR last_sent_at <= $1",
    )
    .bind(day_ago.as_str())
    .fetch_all(&mut *db)
    .await?;
    Ok(rows
        .iter()
        .map(|r| (AccountId::from_stored(r.get::<String, _>(0)), r.get(1)))
        .collect())
}

/// Claims `account`'s digest whose last one was sent at `since`; `false`
/// if another instance claimed it first.
async fn claim(
    db: &mut AnyConnection,
    account: &AccountId,
    since: &str,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE notify_digests SET last_sent_at = $1 WHERE account_id = $2 \
         AND COALESCE(last_sent_at, '') = $3",
    )
    .bind(Timestamp::now().as_str())
    .bind(account.as_str())
    .bind(since)
    .execute(&mut *db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// One line of the digest, in English (mail has no reader's language yet).
fn line(base: &str, item: &Stored) -> String {
    use app::account::NotificationEvent as E;
    let what = match item.proposal_title.as_deref() {
        Some(title) => format!("“{title}”"),
        None if item.number > 0 => "a proposal".to_owned(),
        None => format!("“{}”", item.process_title),
    };
    let sentence = match item.event {
        E::NewProposal => format!("New proposal {what} in “{}”", item.process_title),
        E::Comment => format!("New comment on {what}"),
        E::Reply => format!("Someone replied to your comment on {what}"),
        E::Answered(state) => format!("Official answer to {what}: {}", state.code()),
        E::Hidden => format!("Moderators hid your contribution on {what}"),
        E::Unhidden => format!("Moderators showed your contribution on {what} again"),
        E::ReportsDismissed => format!("Reports on your contribution on {what} were dismissed"),
        E::PhaseStarted(kind) => {
            format!("“{}” entered its {} phase", item.process_title, kind.code())
        }
        E::SeatGiven => format!(
            "A seat became free at a meeting of “{}”: it is yours",
            item.process_title
        ),
    };
    format!("- {sentence}\n  {base}{}", super::href(item))
}

/// The digest's text for `items`.
fn body(base: &str, items: &[Stored], unsubscribe: &str) -> String {
    let mut text = String::from("What happened in the consultations you follow:\n\n");
    for item in items {
        text.push_str(&line(base, item));
        text.push('\n');
    }
    text.push_str(&format!(
        "\nAll your notifications: {base}/notifications\n\
         You receive this daily digest because you asked for it on your account page.\n\
         Stop it (no sign-in needed): {unsubscribe}\n"
    ));
    text
}

/// Sends every digest that is due and has something new; how many went.
pub async fn send_due(sql: &SqlStore, mailer: &Mailer, base: &str) -> Result<usize, sqlx::Error> {
    let now = Timestamp::now().unix_seconds().unwrap_or_default();
    let mut sent = 0;
    for (account, since) in due(&mut *sql.conn().await?, now).await? {
        let mut db = sql.conn().await?;
        let items = inbox::unread_since(&mut db, &account, &since, DIGEST_ITEMS).await?;
        let person = crate::auth::accounts::account(&mut db, &account).await?;
        let Some(email) = person.filter(|p| !p.deleted).and_then(|p| p.email) else {
            continue;
        };
        if items.is_empty() || !claim(&mut db, &account, &since).await? {
            continue;
        }
        let unsubscribe = unsubscribe_url(&mut db, base, &account).await?;
        drop(db);
        let subject = format!("Plaza: {} new notifications", items.len());
        if mailer
            .send(&email, &subject, &body(base, &items, &unsubscribe))
            .await
            .is_ok()
        {
            sent += 1;
        }
    }
    Ok(sent)
}

/// Sends the digests that are due every hour, for as long as Plaza runs.
pub fn watch(sql: SqlStore, mailer: Mailer, base: String) {
    tokio::spawn(async move {
        let mut every_hour = tokio::time::interval(Duration::from_secs(60 * 60));
        loop {
            every_hour.tick().await;
            match send_due(&sql, &mailer, &base).await {
                Ok(0) => {}
                Ok(sent) => tracing::info!(sent, "daily digests sent"),
                Err(err) => tracing::warn!("sending daily digests failed: {err}"),
            }
        }
    });
}

/// Whether a person asked for the digest: exported; removed with them.
pub const PERSONAL_DATA: PersonalData = PersonalData {
    key: "daily_digest",
    table: "notify_digests",
    columns: &["account_id"],
    export: Export::Rows {
        query: "SELECT created_at, last_sent_at FROM notify_digests WHERE account_id = $1",
        row: |r| {
            json!({
                "asked": r.get::<String, _>(0),
                "last_sent": r.get::<Option<String>, _>(1),
            })
        },
    },
    erase: Erase::Statement("DELETE FROM notify_digests WHERE account_id = $1"),
};
