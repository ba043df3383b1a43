//! Citations as pages show them: each cited record as the catalog knows it
//! now (title, publisher, kind, quality), and what became of it since it
//! was cited, from the search index (current records) and the history
//! (records that were there once).

use app::consult::{Citation, CitationState};
use sqlx::AnyConnection;

use crate::consult::citations::Cited;
use crate::search::SearchIndex;

/// The pages' view of `cited`, titles in `lang`.
pub async fn citations(
    db: &mut AnyConnection,
    search: &SearchIndex,
    lang: &str,
    cited: Vec<Cited>,
) -> Result<Vec<Citation>, String> {
    if cited.is_empty() {
        return Ok(Vec::new());
    }
    let found = search
        .documents_by_iri(cited.iter().map(|c| c.iri.clone()).collect())
        .await
        .map_err(|e| e.to_string())?;
    let mut views = Vec::with_capacity(cited.len());
    for citation in cited {
        let view = match found.iter().find(|d| d.iri == citation.iri) {
            Some(doc) => {
                let summary = crate::search::reader::summary(doc, lang);
                Citation {
                    iri: citation.iri,
                    page: Some(summary.page),
                    title: summary.title,
                    publisher: summary.publisher,
                    kind: Some(summary.kind),
                    quality_points: Some(doc.quality_points),
                    quality_max: Some(doc.quality_max).filter(|m| *m > 0),
                    cited_version: citation.version,
                    state: if doc.version > citation.version {
                        CitationState::UpdatedSince {
                            version: doc.version,
                        }
                    } else {
                        CitationState::Current
                    },
                }
            }
            None => {
                let versions =
                    crate::catalog::history::list_versions(&mut *db, &citation.iri, i64::MAX)
                        .await
                        .map_err(|e| e.to_string())?;
                Citation {
                    title: citation.iri.clone(),
                    page: (!versions.is_empty()).then(|| citation.iri.clone()),
                    iri: citation.iri,
                    publisher: None,
                    kind: None,
                    quality_points: None,
                    quality_max: None,
                    cited_version: citation.version,
                    state: if versions.is_empty() {
                        CitationState::Unknown
                    } else {
                        CitationState::Deleted
                    },
                }
            }
        };
        views.push(view);
    }
    Ok(views)
}
