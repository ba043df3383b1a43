//! Moderators and administrators create and edit consultations: the form's
//! checks (every problem at once, each about one field), then one
//! transaction that writes the process, its phases, its evidence and its
//! cover, with an audit entry. A refused attempt is kept as a draft; a
//! cover image is written before the transaction commits and removed if it
//! does not.

use std::path::Path;

use app::consult::{
    AreaKind, EVIDENCE_MAX, PROCESS_BODY_MAX, PROCESS_SUMMARY_MAX, PROCESS_TITLE_MAX, Phase,
    ProcessInput, ProcessProblem, TimelineError, is_utc_date,
};

use crate::auth::{Account, OrganisationId, audit};
use crate::consult::citations::{self, Cited, PROCESS_EVIDENCE};
use crate::consult::covers::{self, ImageType};
use crate::consult::form_drafts::{self, Draft};
use crate::consult::processes::{self, Area, NewProcess, ProcessError};
use crate::search::SearchIndex;
use crate::store::SqlStore;

/// Why a consultation was not saved; nothing was changed.
#[derive(Debug, thiserror::Error)]
pub enum ProcessFormError {
    /// No consultation with that short name.
    #[error("no such consultation")]
    NotFound,
    /// The form has problems; what was typed is kept as a draft.
    #[error("the consultation form has problems: {0:?}")]
    Refused(Vec<ProcessProblem>),
    /// The catalog's index did not answer.
    #[error("the catalog did not answer: {0}")]
    Catalog(String),
    /// The cover could not be written.
    #[error("the cover image could not be stored: {0}")]
    Cover(#[from] std::io::Error),
    /// The database failed.
    #[error("consultation storage failed: {0}")]
    Sql(#[from] sqlx::Error),
}

/// A form that passed its checks.
struct Checked {
    process: NewProcess,
    evidence: Vec<Cited>,
    cover: Option<ImageType>,
}

fn number(text: &str, problem: ProcessProblem, problems: &mut Vec<ProcessProblem>) -> Option<u32> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    match text.parse::<u32>() {
        Ok(n) if n >= 1 => Some(n),
        _ => {
            problems.push(problem);
            None
        }
    }
}

fn phases(input: &ProcessInput, problems: &mut Vec<ProcessProblem>) -> Vec<Phase> {
    let mut phases = Vec::new();
    for phase in &input.phases {
        let (starts, ends) = (phase.starts_at.trim(), phase.ends_at.trim());
        if starts.is_empty() && ends.is_empty() {
            continue;
        }
        if !is_utc_date(starts) || !is_utc_date(ends) {
            problems.push(ProcessProblem::PhaseDate(phase.kind));
            continue;
        }
        phases.push(Phase {
            kind: phase.kind,
            starts_at: starts.to_owned(),
            ends_at: ends.to_owned(),
        });
    }
    phases.sort_by_key(|p| p.kind);
    if problems
        .iter()
        .any(|p| matches!(p, ProcessProblem::PhaseDate(_)))
    {
        return phases;
    }
    match app::consult::Timeline::new(phases.clone()) {
        Ok(_) => {}
        Err(TimelineError::NoPhase) => problems.push(ProcessProblem::NoPhase),
        Err(TimelineError::EndsBeforeStart(kind)) => {
            problems.push(ProcessProblem::PhaseEndsBeforeStart(kind))
        }
        Err(TimelineError::Overlaps(kind)) | Err(TimelineError::Repeated(kind)) => {
            problems.push(ProcessProblem::PhaseOverlaps(kind))
        }
        Err(TimelineError::BadDate(kind)) => problems.push(ProcessProblem::PhaseDate(kind)),
    }
    phases
}

/// The IRIs of the evidence lines, each once, or their problems.
fn evidence_lines(input: &ProcessInput, problems: &mut Vec<ProcessProblem>) -> Vec<String> {
    let mut iris: Vec<String> = Vec::new();
    for line in input
        .evidence
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
    {
        if oxigraph::model::NamedNode::new(line).is_err() || !line.contains(':') {
            problems.push(ProcessProblem::EvidenceNotIri(line.to_owned()));
        } else if !iris.iter().any(|i| i == line) {
            iris.push(line.to_owned());
        }
    }
    if iris.len() > EVIDENCE_MAX {
        problems.push(ProcessProblem::EvidenceTooMany);
    }
    iris
}

/// Checks the whole form: `editing` is the stored process, if any;
/// `cover` the uploaded image's bytes, if one was chosen.
async fn check(
    sql: &SqlStore,
    search: &SearchIndex,
    editing: Option<&processes::Process>,
    input: &ProcessInput,
    cover: Option<&[u8]>,
) -> Result<Checked, ProcessFormError> {
    let mut problems = Vec::new();
    let db = &mut *sql.conn().await?;
    let slug = match editing {
        Some(process) => process.slug.clone(),
        None => {
            let slug = input.slug.trim().to_owned();
            if !processes::is_slug(&slug) {
                problems.push(ProcessProblem::SlugInvalid);
            } else if processes::by_slug(db, &slug).await?.is_some() {
                problems.push(ProcessProblem::SlugTaken);
            }
            slug
        }
    };
    let title = input.title.trim();
    if title.is_empty() || title.chars().count() > PROCESS_TITLE_MAX {
        problems.push(ProcessProblem::TitleLength);
    }
    if input.summary.trim().chars().count() > PROCESS_SUMMARY_MAX {
        problems.push(ProcessProblem::SummaryLong);
    }
    let body = input.body.replace("\r\n", "\n");
    if body.chars().count() > PROCESS_BODY_MAX {
        problems.push(ProcessProblem::BodyLong);
    }
    let area = match input.area_kind {
        AreaKind::None => None,
        kind => match Area::from_stored(kind.code(), input.area.trim()) {
            Ok(area) => Some(area),
            Err(_) => {
                problems.push(ProcessProblem::AreaInvalid);
                None
            }
        },
    };
    let organisation = match input.organisation.trim() {
        "" => None,
        id => {
            let id = OrganisationId::from_stored(id);
            if crate::auth::organisations::organisation(db, &id)
                .await?
                .is_none()
            {
                problems.push(ProcessProblem::OrganisationUnknown);
            }
            Some(id)
        }
    };
    let max_supports = number(
        &input.max_supports,
        ProcessProblem::MaxSupportsInvalid,
        &mut problems,
    );
    let support_threshold = number(
        &input.support_threshold,
        ProcessProblem::ThresholdInvalid,
        &mut problems,
    );
    let phases = phases(input, &mut problems);
    let cover = match cover {
        Some(bytes) => match covers::check(bytes) {
            Ok(kind) => Some(kind),
            Err(problem) => {
                problems.push(problem);
                None
            }
        },
        None => None,
    };
    let alt = input.cover_alt.trim().chars().count();
    let has_cover =
        cover.is_some() || (editing.is_some_and(|p| p.cover.is_some()) && !input.remove_cover);
    if has_cover && (alt == 0 || alt > app::consult::COVER_ALT_MAX) {
        problems.push(ProcessProblem::CoverAlt);
    }
    let iris = evidence_lines(input, &mut problems);
    let found = search
        .documents_by_iri(iris.clone())
        .await
        .map_err(|e| ProcessFormError::Catalog(e.to_string()))?;
    let mut evidence = Vec::new();
    for iri in iris {
        match found.iter().find(|d| d.iri == iri) {
            Some(doc) => evidence.push(Cited {
                iri,
                version: doc.version,
            }),
            None => problems.push(ProcessProblem::EvidenceUnknown(iri)),
        }
    }
    if !problems.is_empty() {
        return Err(ProcessFormError::Refused(problems));
    }
    Ok(Checked {
        process: NewProcess {
            slug,
            title: title.to_owned(),
            summary: input.summary.trim().to_owned(),
            body,
            area,
            organisation,
            max_supports,
            support_threshold,
            phases,
        },
        evidence,
        cover,
    })
}

/// Saves the consultation form of `moderator` (the handler asked
/// `auth::decide`): a new process (`editing` = `None`) or the process
/// `editing`; its slug.
pub async fn save(
    sql: &SqlStore,
    search: &SearchIndex,
    data_dir: &Path,
    moderator: &Account,
    editing: Option<&str>,
    input: &ProcessInput,
    cover: Option<&[u8]>,
) -> Result<String, ProcessFormError> {
    let stored = match editing {
        Some(slug) => Some(
            processes::by_slug(&mut *sql.conn().await?, slug)
                .await?
                .ok_or(ProcessFormError::NotFound)?,
        ),
        None => None,
    };
    let target = editing.unwrap_or_default();
    let checked = match check(sql, search, stored.as_ref(), input, cover).await {
        Ok(checked) => checked,
        Err(ProcessFormError::Refused(problems)) => {
            let mut db = sql.conn().await?;
            let draft = Draft::Process { slug: target };
            form_drafts::save(&mut db, &moderator.id, &draft, input, &problems).await?;
            return Err(ProcessFormError::Refused(problems));
        }
        Err(error) => return Err(error),
    };
    let new_file = match (checked.cover, cover) {
        (Some(kind), Some(bytes)) => Some(covers::store(data_dir, bytes, kind).await?),
        _ => None,
    };
    let written = write(
        sql,
        moderator,
        stored.as_ref(),
        &checked,
        input,
        new_file.as_deref(),
    )
    .await;
    let old_file = stored
        .as_ref()
        .and_then(|p| p.cover.as_ref())
        .map(|c| c.0.clone());
    match written {
        Ok(slug) => {
            if let Some(old) = old_file.filter(|_| new_file.is_some() || input.remove_cover) {
                covers::remove(data_dir, &old).await;
            }
            Ok(slug)
        }
        Err(error) => {
            if let Some(file) = new_file {
                covers::remove(data_dir, &file).await;
            }
            Err(error)
        }
    }
}

async fn write(
    sql: &SqlStore,
    moderator: &Account,
    stored: Option<&processes::Process>,
    checked: &Checked,
    input: &ProcessInput,
    new_file: Option<&str>,
) -> Result<String, ProcessFormError> {
    let refused = |error: ProcessError| match error {
        ProcessError::Sql(err) => ProcessFormError::Sql(err),
        ProcessError::SlugTaken(_) => ProcessFormError::Refused(vec![ProcessProblem::SlugTaken]),
        ProcessError::BadSlug(_) => ProcessFormError::Refused(vec![ProcessProblem::SlugInvalid]),
        ProcessError::BadText => ProcessFormError::Refused(vec![ProcessProblem::TitleLength]),
        ProcessError::Timeline(_) => ProcessFormError::Refused(vec![ProcessProblem::NoPhase]),
    };
    let mut tx = sql.begin().await?;
    let (id, slug, action) = match stored {
        Some(process) => {
            processes::update(&mut tx, &process.id, &checked.process)
                .await
                .map_err(refused)?;
            (
                process.id.clone(),
                process.slug.clone(),
                "consultation.update",
            )
        }
        None => {
            let process = processes::create(&mut tx, &checked.process)
                .await
                .map_err(refused)?;
            (process.id, process.slug, "consultation.create")
        }
    };
    citations::replace(&mut tx, &id, PROCESS_EVIDENCE, &checked.evidence).await?;
    let alt = input.cover_alt.trim();
    match (new_file, stored.and_then(|p| p.cover.as_ref())) {
        (Some(file), _) => processes::set_cover(&mut tx, &id, Some((file, alt))).await?,
        (None, Some(_)) if input.remove_cover => processes::set_cover(&mut tx, &id, None).await?,
        (None, Some((file, _))) => processes::set_cover(&mut tx, &id, Some((file, alt))).await?,
        (None, None) => {}
    }
    let edited = stored.map_or("", |p| p.slug.as_str());
    form_drafts::discard(&mut tx, &moderator.id, &Draft::Process { slug: edited }).await?;
    let detail = format!(
        "{} phases, {} records of evidence.",
        checked.process.phases.len(),
        checked.evidence.len()
    );
    audit::record(&mut tx, Some(moderator), action, &slug, &detail).await?;
    tx.commit().await?;
    Ok(slug)
}
