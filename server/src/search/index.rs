//! The embedded search index (tantivy, in `<data dir>/search`): derived
//! from the catalog store, written after every store write and rebuilt from
//! the store when missing, damaged or of an older schema.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use tantivy::directory::MmapDirectory;
use tantivy::schema::Value as _;
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

use crate::search::facets::paths_of;
use crate::search::schema::{Fields, SCHEMA_VERSION, analysers, schema, stemmed_language};
use crate::search::{SearchDocument, sort_keys};

/// The writer's memory budget (split among its threads).
const WRITER_MEMORY: usize = 100_000_000;
const VERSION_FILE: &str = "plaza-search-schema";

/// What can fail in the search index.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// The index files could not be read or written.
    #[error("The search index in {path} failed: {source}")]
    Index {
        /// The index folder.
        path: String,
        /// What tantivy said.
        source: tantivy::TantivyError,
    },
    /// A blocking task was cancelled or panicked.
    #[error("A search index task failed: {0}")]
    Task(String),
}

/// The search index, shared by the request handlers and the importer.
#[derive(Clone)]
pub struct SearchIndex {
    pub(crate) inner: Arc<Inner>,
}

pub(crate) struct Inner {
    pub(crate) path: PathBuf,
    pub(crate) index: Index,
    pub(crate) reader: IndexReader,
    pub(crate) writer: Mutex<IndexWriter>,
    pub(crate) fields: Fields,
    /// True when the index was created empty (new, damaged or outdated) and
    /// must be filled from the store.
    pub(crate) fresh: bool,
}

impl SearchIndex {
    /// Opens the index in `dir`, creating it when it is missing, and
    /// recreating it (empty) when it is damaged or of another schema.
    pub fn open(dir: &Path) -> Result<Self, SearchError> {
        let error = |source| SearchError::Index {
            path: dir.display().to_string(),
            source,
        };
        let (schema, fields) = schema();
        let version_file = dir.join(VERSION_FILE);
        let current = std::fs::read_to_string(&version_file)
            .ok()
            .and_then(|text| text.trim().parse::<u32>().ok())
            == Some(SCHEMA_VERSION);
        let opened = if current {
            MmapDirectory::open(dir)
                .map_err(tantivy::TantivyError::from)
                .and_then(|directory| Index::open_or_create(directory, schema.clone()))
                .ok()
        } else {
            None
        };
        let (index, fresh) = match opened {
            Some(index) => (index, false),
            None => {
                if dir.exists() {
                    tracing::warn!(path = %dir.display(), "search index outdated or damaged: rebuilding it from the catalog store");
                    let _ = std::fs::remove_dir_all(dir);
                }
                std::fs::create_dir_all(dir).map_err(|e| {
                    error(tantivy::TantivyError::from(
                        tantivy::directory::error::OpenDirectoryError::wrap_io_error(
                            e,
                            dir.to_owned(),
                        ),
                    ))
                })?;
                let directory = MmapDirectory::open(dir).map_err(|e| error(e.into()))?;
                let index = Index::create(directory, schema, Default::default()).map_err(error)?;
                std::fs::write(&version_file, SCHEMA_VERSION.to_string()).map_err(|e| {
                    error(tantivy::TantivyError::from(
                        tantivy::directory::error::OpenDirectoryError::wrap_io_error(
                            e,
                            dir.to_owned(),
                        ),
                    ))
                })?;
                (index, true)
            }
        };
        for (name, analyser) in analysers() {
            index.tokenizers().register(&name, analyser);
        }
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(error)?;
        let writer = index.writer(WRITER_MEMORY).map_err(error)?;
        let fresh = fresh || reader.searcher().num_docs() == 0;
        Ok(SearchIndex {
            inner: Arc::new(Inner {
                path: dir.to_owned(),
                index,
                reader,
                writer: Mutex::new(writer),
                fields,
                fresh,
            }),
        })
    }

    /// True when the index was created empty and should be filled.
    pub fn is_fresh(&self) -> bool {
        self.inner.fresh
    }

    /// Adds or replaces `documents` and deletes the records `deleted`, in
    /// one commit, then makes the change visible to searches.
    pub async fn write(
        &self,
        documents: Vec<SearchDocument>,
        deleted: Vec<String>,
    ) -> Result<(), SearchError> {
        let inner = self.inner.clone();
        run(move || inner.write(documents, deleted, false)).await
    }

    /// Replaces the whole index by `documents` (one commit).
    pub async fn replace_all(&self, documents: Vec<SearchDocument>) -> Result<(), SearchError> {
        let inner = self.inner.clone();
        run(move || inner.write(documents, Vec::new(), true)).await
    }

    /// Adds `documents` without making them visible; `clear_first` empties
    /// the index first. [`SearchIndex::commit`] ends the batch.
    pub async fn add_uncommitted(
        &self,
        documents: Vec<SearchDocument>,
        clear_first: bool,
    ) -> Result<(), SearchError> {
        let inner = self.inner.clone();
        run(move || {
            let writer = inner.lock_writer()?;
            if clear_first {
                writer.delete_all_documents().map_err(|e| inner.error(e))?;
            }
            for document in documents {
                writer
                    .add_document(inner.tantivy_document(&document))
                    .map_err(|e| inner.error(e))?;
            }
            Ok(())
        })
        .await
    }

    /// Commits what was added and makes it visible to searches.
    pub async fn commit(&self) -> Result<(), SearchError> {
        let inner = self.inner.clone();
        run(move || {
            inner.lock_writer()?.commit().map_err(|e| inner.error(e))?;
            inner.reader.reload().map_err(|e| inner.error(e))
        })
        .await
    }

    /// The version of every record in the index.
    pub async fn versions(&self) -> Result<HashMap<String, i64>, SearchError> {
        let inner = self.inner.clone();
        run(move || inner.versions()).await
    }

    /// How many records the index holds.
    pub fn len(&self) -> u64 {
        self.inner.reader.searcher().num_docs()
    }

    /// True when the index holds no record.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl Inner {
    pub(crate) fn error(&self, source: tantivy::TantivyError) -> SearchError {
        SearchError::Index {
            path: self.path.display().to_string(),
            source,
        }
    }

    fn lock_writer(&self) -> Result<std::sync::MutexGuard<'_, IndexWriter>, SearchError> {
        self.writer
            .lock()
            .map_err(|_| SearchError::Task("the index writer lock is poisoned".into()))
    }

    fn write(
        &self,
        documents: Vec<SearchDocument>,
        deleted: Vec<String>,
        replace_all: bool,
    ) -> Result<(), SearchError> {
        let mut writer = self.lock_writer()?;
        if replace_all {
            writer.delete_all_documents().map_err(|e| self.error(e))?;
        }
        for iri in deleted {
            writer.delete_term(Term::from_field_text(self.fields.iri, &iri));
        }
        for document in documents {
            writer.delete_term(Term::from_field_text(self.fields.iri, &document.iri));
            writer
                .add_document(self.tantivy_document(&document))
                .map_err(|e| self.error(e))?;
        }
        writer.commit().map_err(|e| self.error(e))?;
        drop(writer);
        self.reader.reload().map_err(|e| self.error(e))
    }

    fn tantivy_document(&self, document: &SearchDocument) -> TantivyDocument {
        let fields = &self.fields;
        let mut doc = TantivyDocument::default();
        doc.add_text(fields.iri, &document.iri);
        doc.add_i64(fields.version, document.version);
        doc.add_text(
            fields.document,
            serde_json::to_string(document).unwrap_or_default(),
        );
        doc.add_i64(fields.quality, document.quality_permille());
        for path in paths_of(document) {
            doc.add_facet(fields.facet, path);
        }
        let keys = sort_keys(document);
        doc.add_text(fields.sort_modified, &keys.modified);
        for (lang, field) in &fields.sort_title {
            let key = keys
                .titles
                .iter()
                .find(|(l, _)| l == lang)
                .map(|(_, key)| key.as_str())
                .unwrap_or_default();
            doc.add_text(*field, key);
        }
        let (plain, stemmed) = fields
            .texts
            .split_first()
            .expect("the plain fields come first");
        let titles = document.titles.iter().map(|t| (true, t));
        let others = document
            .descriptions
            .iter()
            .chain(&document.keywords)
            .chain(&document.publisher_names)
            .map(|t| (false, t));
        for (is_title, text) in titles.chain(others) {
            let pick = |pair: &crate::search::schema::TextFields| {
                if is_title { pair.title } else { pair.text }
            };
            doc.add_text(pick(&plain.1), &text.value);
            let language = text.lang.as_deref().and_then(stemmed_language);
            if let Some((_, pair)) = stemmed
                .iter()
                .find(|(l, _)| *l == language && language.is_some())
            {
                doc.add_text(pick(pair), &text.value);
            }
        }
        doc
    }

    fn versions(&self) -> Result<HashMap<String, i64>, SearchError> {
        let searcher = self.reader.searcher();
        let mut versions = HashMap::new();
        for segment in searcher.segment_readers() {
            let store = segment
                .get_store_reader(64)
                .map_err(|e| self.error(e.into()))?;
            let alive = segment.alive_bitset();
            for doc_id in 0..segment.max_doc() {
                if alive.is_some_and(|bits| !bits.is_alive(doc_id)) {
                    continue;
                }
                let doc: TantivyDocument = store.get(doc_id).map_err(|e| self.error(e))?;
                if let Some(iri) = doc.get_first(self.fields.iri).and_then(|v| v.as_str()) {
                    let version = segment
                        .fast_fields()
                        .i64("version")
                        .ok()
                        .and_then(|column| column.first(doc_id))
                        .unwrap_or(0);
                    versions.insert(iri.to_owned(), version);
                }
            }
        }
        Ok(versions)
    }
}

/// Runs blocking index work off the async runtime.
pub(crate) async fn run<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, SearchError> + Send + 'static,
) -> Result<T, SearchError> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| SearchError::Task(e.to_string()))?
}
