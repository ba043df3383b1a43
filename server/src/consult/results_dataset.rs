//! A process's results as a DCAT-AP 3 dataset in the city's own catalog,
//! written through the catalog's importer in strict mode (so the DCAT-AP
//! 3.0.1 shapes must pass), like any publisher's record: searchable, in the
//! feed and SPARQL, harvestable. One distribution per open-data export
//! (CSV and JSON, with byte sizes), the organising organisation as
//! publisher, the process's dates and area as coverage, and
//! `prov:wasDerivedFrom` links to the records the process cited.
//!
//! The graph is a pure function of the results: published again (by the
//! clock, `watch`, and after a moderator's change) it is imported only when
//! its hash differs from the last one published, and the importer itself
//! keeps an unchanged record at its version.

use std::time::Duration;

use app::catalog::publish::ImportMode;
use app::consult::{ExportFormat, ExportKind, PhaseKind, export_path};
use oxigraph::io::RdfFormat;
use sha2::{Digest, Sha256};
use sqlx::AnyConnection;

use crate::auth::WriteScope;
use crate::catalog::Importer;
use crate::consult::exports::{self, Writer};
use crate::consult::processes::{self, Area, Process};
use crate::consult::{citations, results};
use crate::store::{SqlStore, Timestamp};

/// One publication at a time in this process: the clock's and a
/// moderator's would otherwise build and import the same record at once.
static PUBLISHING: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// CC BY 4.0, the licence of results unless configured (`results_licence`).
pub const DEFAULT_LICENCE: &str =
    "http://publications.europa.eu/resource/authority/licence/CC_BY_4_0";

/// What publishing did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Published {
    /// The process is not in its results phase yet.
    NotYet,
    /// The results did not change since they were last published.
    Unchanged,
    /// The dataset was imported (created or updated): its IRI.
    Imported(String),
}

/// Why publishing failed.
#[derive(Debug, thiserror::Error)]
pub enum PublishError {
    /// The database failed.
    #[error("reading the results failed: {0}")]
    Sql(#[from] sqlx::Error),
    /// The importer refused the record (a violation, a store failure).
    #[error("the catalog refused the results dataset: {0}")]
    Import(String),
}

/// The results dataset's IRI for process `slug`.
pub fn dataset_iri(base_iri: &str, slug: &str) -> String {
    format!("{base_iri}datasets/consultation-{slug}-results")
}

/// A Turtle string literal.
fn literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The area as a WKT polygon, or the place's IRI.
fn spatial(area: &Area) -> String {
    match (area, area.wkt()) {
        (Area::Place(iri), _) => format!("<{iri}>"),
        (_, wkt) => format!(
            "[ a dct:Location ; dcat:bbox {}^^<http://www.opengis.net/ont/geosparql#wktLiteral> ]",
            literal(&wkt.unwrap_or_default())
        ),
    }
}

/// What the dataset is built from.
pub struct Inputs<'a> {
    /// The process.
    pub process: &'a Process,
    /// The public address, without trailing slash.
    pub base_url: &'a str,
    /// The catalog's base IRI, with trailing slash.
    pub base_iri: &'a str,
    /// The publisher: its agent IRI and name.
    pub publisher: Option<(String, String)>,
    /// The licence IRI of the distributions.
    pub licence: &'a str,
    /// The records the process cites.
    pub evidence: Vec<String>,
    /// Each export's size in bytes.
    pub sizes: Vec<(ExportKind, ExportFormat, usize)>,
}

/// The dataset as Turtle.
pub fn turtle(inputs: &Inputs<'_>) -> String {
    let p = inputs.process;
    let iri = dataset_iri(inputs.base_iri, &p.slug);
    let page = format!("{}/consultations/{}/results", inputs.base_url, p.slug);
    let mut out = String::from(
        "@prefix dcat: <http://www.w3.org/ns/dcat#> .\n\
         @prefix dct: <http://purl.org/dc/terms/> .\n\
         @prefix foaf: <http://xmlns.com/foaf/0.1/> .\n\
         @prefix prov: <http://www.w3.org/ns/prov#> .\n\
         @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n\n",
    );
    if let Some((agent, name)) = &inputs.publisher {
        out.push_str(&format!(
            "<{agent}> a foaf:Agent , foaf:Organization ;\n  foaf:name {}@en .\n\n",
            literal(name)
        ));
    }
    if let Some(Area::Place(place)) = &p.area {
        out.push_str(&format!("<{place}> a dct:Location .\n\n"));
    }
    out.push_str(&format!("<{page}> a foaf:Document .\n\n"));
    out.push_str(&format!("<{iri}> a dcat:Dataset ;\n"));
    out.push_str(&format!(
        "  dct:identifier {} ;\n",
        literal(&format!("consultation-{}-results", p.slug))
    ));
    out.push_str(&format!(
        "  dct:title {}@en ;\n",
        literal(&format!("Results of the consultation “{}”", p.title))
    ));
    let description = format!(
        "{} What came out of this public consultation, as open data without personal data: \
         the proposals with their state, official answers, supports, comments and citations; \
         public comments; supports per proposal and day; survey results per question and \
         option; the meetings held; contributions per week.",
        p.summary.trim()
    );
    out.push_str(&format!(
        "  dct:description {}@en ;\n",
        literal(&description)
    ));
    out.push_str(
        "  dcat:theme <http://publications.europa.eu/resource/authority/data-theme/GOVE> ;\n",
    );
    out.push_str("  dcat:keyword \"public consultation\"@en , \"citizen participation\"@en ;\n");
    out.push_str(
        "  dct:accessRights <http://publications.europa.eu/resource/authority/access-right/PUBLIC> ;\n",
    );
    if let Some((agent, _)) = &inputs.publisher {
        out.push_str(&format!("  dct:publisher <{agent}> ;\n"));
    }
    let phases = p.timeline.phases();
    if let (Some(first), Some(last)) = (phases.first(), phases.last()) {
        out.push_str(&format!(
            "  dct:temporal [ a dct:PeriodOfTime ; dcat:startDate \"{}\"^^xsd:date ; \
             dcat:endDate \"{}\"^^xsd:date ] ;\n",
            &first.starts_at[..10],
            &last.ends_at[..10]
        ));
    }
    if let Some(area) = &p.area {
        out.push_str(&format!("  dct:spatial {} ;\n", spatial(area)));
    }
    for cited in &inputs.evidence {
        out.push_str(&format!("  prov:wasDerivedFrom <{cited}> ;\n"));
    }
    out.push_str(&format!("  dcat:landingPage <{page}> ;\n"));
    let distributions: Vec<String> = inputs
        .sizes
        .iter()
        .map(|(kind, format, _)| {
            format!(
                "<{iri}/distributions/{}-{}>",
                kind.code(),
                format.extension()
            )
        })
        .collect();
    out.push_str(&format!(
        "  dcat:distribution {} .\n",
        distributions.join(" , ")
    ));
    for ((kind, format, size), distribution) in inputs.sizes.iter().zip(&distributions) {
        let download = format!(
            "{}{}",
            inputs.base_url,
            export_path(&p.slug, *kind, *format)
        );
        let file_type = match format {
            ExportFormat::Csv => "CSV",
            ExportFormat::Json => "JSON",
        };
        out.push_str(&format!(
            "\n{distribution} a dcat:Distribution ;\n  dct:title {}@en ;\n  dct:description {}@en ;\n  \
             dcat:accessURL <{page}> ;\n  dcat:downloadURL <{download}> ;\n  \
             dcat:mediaType <http://www.iana.org/assignments/media-types/{}> ;\n  \
             dct:format <http://publications.europa.eu/resource/authority/file-type/{file_type}> ;\n  \
             dcat:byteSize \"{size}\"^^xsd:nonNegativeInteger ;\n  dct:license <{}> .\n",
            literal(&format!("{} ({file_type})", kind.code())),
            literal(&format!(
                "{}, one {} per row, with the fields: {}.",
                match format {
                    ExportFormat::Csv => "RFC 4180 CSV in UTF-8 with a header row",
                    ExportFormat::Json => "A JSON array of objects",
                },
                match format {
                    ExportFormat::Csv => "line",
                    ExportFormat::Json => "object",
                },
                kind.columns().join(", ")
            )),
            format.media_type(),
            inputs.licence
        ));
    }
    out
}

/// Whether `process` is in (or past the start of) its results phase.
pub fn in_results(process: &Process, now: &str) -> bool {
    process
        .timeline
        .phase(PhaseKind::Results)
        .is_some_and(|p| p.starts_at.as_str() <= now)
}

async fn inputs_of<'a>(
    db: &mut AnyConnection,
    process: &'a Process,
    base_url: &'a str,
    base_iri: &'a str,
    licence: &'a str,
) -> Result<Inputs<'a>, PublishError> {
    let publisher = match &process.organisation {
        Some(id) => crate::auth::organisations::list_organisations(&mut *db)
            .await?
            .into_iter()
            .find(|o| &o.id == id)
            .map(|o| (o.agent_iri, o.name)),
        None => None,
    };
    let evidence = citations::of(&mut *db, &process.id, citations::PROCESS_EVIDENCE)
        .await?
        .into_iter()
        .map(|c| c.iri)
        .collect();
    let mut sizes = Vec::new();
    for kind in ExportKind::ALL {
        for format in ExportFormat::ALL {
            let mut out = Writer::new(kind, format, None);
            exports::write(&mut *db, process, kind, base_url, &mut out)
                .await
                .map_err(|e| PublishError::Import(e.to_string()))?;
            sizes.push((kind, format, out.into_bytes().len()));
        }
    }
    Ok(Inputs {
        process,
        base_url,
        base_iri,
        publisher,
        licence,
        evidence,
        sizes,
    })
}

/// Where the results go, and under which licence.
#[derive(Clone)]
pub struct Publisher {
    /// The SQL store.
    pub sql: SqlStore,
    /// The catalog's importer.
    pub importer: Importer,
    /// The public address, without trailing slash.
    pub base_url: String,
    /// The licence of the distributions.
    pub licence: String,
}

impl Publisher {
    /// Publishes `process`'s results if it is in its results phase and
    /// they changed since last time.
    pub async fn publish(&self, process: &Process) -> Result<Published, PublishError> {
        if !in_results(process, Timestamp::now().as_str()) {
            return Ok(Published::NotYet);
        }
        let _one_at_a_time = PUBLISHING.lock().await;
        let base_iri = format!("{}/", self.base_url);
        let mut db = self.sql.conn().await?;
        let inputs = inputs_of(&mut db, process, &self.base_url, &base_iri, &self.licence).await?;
        let body = turtle(&inputs);
        let hash = hex::encode(Sha256::digest(body.as_bytes()));
        let stored = results::get(&mut db, &process.id).await?;
        if stored.published_hash.as_deref() == Some(hash.as_str()) {
            return Ok(Published::Unchanged);
        }
        drop(db);
        let summary = self
            .importer
            .import(
                body.into_bytes(),
                RdfFormat::Turtle,
                ImportMode::Strict,
                &WriteScope::Any,
            )
            .await
            .map_err(|e| PublishError::Import(e.to_string()))?;
        let iri = dataset_iri(&base_iri, &process.slug);
        let mut db = self.sql.conn().await?;
        results::set_published(&mut db, &process.id, &iri, &hash).await?;
        Ok(if summary.created + summary.updated > 0 {
            Published::Imported(iri)
        } else {
            Published::Unchanged
        })
    }

    /// Publishes every process whose results are due; how many were
    /// imported.
    pub async fn publish_due(&self) -> Result<usize, PublishError> {
        let all = {
            let mut db = self.sql.conn().await?;
            processes::all(&mut db).await?
        };
        let mut imported = 0;
        for process in &all {
            match self.publish(process).await {
                Ok(Published::Imported(_)) => imported += 1,
                Ok(_) => {}
                Err(err) => {
                    tracing::warn!("the results of {} were not published: {err}", process.slug)
                }
            }
        }
        Ok(imported)
    }

    /// Publishes the results that are due every ten minutes, from ten
    /// minutes after the start (seeding publishes the demo's at once),
    /// until the task is aborted (when the server stops: it holds the
    /// stores).
    pub fn watch(self) -> tokio::task::JoinHandle<()> {
        tokio::spawn(async move {
            let period = Duration::from_secs(600);
            let mut every = tokio::time::interval_at(tokio::time::Instant::now() + period, period);
            loop {
                every.tick().await;
                match self.publish_due().await {
                    Ok(0) => {}
                    Ok(imported) => tracing::info!(imported, "consultation results published"),
                    Err(err) => tracing::warn!("publishing consultation results failed: {err}"),
                }
            }
        })
    }
}
