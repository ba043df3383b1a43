//! The SQL store through sqlx's `Any` driver: one code path for SQLite and
//! PostgreSQL, with the migrations embedded in the binary.

use sqlx::any::{AnyPoolOptions, install_default_drivers};
use sqlx::pool::PoolConnection;
use sqlx::{Any, AnyPool, Row, Transaction};

/// Which database engine is behind the pool.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SqlBackend {
    /// Embedded SQLite file.
    Sqlite,
    /// PostgreSQL server.
    Postgres,
}

/// What can fail in the SQL store.
#[derive(Debug, thiserror::Error)]
pub enum SqlStoreError {
    /// The database cannot be reached or opened.
    #[error("Could not open the SQL database {url}: {source}")]
    Connect {
        /// The URL, without password.
        url: String,
        /// The driver's error.
        source: sqlx::Error,
    },
    /// The schema could not be brought up to date.
    #[error("Could not migrate the SQL database: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    /// A query failed.
    #[error("SQL query failed: {0}")]
    Query(#[from] sqlx::Error),
}

/// A pool of connections to Plaza's SQL database.
#[derive(Clone)]
pub struct SqlStore {
    pool: AnyPool,
    backend: SqlBackend,
}

impl SqlStore {
    /// Connects to `url` (`sqlite:…` creates the file if missing).
    pub async fn connect(url: &str) -> Result<Self, SqlStoreError> {
        install_default_drivers();
        let backend = if url.starts_with("sqlite:") {
            SqlBackend::Sqlite
        } else {
            SqlBackend::Postgres
        };
        let url_with_mode = match backend {
            SqlBackend::Sqlite if !url.contains("mode=") => {
                let sep = if url.contains('?') { '&' } else { '?' };
                format!("{url}{sep}mode=rwc")
            }
            _ => url.to_owned(),
        };
        let pool = AnyPoolOptions::new()
            .max_connections(if backend == SqlBackend::Sqlite { 4 } else { 10 })
            .acquire_timeout(std::time::Duration::from_secs(5))
            .connect(&url_with_mode)
            .await
            .map_err(|source| SqlStoreError::Connect {
                url: redact(url),
                source,
            })?;
        Ok(SqlStore { pool, backend })
    }

    /// The connection pool, for the query functions of each module.
    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// A connection from the pool, for one or more query functions (each
    /// takes `&mut AnyConnection`).
    pub async fn conn(&self) -> Result<PoolConnection<Any>, sqlx::Error> {
        self.pool.acquire().await
    }

    /// A transaction: query functions called with it commit together or
    /// not at all (dropped without `commit`, it rolls back). On SQLite it
    /// takes the write lock at once (`BEGIN IMMEDIATE`, waiting like any
    /// other write): a transaction that reads and then writes would
    /// otherwise fail with "database is locked" when another connection
    /// writes between the two, instead of waiting its turn.
    pub async fn begin(&self) -> Result<Transaction<'static, Any>, sqlx::Error> {
        match self.backend {
            SqlBackend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await,
            SqlBackend::Postgres => self.pool.begin().await,
        }
    }

    /// The engine in use.
    pub fn backend(&self) -> SqlBackend {
        self.backend
    }

    /// Applies the embedded migrations that have not run yet.
    pub async fn migrate(&self) -> Result<(), SqlStoreError> {
        sqlx::migrate!("./migrations").run(&self.pool).await?;
        Ok(())
    }

    /// Answers when the database answers a trivial query.
    pub async fn ping(&self) -> Result<(), SqlStoreError> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    /// Size of the database in bytes, for the metrics endpoint.
    pub async fn size_bytes(&self) -> Result<i64, SqlStoreError> {
        let query = match self.backend {
            SqlBackend::Sqlite => {
                "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()"
            }
            SqlBackend::Postgres => "SELECT pg_database_size(current_database())",
        };
        let row = sqlx::query(query).fetch_one(&self.pool).await?;
        Ok(row.get::<i64, _>(0))
    }

    /// Closes every connection; waits for those in use to be returned.
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// The current UTC time as RFC 3339, without a date crate.
pub fn now_rfc3339() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or_default();
    let days = secs / 86_400;
    let (y, m, d) = civil_from_days(days as i64);
    let rem = secs % 86_400;
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        (rem % 3600) / 60,
        rem % 60
    )
}

/// Days since 1970-01-01 to a proleptic Gregorian date (H. Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// Removes the password from a database URL before it is shown or logged.
fn redact(url: &str) -> String {
    match (url.find("://"), url.find('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            let credentials = &url[scheme_end + 3..at];
            match credentials.find(':') {
                Some(colon) => format!(
                    "{}{}:***{}",
                    &url[..scheme_end + 3],
                    &credentials[..colon],
                    &url[at..]
                ),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_are_redacted_from_urls() {
        assert_eq!(
            redact("postgres://plaza:secret@db:5432/plaza"),
            "postgres://plaza:***@db:5432/plaza"
        );
        assert_eq!(
            redact("sqlite://./data/plaza.db"),
            "sqlite://./data/plaza.db"
        );
    }

    #[test]
    fn dates_are_computed_from_unix_days() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(20_417), (2025, 11, 25));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
    }
}
