//! The embedded RDF store (Oxigraph on RocksDB). Oxigraph is synchronous, so
//! every call runs on tokio's blocking pool, never on the async runtime.

use std::io::Write;
use std::path::PathBuf;

use oxigraph::io::RdfFormat;
use oxigraph::store::Store;

/// What can fail in the RDF store.
#[derive(Debug, thiserror::Error)]
pub enum RdfStoreError {
    /// Another process holds the store's lock.
    #[error(
        "The RDF store at {path} is locked by another process. Stop the other plaza \
         process that uses this data directory, or point PLAZA_DATA_DIR elsewhere."
    )]
    Locked {
        /// The store directory.
        path: String,
    },
    /// The store exists but cannot be opened.
    #[error(
        "Could not open the RDF store at {path}: {reason}. If the directory is damaged, move it \
         away and restore the catalog from a backup made with `plaza export`."
    )]
    Open {
        /// The store directory.
        path: String,
        /// Oxigraph's explanation.
        reason: String,
    },
    /// Reading or writing the store failed.
    #[error("RDF store operation failed: {0}")]
    Storage(#[from] oxigraph::store::StorageError),
    /// RDF given to the store does not parse.
    #[error("The RDF to load is not valid: {0}")]
    Parse(String),
    /// A query Plaza sent to the store failed.
    #[error("RDF store query failed: {0}")]
    Query(String),
    /// Writing an export failed.
    #[error("Could not write the export: {0}")]
    Io(#[from] std::io::Error),
    /// The blocking task was cancelled or panicked.
    #[error("RDF store task failed: {0}")]
    Task(#[from] tokio::task::JoinError),
}

/// A handle on the Oxigraph store; cheap to clone.
#[derive(Clone)]
pub struct RdfStore {
    store: Store,
}

impl RdfStore {
    /// Opens (creating if needed) the store at `path` for reading and writing.
    pub async fn open(path: PathBuf) -> Result<Self, RdfStoreError> {
        tokio::task::spawn_blocking(move || {
            Store::open(&path)
                .map(|store| RdfStore { store })
                .map_err(|err| open_error(&path, err))
        })
        .await?
    }

    /// Opens an existing store read-only; works while a server holds the lock.
    pub async fn open_read_only(path: PathBuf) -> Result<Self, RdfStoreError> {
        tokio::task::spawn_blocking(move || {
            if !path.join("CURRENT").exists() {
                return Err(RdfStoreError::Open {
                    path: path.display().to_string(),
                    reason: "there is no RDF store there".into(),
                });
            }
            // A running server may be replacing files (a bulk load, a
            // compaction) while the manifest is read: try again briefly.
            let mut attempt = 0;
            loop {
                match Store::open_read_only(&path) {
                    Ok(store) => return Ok(RdfStore { store }),
                    Err(err) if attempt < 5 && err.to_string().contains("No such file") => {
                        attempt += 1;
                        std::thread::sleep(std::time::Duration::from_millis(200));
                    }
                    Err(err) => return Err(open_error(&path, err)),
                }
            }
        })
        .await?
    }

    /// Runs `work` with the store on the blocking pool.
    pub async fn run<T, E>(
        &self,
        work: impl FnOnce(&Store) -> Result<T, E> + Send + 'static,
    ) -> Result<T, RdfStoreError>
    where
        T: Send + 'static,
        E: Into<RdfStoreError> + Send + 'static,
    {
        let store = self.store.clone();
        tokio::task::spawn_blocking(move || work(&store).map_err(Into::into)).await?
    }

    /// Whether the store holds no quad at all.
    pub async fn is_empty(&self) -> Result<bool, RdfStoreError> {
        self.run(|store| store.is_empty()).await
    }

    /// Number of quads (scans the store: for metrics and tests, not hot paths).
    pub async fn quad_count(&self) -> Result<usize, RdfStoreError> {
        self.run(|store| store.len()).await
    }

    /// Writes every quad as N-Quads to `writer`.
    pub async fn export_nquads<W: Write + Send + 'static>(
        &self,
        writer: W,
    ) -> Result<W, RdfStoreError> {
        self.run(move |store| -> Result<W, RdfStoreError> {
            let writer = store
                .dump_to_writer(
                    oxigraph::io::RdfSerializer::from_format(RdfFormat::NQuads),
                    writer,
                )
                .map_err(|e| RdfStoreError::Io(e.into()))?;
            Ok(writer)
        })
        .await
    }

    /// Flushes RocksDB's buffers to disk; the lock is released when the
    /// last handle is dropped.
    pub async fn close(self) {
        let _ = self.run(|store| store.flush()).await;
    }
}

fn open_error(path: &std::path::Path, err: oxigraph::store::StorageError) -> RdfStoreError {
    let reason = err.to_string();
    let path = path.display().to_string();
    if reason.contains("lock") || reason.contains("LOCK") {
        RdfStoreError::Locked { path }
    } else {
        RdfStoreError::Open { path, reason }
    }
}
