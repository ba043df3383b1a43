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
        let sqlite = backend == SqlBackend::Sqlite;
        let pool = AnyPoolOptions::new()
            .max_connections(if sqlite { 4 } else { 10 })
            .acquire_timeout(std::time::Duration::from_secs(5))
            .after_connect(move |conn, _meta| {
                Box::pin(async move {
                    if sqlite {
                        // Write-ahead log: readers never wait for the writer,
                        // and a commit syncs the disk once instead of four
                        // times (`make bench`: supports per second). NORMAL
                        // keeps every commit through a crash of Plaza; a
                        // power cut may lose the last ones, never corrupt.
                        sqlx::query("PRAGMA journal_mode = WAL")
                            .execute(&mut *conn)
                            .await?;
                        sqlx::query("PRAGMA synchronous = NORMAL")
                            .execute(&mut *conn)
                            .await?;
                    }
                    Ok(())
                })
            })
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
}
