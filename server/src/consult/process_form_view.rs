//! What the consultation form shows: the stored process as the form's
//! fields (or the moderator's refused attempt, with its problems), the
//! organisations that may organise it, and its cover.

use app::account::OrganisationView;
use app::consult::{AreaKind, Cover, ProcessFormView, ProcessInput};
use app::services::ServiceError;
use sqlx::AnyConnection;

use crate::auth::AccountId;
use crate::consult::citations::{self, PROCESS_EVIDENCE};
use crate::consult::form_drafts::{self, Draft};
use crate::consult::processes::{self, Process};

fn unavailable(err: impl std::fmt::Display) -> ServiceError {
    ServiceError::Unavailable(err.to_string())
}

/// The stored process `process` as the form's fields.
async fn as_input(db: &mut AnyConnection, process: &Process) -> Result<ProcessInput, sqlx::Error> {
    let (area_kind, area) = match &process.area {
        Some(area) => {
            let (kind, text) = area.to_stored();
            (AreaKind::from_code(kind).unwrap_or_default(), text)
        }
        None => (AreaKind::None, String::new()),
    };
    let mut phases = ProcessInput::empty_phases();
    for phase in process.timeline.phases() {
        if let Some(field) = phases.iter_mut().find(|p| p.kind == phase.kind) {
            field.starts_at = phase.starts_at.clone();
            field.ends_at = phase.ends_at.clone();
        }
    }
    let evidence = citations::of(db, &process.id, PROCESS_EVIDENCE).await?;
    Ok(ProcessInput {
        slug: process.slug.clone(),
        title: process.title.clone(),
        summary: process.summary.clone(),
        body: process.body.clone(),
        area_kind,
        area,
        organisation: process
            .organisation
            .as_ref()
            .map(|o| o.as_str().to_owned())
            .unwrap_or_default(),
        max_supports: process
            .max_supports
            .map(|n| n.to_string())
            .unwrap_or_default(),
        support_threshold: process
            .support_threshold
            .map(|n| n.to_string())
            .unwrap_or_default(),
        phases,
        evidence: evidence
            .into_iter()
            .map(|c| c.iri)
            .collect::<Vec<_>>()
            .join("\n"),
        cover_alt: process
            .cover
            .as_ref()
            .map(|c| c.1.clone())
            .unwrap_or_default(),
        remove_cover: false,
    })
}

/// The form for a new process (`slug` = `None`) or for editing `slug`, as
/// `account` (a moderator) sees it.
pub async fn form_view(
    db: &mut AnyConnection,
    account: &AccountId,
    slug: Option<&str>,
) -> Result<ProcessFormView, ServiceError> {
    let stored = match slug {
        Some(slug) => Some(
            processes::by_slug(db, slug)
                .await
                .map_err(unavailable)?
                .ok_or(ServiceError::NotFound)?,
        ),
        None => None,
    };
    let draft = form_drafts::get(
        db,
        account,
        &Draft::Process {
            slug: slug.unwrap_or_default(),
        },
    )
    .await
    .map_err(unavailable)?;
    let (input, problems) = match (draft, &stored) {
        (Some((input, problems)), _) => (input, problems),
        (None, Some(process)) => (
            as_input(db, process).await.map_err(unavailable)?,
            Vec::new(),
        ),
        (None, None) => (
            ProcessInput {
                phases: ProcessInput::empty_phases(),
                ..ProcessInput::default()
            },
            Vec::new(),
        ),
    };
    let organisations = crate::auth::organisations::list_organisations(db)
        .await
        .map_err(unavailable)?
        .into_iter()
        .map(|o| OrganisationView {
            id: o.id.as_str().to_owned(),
            name: o.name,
            agent_iri: o.agent_iri,
        })
        .collect();
    let cover = stored.as_ref().and_then(|p| {
        p.cover.as_ref().map(|(file, alt)| Cover {
            href: format!("/consultations/{}/cover/{file}", p.slug),
            alt: alt.clone(),
        })
    });
    Ok(ProcessFormView {
        editing: stored.map(|p| p.slug),
        input,
        problems,
        organisations,
        cover,
    })
}
